import 'server-only';
import { cookies } from 'next/headers';
import { decode, type JWT } from 'next-auth/jwt';
import { getAuthSecret } from './secret';

// Reading the session on every request (ARCHITECTURE.md: performance budget). next-auth's getServerSession derives the
// encryption key with HKDF, decrypts the cookie, runs the jwt callback (a database read) and then
// encrypts a fresh token that a Server Component or route handler cannot even send back: two key
// derivations and two AES-GCM operations per request, about a tenth of a filing's CPU.
//
// Here the cookie is decrypted by next-auth's own `decode` (same key, same checks) and the result
// is remembered by the exact cookie value for a minute. Decryption is a pure function of the cookie
// and the secret, so a remembered result is the one a fresh decode would give; the token's expiry is
// still checked on every use, and the session version is still checked against the database on
// every request by getSessionUser (ARCHITECTURE.md: session version), so nothing a
// sign-out, password change or removal ends stays usable.

const TTL_MS = 60_000;
const MAX_ENTRIES = 1_000;
/** jose's clockTolerance in next-auth's decode: a token is accepted up to 15 s past its exp. */
const CLOCK_TOLERANCE_S = 15;

type Entry = { token: JWT; until: number };
let cache = new Map<string, Entry>();
let cacheSecret = '';

export function sessionCookieName(): string {
  // next-auth's default: the __Secure- prefix when the site is served over https.
  const secure = process.env.NEXTAUTH_URL?.startsWith('https://') ?? !!process.env.VERCEL;
  return `${secure ? '__Secure-' : ''}next-auth.session-token`;
}

function unexpired(token: JWT, now: number): boolean {
  return typeof token.exp !== 'number' || token.exp + CLOCK_TOLERANCE_S > now / 1000;
}

/** The decrypted session token of a cookie value, or null when it is not one of ours or has expired. */
export async function decodeSessionToken(raw: string, now = Date.now()): Promise<JWT | null> {
  const secret = getAuthSecret();
  if (secret !== cacheSecret) {
    cache = new Map();
    cacheSecret = secret;
  }
  const hit = cache.get(raw);
  if (hit && hit.until > now) return unexpired(hit.token, now) ? hit.token : null;
  let token: JWT | null;
  try {
    token = await decode({ token: raw, secret });
  } catch {
    return null; // tampered, foreign or expired: not signed in (failures are not remembered)
  }
  if (!token) return null;
  cache.delete(raw);
  cache.set(raw, { token, until: now + TTL_MS });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return token;
}

/** The request's session token (next-auth splits a large one into .0, .1, … cookies). */
export async function readSessionToken(): Promise<JWT | null> {
  const name = sessionCookieName();
  const jar = await cookies();
  let raw = jar.get(name)?.value;
  if (!raw) {
    const chunks = jar
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.split('.').pop()) - Number(b.name.split('.').pop()));
    raw = chunks.map((c) => c.value).join('');
  }
  return raw ? decodeSessionToken(raw) : null;
}
