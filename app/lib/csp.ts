// The Content-Security-Policy of every document, with a per-request nonce (README: Security).
// Pure: proxy.ts makes the nonce and sends the policy on the response and, for Next to stamp its
// own scripts with the nonce, on the request. 'strict-dynamic' lets a nonced script load the
// build's chunks and nothing else; 'self' and https: are ignored by browsers that know
// 'strict-dynamic' and only keep older ones working. No 'unsafe-inline' for scripts: an injected
// inline script has no nonce and does not run.
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React and Next set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ].join('; ');
}

/** The header a server component reads to give its own inline script the request's nonce. */
export const NONCE_HEADER = 'x-nonce';
