// Every page.tsx / route.ts under app/ as a URL pattern, so the authorization matrix can fail on
// a route missing from the table and the screens sweep can skip entries whose page is not built yet.
import fs from 'node:fs';
import path from 'node:path';
import type { AuthzContext, RouteCase } from './types';

const APP_DIR = path.resolve(__dirname, '..', '..', 'app');
const ROUTE_FILE = /^(page|route)\.(tsx|ts|jsx|js)$/;

export type AppRoute = { file: string; pattern: string; re: RegExp };

/** Every page and route handler under app/, as its URL pattern and a matcher. */
export function appRoutes(): AppRoute[] {
  const out: AppRoute[] = [];
  const walk = (dir: string, segs: string[]) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        // Private folders (_x) and parallel-route slots (@x) are not URL segments of their own.
        if (e.name.startsWith('_')) continue;
        walk(path.join(dir, e.name), e.name.startsWith('@') ? segs : [...segs, e.name]);
      } else if (ROUTE_FILE.test(e.name)) {
        const urlSegs = segs.filter((s) => !(s.startsWith('(') && s.endsWith(')')));
        const pattern = '/' + urlSegs.join('/');
        const re = urlSegs
          .map((s) => {
            if (/^\[\[\.\.\..+\]\]$/.test(s)) return '(?:/.*)?';
            if (/^\[\.\.\..+\]$/.test(s)) return '/.+';
            if (/^\[.+\]$/.test(s)) return '/[^/]+';
            return '/' + s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          })
          .join('');
        out.push({ file: path.relative(APP_DIR, path.join(dir, e.name)), pattern, re: new RegExp(`^${re || '/'}$`) });
      }
    }
  };
  walk(APP_DIR, []);
  return out;
}

export const pathOnly = (url: string) => decodeURI(url.split(/[?#]/)[0]);

/** Whether a table entry's page or handler exists yet (a feature may still be being built). */
export function routeExists(existing: AppRoute[], r: RouteCase, ctx: AuthzContext): boolean {
  return existing.some((f) => f.re.test(pathOnly(r.path(ctx))));
}
