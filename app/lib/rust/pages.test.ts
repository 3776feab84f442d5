import { describe, expect, it } from 'vitest';
import { pageOfAnchor, rustPageHref, RUST_PAGES } from './pages';

describe('the Rust case’s pages', () => {
  it('sends every anchor to the page that holds it', () => {
    expect(pageOfAnchor('src-LAT-1022')).toBe('sources');
    expect(pageOfAnchor('answer-rule-3')).toBe('rules');
    expect(pageOfAnchor('event-handoff')).toBe('timeline');
    expect(pageOfAnchor('assumption-no-meeting-on-21-oct')).toBe('timeline');
    expect(pageOfAnchor('fp-FP4')).toBe('');
    // The sections of the one long page the case once was.
    expect(pageOfAnchor('assumptions')).toBe('timeline');
    expect(pageOfAnchor('answers')).toBe('rules');
    expect(pageOfAnchor('corrections')).toBe('corrections');
    expect(pageOfAnchor('people')).toBe('people');
    expect(pageOfAnchor('sources')).toBe('sources');
    expect(pageOfAnchor('nothing-here')).toBeUndefined();
  });

  it('keeps the version read in every link, and names none for the newest', () => {
    expect(rustPageHref('')).toBe('/reference/rust');
    expect(rustPageHref('sources', 1, '#src-SUN-OHSB')).toBe('/reference/rust/sources?version=1#src-SUN-OHSB');
    expect(rustPageHref('timeline', undefined, '#event-handoff')).toBe('/reference/rust/timeline#event-handoff');
    expect(RUST_PAGES.map((p) => p.slug)).toEqual(['', 'timeline', 'rules', 'people', 'sources', 'corrections']);
  });
});
