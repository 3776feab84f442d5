import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import AppError from './error';

// The signed-in app's error boundary: a calm message, a retry, and a way back (ARCHITECTURE.md: a server action).
describe('app/(app)/error.tsx', () => {
  const html = (digest?: string) =>
    renderToStaticMarkup(createElement(AppError, { error: Object.assign(new Error('boom'), digest ? { digest } : {}), reset: () => {} }));

  it('says calmly that the page could not be shown, as an alert', () => {
    const out = html();
    expect(out).toContain('role="alert"');
    expect(out).toContain('This page could not be shown');
    expect(out).toContain('stop work and tell the armorer or a producer in person');
  });

  it('offers a retry and a way back to the productions', () => {
    const out = html();
    expect(out).toMatch(/<button[^>]*type="button"[^>]*>Try again<\/button>/);
    expect(out).toMatch(/<a[^>]*href="\/"[^>]*>Back to your productions<\/a>/);
  });

  it('shows the error reference when there is one, and never the error message itself', () => {
    expect(html('4242')).toContain('Reference for support: 4242');
    expect(html()).not.toContain('Reference for support');
    expect(html('4242')).not.toContain('boom');
  });
});
