// Every screen, every role, two widths (ARCHITECTURE.md: phones and offline). The pages come from the authorization
// matrix (e2e/authz/*): each page entry is visited by every caller whose expected answer is
// 'ok', so a page the matrix knows can never be missed here. For each page × role:
//   - with SCREENS_SHOTS=1, a full-page screenshot at 375 px and 1280 px, in the light and the
//     dark theme (the device's setting, emulated), under test-results/screens/ (never committed).
//     They are for people to look at; the checks below need none, so CI skips them;
//   - no horizontal scrolling of the document at 375 px;
//   - axe (WCAG 2.0/2.1 A and AA) at both widths and in both themes: 0 violations;
//   - tap targets at 375 px (the rule is `tapTargetProblems` below).
// One browser context per role, reused for all of its pages, keeps the sweep to a few minutes.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { routes } from './authz';
import { appRoutes, pathOnly, routeExists } from './authz/app-routes';
import { authzCtx } from './authz/ctx';
import type { AuthzContext, Caller, RouteCase } from './authz/types';
import { storageStateFor } from './auth-state';
import { axeViolations, WCAG_AA, type AxeViolation } from './axe';

/** The callers swept: the demo production's roles, the site admin, and a signed-out visitor. */
const SWEPT = ['crew', 'armorer', 'producer', 'auditor', 'admin', 'anon'] as const satisfies readonly Caller[];
type Swept = (typeof SWEPT)[number];

const WIDTHS = [
  { width: 375, height: 812 },
  { width: 1280, height: 900 },
] as const;
const PHONE = 375;
const SHOTS = path.resolve(__dirname, '..', 'test-results', 'screens');
const TAKE_SHOTS = process.env.SCREENS_SHOTS === '1';

/** Any id resolves, so the table's paths can be matched against app/ before the database exists. */
const placeholderCtx = new Proxy({} as AuthzContext, { get: () => 'x' });
const existing = appRoutes();

type Screen = { name: string; route: RouteCase };

/** The pages a caller may open, straight from the route table. */
function screensFor(caller: Swept): Screen[] {
  return routes
    .filter((r) => r.kind === 'page' && r.method === 'GET' && r.expect[caller] === 'ok' && routeExists(existing, r, placeholderCtx))
    .map((r) => ({ name: r.name, route: r }));
}

/**
 * The two refusal screens people meet (app/not-found.tsx and app/forbidden.tsx), each through
 * the first page the table says crew are refused that way.
 */
function refusalScreens(): Screen[] {
  const pages = routes.filter((r) => r.kind === 'page' && routeExists(existing, r, placeholderCtx));
  const out: Screen[] = [];
  const notFound = pages.find((r) => r.expect.crew === 'notfound');
  const forbidden = pages.find((r) => r.expect.crew === 'forbidden');
  if (notFound) out.push({ name: `not-found screen (${notFound.name})`, route: notFound });
  if (forbidden) out.push({ name: `forbidden screen (${forbidden.name})`, route: forbidden });
  return out;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function formatAxe(violations: AxeViolation[]): string[] {
  return violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 6)
      .map((n) => `      at ${n.target.join(' ')}\n         ${n.html.slice(0, 160)}\n         ${(n.failureSummary ?? '').replace(/\n\s*/g, ' | ').slice(0, 300)}`)
      .join('\n');
    const more = v.nodes.length > 6 ? `\n      … and ${v.nodes.length - 6} more` : '';
    return `axe ${v.id} (${v.impact}): ${v.help}\n${nodes}${more}`;
  });
}

type TapReport = { small: string[]; inlineExempt: number };

/**
 * Tap targets at 375 px (WCAG 2.5.5 Target Size, 44 × 44 CSS px, with its inline exception):
 * every visible a[href], button, input, select, textarea, summary and [role=button] must be at
 * least 44 px tall AND 44 px wide (0.5 px slack for sub-pixel layout). A checkbox or radio is
 * measured together with its <label>, which takes the same tap. Exempt: a link whose computed
 * display is inline and whose nearest block ancestor has text outside it, i.e. a link inside a
 * sentence (2.5.5 "Inline"). Elements with no box (hidden, inside a closed <details>, or
 * visually-hidden 1 px text) are not targets.
 */
async function tapTargetProblems(page: Page): Promise<TapReport> {
  return page.evaluate(() => {
    const MIN = 44 - 0.5;
    const describe = (el: Element) => {
      const text = (el.getAttribute('aria-label') || (el as HTMLElement).innerText || el.getAttribute('value') || el.getAttribute('name') || '').trim().replace(/\s+/g, ' ');
      return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('type') ? ` type=${el.getAttribute('type')}` : ''}> "${text.slice(0, 50)}"`;
    };
    const isBlock = (el: Element) => !getComputedStyle(el).display.startsWith('inline') && getComputedStyle(el).display !== 'contents';
    const small: string[] = [];
    let inlineExempt = 0;
    for (const el of Array.from(document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]'))) {
      const style = getComputedStyle(el);
      let r = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none' || r.width <= 1 || r.height <= 1) continue;
      if (el.tagName === 'A' && style.display === 'inline') {
        let block = el.parentElement;
        while (block && !isBlock(block)) block = block.parentElement;
        const own = (el.textContent ?? '').trim().length;
        const around = (block?.textContent ?? '').trim().length;
        if (around > own) {
          inlineExempt++;
          continue;
        }
      }
      const type = el.getAttribute('type');
      if (el.tagName === 'INPUT' && (type === 'checkbox' || type === 'radio')) {
        const label = el.closest('label') ?? (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null);
        if (label) {
          const l = label.getBoundingClientRect();
          const left = Math.min(r.left, l.left);
          const top = Math.min(r.top, l.top);
          r = new DOMRect(left, top, Math.max(r.right, l.right) - left, Math.max(r.bottom, l.bottom) - top);
        }
      }
      if (r.height < MIN || r.width < MIN) small.push(`${describe(el)} is ${Math.round(r.width)}×${Math.round(r.height)} px`);
    }
    return { small, inlineExempt };
  });
}

async function horizontalOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const s = document.scrollingElement!;
    if (s.scrollWidth <= s.clientWidth) return null;
    // Name the widest culprits so the failure says where to look.
    const wide = Array.from(document.body.querySelectorAll('*'))
      .filter((el) => el.getBoundingClientRect().right > s.clientWidth + 1)
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= s.clientWidth + 1)
      .slice(0, 5)
      .map((el) => `<${el.tagName.toLowerCase()} class="${(el.getAttribute('class') ?? '').slice(0, 80)}"> right=${Math.round(el.getBoundingClientRect().right)}`);
    return `document scrolls sideways: scrollWidth ${s.scrollWidth} > clientWidth ${s.clientWidth}; ${wide.join('; ')}`;
  });
}

/**
 * The rendered page as markup, without scripts (Next's payload, CSP nonces): two callers who get
 * the same markup at the same URL see the same screen, such as the public pages, which never read
 * the session.
 */
async function markupOf(page: Page): Promise<string> {
  const html = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('script, noscript, template, next-route-announcer').forEach((el) => el.remove());
    body.querySelectorAll('[nonce]').forEach((el) => el.removeAttribute('nonce'));
    return body.outerHTML;
  });
  return createHash('sha256').update(html).digest('hex');
}

/** Landing URL + markup → where it was swept first, across callers (the run's one worker). */
const sweptMarkup = new Map<string, { caller: Swept; name: string }>();
const THEMES = ['light', 'dark'] as const;
const shotPath = (width: number, caller: Swept, name: string, theme: (typeof THEMES)[number] = 'light') =>
  path.join(SHOTS, String(width), caller, `${slug(name)}${theme === 'dark' ? '.dark' : ''}.png`);

type SweepResult = { problems: string[]; inlineExempt: number; sameAs?: string };

/**
 * Visits one screen at both widths and returns every problem found, readably. `seen` maps the
 * URLs this caller already landed on to the entry that swept them: a page that redirects to one
 * of those (sign-in and home both land on the overview for a member of one production) is the
 * same screen and is not checked twice. Nor is a page whose markup another caller already got
 * at that URL: its screenshots are copied instead.
 */
async function sweep(page: Page, caller: Swept, screen: Screen, ctx: AuthzContext, seen: Map<string, string>): Promise<SweepResult> {
  const url = screen.route.path(ctx);
  const problems: string[] = [];
  let inlineExempt = 0;
  // One load per screen: the phone first, then the same page widened (the layout is CSS-only).
  await page.setViewportSize(WIDTHS[0]);
  const res = await page.goto(url, { waitUntil: 'load' });
  if (!res) problems.push('no response');
  // Sections that load after the page (skeletons carry aria-busy) are checked once they have landed.
  await page
    .waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 20_000 })
    .catch(() => problems.push('still loading (aria-busy) after 20 s'));
  if (caller !== 'anon' && pathOnly(new URL(page.url()).pathname) === '/sign-in' && pathOnly(url) !== '/sign-in') {
    return { problems: ['landed on /sign-in (the session was lost)'], inlineExempt };
  }
  const landed = new URL(page.url());
  const key = landed.pathname + landed.search;
  const earlier = seen.get(key);
  if (earlier && earlier !== screen.name) return { problems, inlineExempt, sameAs: `${earlier} (${key})` };
  seen.set(key, screen.name);
  const markup = `${key} ${await markupOf(page)}`;
  const first = sweptMarkup.get(markup);
  if (first && first.caller !== caller) {
    for (const { width } of TAKE_SHOTS ? WIDTHS : []) {
      fs.mkdirSync(path.dirname(shotPath(width, caller, screen.name)), { recursive: true });
      for (const theme of THEMES) fs.copyFileSync(shotPath(width, first.caller, first.name, theme), shotPath(width, caller, screen.name, theme));
    }
    return { problems, inlineExempt, sameAs: `${first.caller} · ${first.name}: the same markup at ${key}` };
  }
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    const at = `${size.width}px`;
    if (size.width === PHONE) {
      const overflow = await horizontalOverflow(page);
      if (overflow) problems.push(`${at}: ${overflow}`);
      const taps = await tapTargetProblems(page);
      inlineExempt += taps.inlineExempt;
      for (const s of taps.small) problems.push(`${at}: tap target too small: ${s}`);
    }
    // Night shoots: the same screen in the dark theme (the phone's setting) must pass axe too.
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      if (TAKE_SHOTS) await page.screenshot({ path: shotPath(size.width, caller, screen.name, theme), fullPage: true, animations: 'disabled' });
      for (const v of formatAxe(await axeViolations(page, WCAG_AA))) problems.push(`${at} ${theme}: ${v}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }
  // Only a clean sweep stands in for later callers: a failing screen is checked again for each.
  if (problems.length === 0) sweptMarkup.set(markup, { caller, name: screen.name });
  return { problems, inlineExempt };
}

test.describe('screens: every page × role at 375 and 1280 px', () => {
  test('every page under app/ is swept by at least one caller', () => {
    const swept = SWEPT.flatMap((c) => screensFor(c).map((s) => pathOnly(s.route.path(placeholderCtx))));
    // A page the table says no caller reaches on this server (the benchmark's floor, off unless
    // SETSAFE_BENCH=1) has nothing for people to look at.
    const off = routes
      .filter((r) => r.kind === 'page' && Object.values(r.expect).every((e) => e === 'notfound'))
      .map((r) => pathOnly(r.path(placeholderCtx)));
    const pages = existing.filter((f) => /page\.(tsx|ts|jsx|js)$/.test(f.file) && !off.some((u) => f.re.test(u)));
    const missed = pages.filter((f) => !swept.some((u) => f.re.test(u))).map((f) => `${f.pattern}  (app/${f.file})`);
    expect(missed, 'give these an entry in e2e/authz/<feature>.ts that some swept caller may open').toEqual([]);
  });

  for (const caller of SWEPT) {
    const screens = [...screensFor(caller), ...(caller === 'crew' ? refusalScreens() : [])];
    test.describe(caller, () => {
      let context: BrowserContext;
      let page: Page;
      let ctx: AuthzContext;
      const seen = new Map<string, string>();

      test.beforeAll(async ({ browser, baseURL }) => {
        ctx = authzCtx();
        const storageState = caller === 'anon' ? undefined : await storageStateFor(caller, baseURL!);
        // Reduced motion: the theme switch below lands at once, so axe never measures a colour half-way through a transition.
        context = await browser.newContext({ baseURL, storageState, viewport: WIDTHS[0], reducedMotion: 'reduce' });
        page = await context.newPage();
      });
      test.afterAll(async () => {
        await context?.close();
      });

      for (const screen of screens) {
        test(screen.name, async () => {
          // Two themes double the axe runs and screenshots: long pages (the Rust case) need the time.
          test.setTimeout(150_000);
          const { problems, inlineExempt, sameAs } = await sweep(page, caller, screen, ctx, seen);
          if (sameAs) test.info().annotations.push({ type: 'same screen as', description: sameAs });
          if (inlineExempt) test.info().annotations.push({ type: 'inline links exempt from 44 px', description: String(inlineExempt) });
          // The message carries the readable list; the count keeps the diff from repeating it.
          expect(problems.length, `${caller} · ${screen.route.path(ctx)}\n${problems.join('\n')}\n`).toBe(0);
        });
      }
    });
  }
});
