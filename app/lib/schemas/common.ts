import { z } from 'zod';

/**
 * Free text. Markup-like words are not refused ("<5 rounds", "a <b> tag" are real reports):
 * every page escapes what it shows, and the gateways clean control characters first (app/lib/text.ts).
 */
export function plainText(max: number, label: string, min = 0, minMessage?: string) {
  let s = z.string().trim();
  if (min > 0) s = s.min(min, minMessage ?? `${label} is required.`);
  return s.max(max, `${label} must be at most ${max.toLocaleString('en-US')} characters.`);
}
