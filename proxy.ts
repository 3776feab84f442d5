// Runs before routing (Next 16 proxy). Three jobs:
//
// 1. The per-request script nonce and the Content-Security-Policy carrying it (app/lib/csp.ts):
//    only scripts the app itself rendered run, so an injected inline script does not.
//
// 2. Refuse, with a 4xx and a JSON message, requests Next itself would answer with a bare 500
//    (ARCHITECTURE.md: no 500 from user input; found by e2e/fuzz-http.spec.ts):
//    - a path with a malformed %-escape (e.g. %ED%A0%80, a lone surrogate, or a bare %), which Next
//      fails to decode into a dynamic segment;
//    - a POST whose multipart/form-data body cannot be parsed, without a Next-Action header: Next
//      takes it for a no-JavaScript server action form and fails to read it;
//    - a POST to a page (a server action, with or without JavaScript) sent from another site, or
//      with an Origin that is not a URL: Next refuses it as cross-site request forgery, but with
//      a 500. Here it is a 403 that says why. The comparison is Next's own: the Origin's host
//      against the first X-Forwarded-Host entry, else Host.
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, NONCE_HEADER } from '@/app/lib/csp';

/** Native form posts of a photo stay below this; larger bodies are left to Next. */
const MAX_CHECKED_BODY = 8 * 1024 * 1024;

const CERTIFICATE_SCAN = /^\/api\/productions\/[^/]+\/qualifications\/[^/]+\/certificates\/[^/]+$/;

const refuse = (message: string, status = 400) => NextResponse.json({ error: message }, { status });

/** 'ok', 'foreign' or 'malformed' for a POST to a page, judged as Next's action handler does. */
function originOf(req: NextRequest): 'ok' | 'foreign' | 'malformed' {
  const origin = req.headers.get('origin');
  if (origin === null) return 'ok'; // no Origin: not a browser's cross-site request (Next lets it through too)
  let originHost: string;
  if (origin === 'null') originHost = 'null';
  else {
    try {
      originHost = new URL(origin).host;
    } catch {
      return 'malformed';
    }
  }
  const forwarded = req.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  const host = req.headers.get('host');
  return originHost === forwarded || originHost === host ? 'ok' : 'foreign';
}

export async function proxy(req: NextRequest) {
  const raw = req.url.slice(req.url.indexOf('/', req.url.indexOf('//') + 2)).split(/[?#]/)[0];
  if (raw.includes('%')) {
    try {
      decodeURIComponent(raw);
    } catch {
      return refuse('This address is not valid: it has a malformed %-escape.');
    }
  }
  if (req.method === 'POST' && !req.nextUrl.pathname.startsWith('/api/')) {
    const origin = originOf(req);
    if (origin === 'malformed') return refuse('The Origin header of this request is not a URL.');
    if (origin === 'foreign') return refuse('This form was sent from another site. SetSafe accepts forms only from its own pages: open SetSafe and try again there.', 403);
  }
  if (
    req.method === 'POST' &&
    !req.headers.has('next-action') &&
    (req.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data') &&
    Number(req.headers.get('content-length') ?? 0) <= MAX_CHECKED_BODY
  ) {
    try {
      await req.clone().formData();
    } catch {
      return refuse('The form data of this request could not be read.');
    }
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  // A certificate scan may be a PDF, which is kept as uploaded (ARCHITECTURE.md: qualification
  // certificates): should a browser render it rather than download it, it runs sandboxed.
  const sandbox = CERTIFICATE_SCAN.test(req.nextUrl.pathname) ? '; sandbox' : '';
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== 'production') + sandbox;
  const headers = new Headers(req.headers);
  headers.set(NONCE_HEADER, nonce);
  headers.set('content-security-policy', csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('Content-Security-Policy', csp);
  return res;
}

export const config = {
  // Static assets never carry user input in their path, and need no document policy.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
