/**
 * The address a failed sign-in is counted against (throttled per account and per
 * address; README: deployment behind a proxy). Behind a reverse proxy, the rightmost X-Forwarded-For entry is the one the nearest
 * proxy added — the address it saw — while everything left of it came from the client and can be
 * anything: the leftmost entry would let a client pick a fresh address for every guess.
 * Served without a proxy, the header is the client's own and no address can be trusted; the
 * per-account limit holds either way (README: deployment).
 */
export function clientAddress(headers: Record<string, unknown> | undefined): string {
  const xff = headers?.['x-forwarded-for'];
  const hops = typeof xff === 'string' ? xff.split(',').map((h) => h.trim()).filter(Boolean) : [];
  const real = headers?.['x-real-ip'];
  return hops.at(-1) || (typeof real === 'string' && real.trim() ? real.trim() : '') || 'local';
}
