// Accessibility checks (ARCHITECTURE.md: tests): axe-core injected into the page once per load and
// run there, in the light and the dark theme and at both widths. The app has no iframes, so the
// top document is the whole screen. @axe-core/playwright re-injects into every frame and opens a
// second page to merge the frames' results on every call: about 2 s a run on a two-core machine
// against 0.1-0.6 s here, and the screens sweep runs four per page and role.
import axe from 'axe-core';
import type { Page } from '@playwright/test';

export type AxeViolation = axe.Result;

/** WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type AxeWindow = { axe?: typeof axe };

/** The violations axe finds on the page as it stands, for the given tags (WCAG 2.1 AA unless told). */
export async function axeViolations(page: Page, tags: string[] = WCAG_AA): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => Boolean((window as AxeWindow).axe)))) await page.evaluate(axe.source);
  return page.evaluate(
    (values) => (window as AxeWindow).axe!.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] }).then((r) => r.violations),
    tags,
  );
}
