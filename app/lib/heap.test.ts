import { describe, expect, it } from 'vitest';
import { DEFAULT_HEAP_GROWING_PERCENT, heapGrowingFlag } from './heap';

// The server's heap growth bound (ARCHITECTURE.md: exports in constant memory).
describe('heapGrowingFlag', () => {
  it('bounds growth to twice what is live unless told otherwise', () => {
    expect(DEFAULT_HEAP_GROWING_PERCENT).toBe(100);
    expect(heapGrowingFlag(undefined).flag).toBe('--heap-growing-percent=100');
    expect(heapGrowingFlag(' ').flag).toBe('--heap-growing-percent=100');
  });
  it('takes a whole number of percent, and 0 for V8’s own choice', () => {
    expect(heapGrowingFlag('50')).toEqual({ flag: '--heap-growing-percent=50', note: '50%' });
    expect(heapGrowingFlag('0').flag).toBeNull();
  });
  it('keeps the default, and says why, for anything else', () => {
    for (const bad of ['1.5', '-1', 'lots', '5000']) {
      const r = heapGrowingFlag(bad);
      expect(r.flag).toBe('--heap-growing-percent=100');
      expect(r.note).toContain('is not a whole number');
    }
  });
});
