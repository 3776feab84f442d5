// Before/after of an audit entry as a field-by-field difference, with the personal Form 301
// fields left out for anyone who may not see them (ARCHITECTURE.md: injury privacy). Pure.
import { formatStamp } from './time';
import { AUDIT_ACTIONS, isAuditAction } from './audit-actions';

/** incident_injuries personal fields (1)-(7): employee*, physician*, facility* (db/schema.ts). */
const PERSONAL_KEY = /^(employee|physician|facility)/i;

/** Also matches dotted keys as the incident core writes them ('injury.employeeName'). */
export function isPersonalInjuryKey(key: string): boolean {
  const last = key.split('.').pop() ?? key;
  return PERSONAL_KEY.test(last) || PERSONAL_KEY.test(snakeToCamel(last));
}

function snakeToCamel(k: string): string {
  return k.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** Parses a stored before/after; a value that is not JSON is shown as it is. */
export function parseStored(s: string | null): unknown {
  if (s === null) return null;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

/** Removes personal injury keys at any depth; counts what was left out. */
export function redactPersonal(v: unknown): { value: unknown; removed: number } {
  let removed = 0;
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (x && typeof x === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, val] of Object.entries(x as Record<string, unknown>)) {
        if (isPersonalInjuryKey(k)) {
          removed++;
          continue;
        }
        out[k] = walk(val);
      }
      return out;
    }
    return x;
  };
  return { value: walk(v), removed };
}

/** A stored before/after string with the personal keys removed (for exports). */
export function redactStored(s: string | null): string | null {
  if (s === null) return null;
  const parsed = parseStored(s);
  if (typeof parsed !== 'object' || parsed === null) return s;
  return JSON.stringify(redactPersonal(parsed).value);
}

export type FieldChange = { field: string; label: string; before: unknown; after: unknown; kind: 'added' | 'removed' | 'changed' };
export type EntryDiff = { changes: FieldChange[]; hidden: number };

const isPlainObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/** Nested objects (a checklist) become dotted fields, so each item shows as its own line. */
function flatten(v: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (!isPlainObject(v)) {
    out[prefix || 'value'] = v;
    return out;
  }
  for (const [k, val] of Object.entries(v)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(val) && Object.keys(val).length > 0) flatten(val, key, out);
    else out[key] = val;
  }
  return out;
}

export function diffEntry(before: string | null, after: string | null, opts: { hidePersonal: boolean }): EntryDiff {
  let b = parseStored(before);
  let a = parseStored(after);
  let hidden = 0;
  if (opts.hidePersonal) {
    const rb = redactPersonal(b);
    const ra = redactPersonal(a);
    b = rb.value;
    a = ra.value;
    hidden = new Set([...personalKeys(parseStored(before)), ...personalKeys(parseStored(after))]).size;
  }
  const fb = b === null ? {} : flatten(b);
  const fa = a === null ? {} : flatten(a);
  const keys = [...new Set([...Object.keys(fb), ...Object.keys(fa)])];
  const changes: FieldChange[] = [];
  for (const k of keys) {
    const inB = k in fb;
    const inA = k in fa;
    if (inB && inA && JSON.stringify(fb[k]) === JSON.stringify(fa[k])) continue;
    changes.push({ field: k, label: fieldLabel(k), before: fb[k], after: fa[k], kind: !inB ? 'added' : !inA ? 'removed' : 'changed' });
  }
  return { changes, hidden };
}

function personalKeys(v: unknown, out = new Set<string>(), prefix = ''): Set<string> {
  if (isPlainObject(v)) {
    for (const [k, val] of Object.entries(v)) {
      if (isPersonalInjuryKey(k)) out.add(prefix + k);
      else personalKeys(val, out, `${prefix}${k}.`);
    }
  }
  return out;
}

/**
 * 'occurredAt' → 'Occurred at'; 'checklist.bore_clear' → 'Checklist: bore clear'; 'firearmId' →
 * 'Firearm' (the trail shows the firearm's name there, not its id).
 */
export function fieldLabel(key: string): string {
  return key
    .split('.')
    .map((part) => {
      const words = part.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().trim();
      return words === 'id' ? 'ID' : words.replace(/ id$/, '');
    })
    .map((s, i) => (i === 0 ? s.charAt(0).toUpperCase() + s.slice(1) : s))
    .join(': ');
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** A value as a person reads it: times in the production's zone, yes/no, lists joined. */
export function formatValue(v: unknown, timeZone: string): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return ISO.test(v) ? formatStamp(new Date(v), timeZone) : v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length ? v.map((x) => formatValue(x, timeZone)).join(', ') : '(none)';
  if (isPlainObject(v) && Object.keys(v).length === 0) return '(none)';
  return JSON.stringify(v);
}

/**
 * The words an auditor reads for a recorded action (app/lib/audit-actions.ts). An action a
 * database recorded before it was renamed is spelled out: 'member.invite' → 'Member: invite'.
 */
export function actionLabel(action: string): string {
  if (isAuditAction(action)) return AUDIT_ACTIONS[action];
  const [head, ...rest] = action.split('.');
  const h = head.replace(/_/g, ' ');
  const tail = rest.join(' ').replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `${h.charAt(0).toUpperCase()}${h.slice(1)}${tail ? `: ${tail}` : ''}`;
}
