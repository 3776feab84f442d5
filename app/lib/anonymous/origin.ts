import 'server-only';
import { headers } from 'next/headers';

/**
 * The public origin for links printed on call sheets: NEXTAUTH_URL when set (the deployment's own
 * address), else the host this signed-in page was requested on. Only producer-side pages call it.
 */
export async function publicOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      /* fall through to the request's host */
    }
  }
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto.split(',')[0].trim()}://${host.split(',')[0].trim()}`;
}
