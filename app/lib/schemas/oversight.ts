// Filters of the audit trail and the exports, parsed from searchParams / query strings. Pure.
import { z } from 'zod';
import { CHECK_RESULTS, INCIDENT_STATUSES, INCIDENT_TYPES, SEVERITIES } from '../enums';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-02.')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'That is not a calendar date.');
const idLike = z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_.:-]+$/, 'Not a valid id.');
const token = z.string().trim().min(1).max(60).regex(/^[a-z0-9_.]+$/, 'Not a valid value.');

const dateRange = { from: day.optional(), to: day.optional() };
const rangeOk = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;
const rangeMsg = { message: 'The end date is before the start date.', path: ['to'] };

export const auditFiltersSchema = z
  .object({
    /** Kind of record (audit entity), e.g. incident, hold, membership. */
    entity: token.optional(),
    /** One record's id. */
    record: idLike.optional(),
    /** A person's user id, or 'system' for entries without one (seed, anonymous reporter). */
    person: idLike.optional(),
    /** The kind of change (audit action), e.g. incident.update. */
    action: token.optional(),
    ...dateRange,
    page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  })
  .refine(rangeOk, rangeMsg);
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const incidentExportFiltersSchema = z
  .object({
    status: z.enum(INCIDENT_STATUSES).optional(),
    severity: z.enum(SEVERITIES).optional(),
    type: z.enum(INCIDENT_TYPES).optional(),
    ...dateRange,
  })
  .refine(rangeOk, rangeMsg);

export const checkExportFiltersSchema = z
  .object({ firearm: idLike.optional(), result: z.enum(CHECK_RESULTS).optional(), ...dateRange })
  .refine(rangeOk, rangeMsg);

export const custodyExportFiltersSchema = z
  .object({ firearm: idLike.optional(), open: z.enum(['1']).optional(), ...dateRange })
  .refine(rangeOk, rangeMsg);

/** searchParams → a flat record: the first value of each key, empty strings dropped. */
export function flatParams(sp: Record<string, string | string[] | undefined> | URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = sp instanceof URLSearchParams ? [...sp.entries()] : Object.entries(sp);
  for (const [k, v] of entries) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string' && first.trim() !== '' && !(k in out)) out[k] = first.trim();
  }
  return out;
}

/**
 * For screens: a bad filter value is dropped (and named) rather than failing the page.
 * Route handlers parse strictly and answer 400 instead.
 */
export function parseLenient<T>(schema: z.ZodType<T>, raw: Record<string, string>): { value: T; ignored: string[] } {
  let input = { ...raw };
  const ignored: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = schema.safeParse(input);
    if (r.success) return { value: r.data, ignored };
    const bad = new Set(r.error.issues.map((iss) => String(iss.path[0] ?? '')));
    if (bad.size === 0 || [...bad].every((k) => !(k in input))) break;
    for (const k of bad) {
      if (k in input) ignored.push(k);
      delete input[k as keyof typeof input];
    }
    input = { ...input };
  }
  return { value: schema.parse({}), ignored };
}
