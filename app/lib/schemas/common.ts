import { z } from 'zod';

/** Markup that has no business in a safety report; refused with a message rather than stored. */
const MARKUP = /<\s*\/?\s*(script|iframe|object|embed|style|svg|img|link|meta)\b|javascript:/i;
export const NO_MARKUP_MESSAGE = 'Remove the HTML or script tags: plain text only.';

export function plainText(max: number, label: string, min = 0, minMessage?: string) {
  let s = z.string().trim();
  if (min > 0) s = s.min(min, minMessage ?? `${label} is required.`);
  return s.max(max, `${label} must be at most ${max.toLocaleString('en-US')} characters.`).refine((v) => !MARKUP.test(v), NO_MARKUP_MESSAGE);
}
