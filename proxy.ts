// Runs before routing (Next 16 proxy). It refuses, as 400 with a JSON message, two kinds of
// malformed request that Next itself answers with a bare 500 before any route code runs
// (found by e2e/fuzz-http.spec.ts; ARCHITECTURE.md: no 500 from user input):
// - a path with a malformed %-escape (e.g. %ED%A0%80, a lone surrogate, or a bare %), which Next
//   fails to decode into a dynamic segment;
// - a POST whose multipart/form-data body cannot be parsed, without a Next-Action header: Next
//   takes it for a no-JavaScript server action form and fails to read it.
import { NextResponse, type NextRequest } from 'next/server';

/** Native form posts of a photo stay below this; larger bodies are left to Next. */
const MAX_CHECKED_BODY = 8 * 1024 * 1024;

const refuse = (message: string) => NextResponse.json({ error: message }, { status: 400 });

export async function proxy(req: NextRequest) {
  const raw = req.url.slice(req.url.indexOf('/', req.url.indexOf('//') + 2)).split(/[?#]/)[0];
  if (raw.includes('%')) {
    try {
      decodeURIComponent(raw);
    } catch {
      return refuse('This address is not valid: it has a malformed %-escape.');
    }
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
  return NextResponse.next();
}

export const config = {
  // Static assets never carry user input in their path.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
