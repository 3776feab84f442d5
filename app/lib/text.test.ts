import { describe, expect, it } from 'vitest';
import { cleanInput, cleanText } from './text';

describe('cleanText (input hygiene)', () => {
  it('removes NUL and other control characters, keeps tabs and line breaks', () => {
    expect(cleanText('safe\u0000ty\u0007 check\u001b[31m\tok\r\nnext\rline\u0085')).toBe('safety check[31m\tok\nnext\nline');
  });
  it('replaces lone surrogates and keeps real pairs', () => {
    expect(cleanText('a\uD800b\uDC00c 🎬')).toBe('a\uFFFDb\uFFFDc 🎬');
    expect(cleanText('x\uD83D')).toBe('x\uFFFD');
  });
  it('normalises to NFC', () => {
    expect(cleanText('Cafe\u0301')).toBe('Café');
  });
  it('removes bidirectional overrides and isolates, keeps right-to-left text', () => {
    expect(cleanText('gun \u202Edeifirev\u202C cleared \u2066x\u2069')).toBe('gun deifirev cleared x');
    expect(cleanText('שלום مرحبا')).toBe('שלום مرحبا');
  });
  it('never refuses or alters markup-like words', () => {
    for (const s of ['<5 rounds', 'a <b> tag', '<script> is a word here', 'x < y > z']) expect(cleanText(s)).toBe(s);
  });
});

describe('cleanInput', () => {
  it('cleans nested strings, leaves passwords, numbers and files alone', () => {
    const file = new Blob(['x']);
    const out = cleanInput({ a: 'n\u0000ul', list: ['\u202Ex'], n: 3, password: 'p\u0000w', nested: { confirm: '\u0001', note: '\u0001ok' }, file });
    expect(out).toEqual({ a: 'nul', list: ['x'], n: 3, password: 'p\u0000w', nested: { confirm: '\u0001', note: 'ok' }, file });
    expect(out.file).toBe(file);
  });
});
