// Generated input at every incident and hold core (called with an actor, as a server action or
// route handler would): no throw, a message on every refusal, and a refusal changes nothing.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';
import type { Core } from '../core';

createTempDatabase();
const { getSqlite } = await import('@/db/client');
const { fileIncidentCore } = await import('./core');
const workflow = await import('./workflow');
const details = await import('./details');
const people = await import('./people');
const comments = await import('./comments');
const actions = await import('./corrective-actions');
const holds = await import('./holds');

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const NASTY = ['<script>alert(1)</script>', "'; DROP TABLE incidents; --", '\u0000', '\u202e', '𝕊 🔫', 'javascript:alert(1)', ' '.repeat(50), '%_\\'];

function tableCounts(): string {
  const db = getSqlite();
  const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != '__drizzle_migrations'").all() as { name: string }[];
  return JSON.stringify(tables.map((t) => [t.name, (db.prepare(`select count(*) n from "${t.name}"`).get() as { n: number }).n]));
}
/** A fingerprint of every row that a refused call must leave as it was. */
function snapshot(): string {
  const db = getSqlite();
  return tableCounts() + JSON.stringify(db.prepare('select * from incidents order by id').all()) + JSON.stringify(db.prepare('select * from holds order by id').all()) + JSON.stringify(db.prepare('select * from corrective_actions order by id').all());
}

let s: Awaited<ReturnType<typeof seedProduction>>;
const real: Record<string, string> = {};
const now = new Date('2026-11-24T15:00:00Z');

beforeAll(async () => {
  s = await seedProduction();
  const file = (type: string) => {
    const r = fileIncidentCore(s.actors.crew, { id: randomUUID(), type, description: 'Seeded', location: 'Stage 2' }, now);
    if (!r.ok) throw new Error(r.message);
    return r.data.id;
  };
  real.incident = file('unsafe_condition');
  real.injury = file('injury');
  real.discharge = file('accidental_discharge');
  const hold = getSqlite().prepare('select id from holds').get() as { id: string };
  real.hold = hold.id;
  const ca = actions.addCorrectiveActionCore(s.actors.producer, { incidentId: real.incident, what: 'Fix it', ownerId: s.actors.crew.userId, dueDate: '2026-12-01' }, now);
  if (!ca.ok) throw new Error(ca.message);
  real.action = ca.data.id;
});

const value = () =>
  fc.oneof(
    fc.string({ maxLength: 40 }), fc.constantFrom(...NASTY), fc.string({ minLength: 5001, maxLength: 6000 }),
    fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined),
    fc.constantFrom('2026-11-24T08:00', '2099-01-01T00:00', '2026-02-30T10:00', '0001-01-01', '2026-12-01', '-1', '1e309', '12'),
    fc.constantFrom(...Object.values(real)), fc.uuid(), fc.array(fc.uuid(), { maxLength: 3 }),
    fc.constantFrom('closed', 'investigating', 'reported', 'critical', 'low', 'osha_reported', 'form301_completed'),
    fc.dictionary(fc.constantFrom('employeeName', 'died', 'caseNumber', 'emergencyRoom'), fc.oneof(fc.string(), fc.boolean(), fc.integer())),
  );
const KEYS = ['incidentId', 'holdId', 'actionId', 'status', 'note', 'ownerId', 'severity', 'duplicateOfNumber', 'body', 'what', 'dueDate', 'clock', 'at', 'reason', 'resolution', 'description', 'location', 'scene', 'occurredAt', 'firearmIds', 'injury', 'personId', 'to', 'reference', 'workRelated', 'daysAway'];
// Built lazily: the real ids exist only after beforeAll.
const input = () => fc.dictionary(fc.constantFrom(...KEYS), value(), { maxKeys: 8 });

const CORES: [string, Core<unknown, unknown>][] = [
  ['setIncidentStatusCore', workflow.setIncidentStatusCore], ['assignIncidentOwnerCore', workflow.assignIncidentOwnerCore],
  ['setIncidentSeverityCore', workflow.setIncidentSeverityCore], ['markIncidentDuplicateCore', workflow.markIncidentDuplicateCore],
  ['updateIncidentDetailsCore', details.updateIncidentDetailsCore], ['recordInjuryClockCore', people.recordInjuryClockCore],
  ['saveInjuredPersonCore', people.saveInjuredPersonCore], ['recordOshaReportCore', people.recordOshaReportCore], ['decideRecordabilityCore', people.decideRecordabilityCore],
  ['addCommentCore', comments.addCommentCore], ['addCorrectiveActionCore', actions.addCorrectiveActionCore],
  ['completeCorrectiveActionCore', actions.completeCorrectiveActionCore],
  ['callHoldCore', holds.callHoldCore], ['concurHoldCore', holds.concurHoldCore], ['liftHoldCore', holds.liftHoldCore],
] as [string, Core<unknown, unknown>][];

describe('incident and hold cores survive generated input', () => {
  it.each(CORES)('%s: no throw; every refusal explains itself and changes nothing', (_name, core) => {
    fc.assert(
      fc.property(fc.constantFrom('crew', 'armorer', 'producer', 'auditor', 'actor' as const), input(), (role, raw) => {
        const before = snapshot();
        const res = core(s.actors[role], raw, now);
        if (!res.ok) {
          expect(res.message.length).toBeGreaterThan(0);
          expect(snapshot()).toBe(before);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
