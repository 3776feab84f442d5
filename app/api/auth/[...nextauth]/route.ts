import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/app/lib/auth-options';
import { jsonError } from '@/app/lib/http';

const handler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

/** next-auth's own test (core/lib/assert.js): a site path, or an absolute http(s) address. */
function isHttpUrl(url: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(url, url.startsWith('/') ? base : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * next-auth v4 answers a callbackUrl (query string or its callback-url cookie) that is not a URL
 * with a 500 "server configuration" error. Nothing a user sends may produce a 500 (ARCHITECTURE.md: no 500 from user input):
 * refuse it here with a 400 instead, and drop a bad cookie so the browser recovers by itself.
 */
function badCallbackUrl(req: NextRequest): Response | null {
  const base = req.nextUrl.origin;
  if (req.nextUrl.searchParams.getAll('callbackUrl').some((u) => u !== '' && !isHttpUrl(u, base))) {
    return jsonError(400, 'callbackUrl must be a path on this site, like /productions.');
  }
  for (const c of req.cookies.getAll()) {
    if (c.name.endsWith('next-auth.callback-url') && c.value !== '' && !isHttpUrl(c.value, base)) {
      const res = jsonError(400, 'The sign-in return address in your cookies was not valid and has been cleared. Try again.');
      res.cookies.set(c.name, '', { path: '/', maxAge: 0 });
      return res;
    }
  }
  return null;
}

async function guarded(req: NextRequest, ctx: Ctx) {
  return badCallbackUrl(req) ?? handler(req, ctx);
}

export { guarded as GET, guarded as POST };
