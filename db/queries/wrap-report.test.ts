// The post-filming firearms report against a seeded production (ARCHITECTURE.md: post-filming
// report): every figure is exact, counted from records made through the app's own cores.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

createTempDatabase();
const { getDb } = await import('@/db/client');
const t = await import('@/db/schema');
const { and, eq, gt, gte } = await import('drizzle-orm');
const { createFirearm } = await import('@/app/lib/firearms/inventory');
const { createAmmoLot } = await import('@/app/lib/firearms/ammunition');
const { recordCheck, confirmWitness, declineWitness } = await import('@/app/lib/firearms/checks');
const { handOff, recordReturn } = await import('@/app/lib/firearms/custody');
const { recordMeeting, confirmAttendance } = await import('@/app/lib/firearms/meetings');
const plansCore = await import('@/app/lib/firearms/scene-plans');
const { addCertificate } = await import('@/app/lib/firearms/qualification-certificates');
const { fileIncidentCore } = await import('@/app/lib/incidents/core');
const { callHoldCore, liftHoldCore } = await import('@/app/lib/incidents/holds');
const { allChecked, crewMember, ok } = await import('@/app/lib/testing/world');
const { getWrapReport, figureOf, growing, reportAsOf, streamWrapReport, wrapReportRows, WRAP_REPORT_SECTIONS } = await import('./wrap-report');
const { csvChunks, jsonTextChunks } = await import('@/app/lib/export-format');
type SectionBuilder = import('./wrap-report').SectionBuilder;

type Seed = Awaited<ReturnType<typeof seedProduction>>;
let s: Seed;
let other: Seed;
let advisor: ReturnType<typeof crewMember>;
// 08:00 in Denver on 24 Nov; the clock moves a minute per step.
let clock = new Date('2026-11-24T15:00:00Z').getTime();
const tick = () => new Date((clock += 60_000));
const N = (section: string, key: string) => figureOf(getWrapReport(s.actors.producer, new Date(clock)), section, key);

let r1: string;
let r2: string;
let p1: string;
let blanks: string;
let dummies: string;

function check(firearmId: string, scene: string, result: 'pass' | 'fail' = 'pass') {
  return ok(recordCheck(s.actors.armorer, { id: randomUUID(), firearmId, phase: 'before_use', scene, checklist: allChecked('before_use'), result, findings: result === 'fail' ? 'Cylinder does not index.' : '', witnessIds: [s.actors.ad.userId] }, tick()));
}
function witnessed(firearmId: string, scene: string) {
  const c = check(firearmId, scene);
  ok(confirmWitness(s.actors.ad, { checkId: c.id }, tick()));
}
const give = (firearmId: string, ammoLotId: string, roundsOut: number) =>
  handOff(s.actors.armorer, { id: randomUUID(), firearmId, toUserId: s.actors.actor.userId, scene: '12A', ammoLotId, roundsOut }, tick());
const giveBack = (handoffId: string, roundsFired: number, roundsBack: number) =>
  ok(recordReturn(s.actors.armorer, { handoffId, roundsFired, roundsBack, afterCheckId: '', checklist: allChecked('after_use'), result: 'pass', findings: '' }, tick()));

beforeAll(async () => {
  s = await seedProduction({ now: new Date(clock) });
  other = await seedProduction({ title: 'Other', now: new Date(clock) });
  advisor = crewMember(s.production.id, { email: 'advisor@wrap.test', name: 'Ada Advisor', positions: ['safety_advisor'] }, new Date(clock));
  const arm = s.actors.armorer;
  r1 = ok(createFirearm(arm, { tag: 'R-1', make: 'Uberti', model: '1873', serial: 'A1', kind: 'blank_firing', status: 'locked_up', notes: '' }, tick())).id;
  r2 = ok(createFirearm(arm, { tag: 'R-2', make: 'Colt', model: 'SAA', serial: '', kind: 'blank_firing', status: 'locked_up', notes: '' }, tick())).id;
  p1 = ok(createFirearm(arm, { tag: 'P-1', make: 'Prop', model: 'Rubber', serial: '', kind: 'non_firing_replica', status: 'locked_up', notes: '' }, tick())).id;
  const lot = (kind: 'blank' | 'dummy', count: number) =>
    ok(createAmmoLot(arm, { id: randomUUID(), kind, calibre: '.45 Colt', countOnHand: count, supplier: 'Prop House', paperworkRef: 'DN-1', lotNumber: `${kind}-1`, receivedOn: '2026-11-23', verificationMethods: kind === 'dummy' ? ['rattle'] : [], verifiedCount: kind === 'dummy' ? count : 0, inspected: true, inspectionNotes: '' }, tick())).id;
  blanks = lot('blank', 50);
  dummies = lot('dummy', 20);
  // Current on the 24th: the actor's training; expired: the 1st AD's permit.
  ok(plansCore.recordQualification(s.actors.producer, { id: randomUUID(), userId: s.actors.actor.userId, kind: 'firearms_safety_training', issuer: 'Course', reference: 'FS-1', issuedOn: '2026-01-05', expiresOn: '2027-01-05' }, tick()));
  const expired = ok(plansCore.recordQualification(s.actors.producer, { id: randomUUID(), userId: s.actors.ad.userId, kind: 'handler_permit', issuer: 'County', reference: '', issuedOn: '2025-01-01', expiresOn: '2026-01-01' }, tick()));
  ok(await addCertificate(s.actors.producer, expired.id, new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n'))]), tick()));

  // Day one (24 Nov): a meeting, two hand-outs of R-1 returned, one of R-2 still out.
  const meeting = ok(recordMeeting(arm, { id: randomUUID(), date: '2026-11-24', scene: '12A', firearmsOnSet: true, blanksInUse: true, topics: '', attendeeIds: [s.actors.actor.userId, s.actors.ad.userId] }, tick()));
  ok(confirmAttendance(s.actors.actor, { meetingId: meeting.id }, tick()));
  witnessed(r1, '12A');
  giveBack(ok(give(r1, blanks, 10)).id, 6, 4);
  witnessed(r1, '12A');
  // One blank neither fired nor back: the return files a custody-breach report.
  giveBack(ok(give(r1, blanks, 6)).id, 3, 2);
  witnessed(r2, '12A');
  ok(give(r2, dummies, 5));
  // R-1 again without a new check: refused and recorded (rule 2).
  expect(give(r1, blanks, 2)).toMatchObject({ ok: false });
  // A failed check, and a witness who declines another.
  check(p1, '14B', 'fail');
  const unseen = check(r1, '20');
  ok(declineWitness(s.actors.ad, { checkId: unseen.id }, tick()));

  // Day two (25 Nov, 08:00 Denver): a meeting, a manual hold called and lifted, a near miss.
  clock = new Date('2026-11-25T15:00:00Z').getTime();
  ok(recordMeeting(arm, { id: randomUUID(), date: '2026-11-25', scene: '14B, 20', firearmsOnSet: true, blanksInUse: false, topics: '', attendeeIds: [s.actors.actor.userId] }, tick()));
  ok(recordMeeting(arm, { id: randomUUID(), date: '2026-11-25', scene: 'Rigging', firearmsOnSet: false, blanksInUse: false, topics: 'Truss over the set.', attendeeIds: [s.actors.crew.userId] }, tick()));
  const hold = ok(callHoldCore(s.actors.crew, { reason: 'Loose truss over the set' }, tick()));
  ok(liftHoldCore(s.actors.producer, { holdId: hold.id, resolution: 'Truss re-rigged and inspected by the key grip.' }, tick()));
  ok(fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'near_miss', description: 'Swung boom near the actor', location: 'Stage 2' }, tick()));
  // Scene plans: 12A approved (both signatures), 14B written only.
  const weapons = [{ firearmId: r1, handlerId: s.actors.actor.userId, load: 'blank' as const, rounds: 6 }];
  const plan = (scene: string) =>
    ok(plansCore.createScenePlan(arm, { id: randomUUID(), scene, action: 'Two shots at the door.', weapons, lineOfFire: 'Toward the door.', protection: 'Shields.', replicaConsidered: 'Not for the flash.', riskAssessment: 'Blanks at 20 ft.' }, tick()));
  const p12 = plan('12A');
  ok(plansCore.signPlanAsArmorer(arm, { planId: p12.id }, tick()));
  ok(plansCore.signPlanAsAdvisor(advisor, { planId: p12.id }, tick()));
  ok(plansCore.approveScenePlan(s.actors.producer, { planId: p12.id }, tick()));
  plan('14B');
  // Last: an accidental discharge stops work (rule 1); the hold stands.
  ok(fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'accidental_discharge', description: 'Shot off cue', location: 'Stage 2', scene: '12A' }, tick()));
});

describe('the post-filming firearms report', () => {
  it('counts the weapons and their status', () => {
    expect([N('weapons', 'total'), N('weapons', 'locked_up'), N('weapons', 'checked_out'), N('weapons', 'out_of_service')]).toEqual([3, 1, 1, 1]);
  });

  it('counts rounds from the hand-offs: fired is the sum of the returns, per lot and per weapon', () => {
    const r = getWrapReport(s.actors.producer, new Date(clock));
    expect(Object.fromEntries(r.sections.find((x) => x.key === 'rounds')!.figures.map((f) => [f.key, f.value]))).toEqual({
      handOuts: 3, returns: 2, stillOut: 1, issued: 21, fired: 9, returned: 6, outstanding: 5, unaccounted: 1,
    });
    const fired = getDb().select().from(t.handoffs).where(eq(t.handoffs.productionId, s.production.id)).all().reduce((a, h) => a + (h.roundsFired ?? 0), 0);
    expect(N('rounds', 'fired')).toBe(fired);
    const tables = r.sections.find((x) => x.key === 'rounds')!.tables;
    expect(tables.find((x) => x.key === 'perLot')!.rows).toEqual([
      { lot: 'blank-1', kind: 'Blank', calibre: '.45 Colt', supplier: 'Prop House', handOuts: 2, issued: 16, fired: 9, returned: 6, outstanding: 0, onHand: 50 - 16 + 6 },
      { lot: 'dummy-1', kind: 'Dummy', calibre: '.45 Colt', supplier: 'Prop House', handOuts: 1, issued: 5, fired: 0, returned: 0, outstanding: 5, onHand: 15 },
    ]);
    expect(tables.find((x) => x.key === 'perWeapon')!.rows).toEqual([
      { tag: 'R-1', handOuts: 2, issued: 16, fired: 9, returned: 6, outstanding: 0 },
      { tag: 'R-2', handOuts: 1, issued: 5, fired: 0, returned: 0, outstanding: 5 },
    ]);
  });

  it('reads the ammunition chain from each lot’s ledger: it agrees with the hand-offs and the stored count', () => {
    const r = getWrapReport(s.actors.producer, new Date(clock));
    const sec = r.sections.find((x) => x.key === 'ammunition')!;
    expect(Object.fromEntries(sec.figures.map((f) => [f.key, f.value]))).toEqual({ lots: 2, frozen: 0, vendorReturned: 0, notReturned: 2, liveFound: 0, missing: 1, drift: 0 });
    const common = { adjusted: 0, evidence: 0, vendor: 0, drift: 0, status: 'In store', paperwork: 'DN-1' };
    expect(sec.tables.find((x) => x.key === 'ledger')!.rows).toEqual([
      { ...common, lot: 'blank-1', kind: 'Blank', verified: null, received: 50, issued: 16, fired: 9, returned: 6, missing: 1, onHand: 40 },
      { ...common, lot: 'dummy-1', kind: 'Dummy', verified: '20 by rattle', received: 20, issued: 5, fired: 0, returned: 0, missing: 0, onHand: 15 },
    ]);
    // The same figures the rounds section reads from the hand-offs.
    expect(N('rounds', 'fired')).toBe(9);
    expect(sec.tables.find((x) => x.key === 'evidence')!.rows).toEqual([]);
  });

  it('counts checks, fails and declined witnesses', () => {
    // Before use: three witnessed, the failed one and the declined one; after use: the two returns.
    const r = getWrapReport(s.actors.producer, new Date(clock));
    expect(Object.fromEntries(r.sections.find((x) => x.key === 'checks')!.figures.map((f) => [f.key, f.value]))).toEqual({
      total: 7, beforeUse: 5, afterUse: 2, failed: 1, witnesses: 5, confirmed: 3, declined: 1, awaited: 1,
    });
    const declined = r.sections.find((x) => x.key === 'checks')!.tables.find((x) => x.key === 'declined')!.rows;
    const at = getDb().select().from(t.checkWitnesses).all().find((w) => w.declinedAt != null)!.declinedAt!;
    // Denver is UTC−7 in November: the time printed is the production's, not the server's.
    const denver = new Date(at.getTime() - 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(denver).toMatch(/^2026-11-24 08:/);
    expect(declined).toEqual([{ when: denver, witness: 'ad person', weapon: 'R-1', scene: '20', by: 'armorer person' }]);
  });

  it('counts incidents by type and severity and lists the rule-1 ones', () => {
    // A custody breach from the short return, one from the refused hand-out, the near miss, the discharge.
    expect([N('incidents', 'total'), N('incidents', 'firearmRelated'), N('incidents', 'rule1'), N('incidents', 'duplicates')]).toEqual([4, 3, 1, 0]);
    const sec = getWrapReport(s.actors.producer, new Date(clock)).sections.find((x) => x.key === 'incidents')!;
    expect(sec.tables.find((x) => x.key === 'byType')!.rows).toEqual([
      { type: 'Accidental discharge', count: 1 },
      { type: 'Near miss', count: 1 },
      { type: 'Custody or protocol breach', count: 2 },
    ]);
    expect(sec.tables.find((x) => x.key === 'bySeverity')!.rows.find((r) => r.severity === 'Critical')).toEqual({ severity: 'Critical', count: 1 });
    expect(sec.tables.find((x) => x.key === 'rule1')!.rows).toMatchObject([{ number: 4, type: 'Accidental discharge', severity: 'Critical' }]);
  });

  it('lists holds with who called and lifted them, and the one still standing', () => {
    expect([N('holds', 'called'), N('holds', 'rule1'), N('holds', 'lifted'), N('holds', 'standing')]).toEqual([2, 1, 1, 1]);
    const rows = getWrapReport(s.actors.producer, new Date(clock)).sections.find((x) => x.key === 'holds')!.tables[0].rows;
    expect(rows[0]).toMatchObject({ calledBy: 'crew person', liftedBy: 'producer person', called: '2026-11-25 08:03' });
    expect(rows[1]).toMatchObject({ calledBy: 'crew person', incidents: '#4', lifted: null });
  });

  it('shows the latest rows of a growing table on the page with the whole count, and every row in the files', () => {
    const table = (r: ReturnType<typeof getWrapReport>, section: string) => r.sections.find((x) => x.key === section)!.tables[0];
    const page = getWrapReport(s.actors.producer, new Date(clock), 1);
    // The newest hold (still standing) and the latest meeting day; the figures still count them all.
    expect(table(page, 'holds')).toMatchObject({ total: 2, rows: [{ incidents: '#4', lifted: null }] });
    expect(table(page, 'meetings')).toMatchObject({ total: 2, rows: [{ day: '2026-11-25' }] });
    expect(figureOf(page, 'holds', 'called')).toBe(2);
    const files = getWrapReport(s.actors.producer, new Date(clock));
    expect(table(files, 'holds').rows).toHaveLength(2);
    expect([...wrapReportRows(files)].filter((r) => r.table === 'Holds')).toHaveLength(2);
  });

  it('groups meetings by the production’s local day, with the scenes covered', () => {
    expect([N('meetings', 'total'), N('meetings', 'firearms'), N('meetings', 'days'), N('meetings', 'attendance')]).toEqual([3, 2, 2, 1]);
    const rows = getWrapReport(s.actors.producer, new Date(clock)).sections.find((x) => x.key === 'meetings')!.tables[0].rows;
    expect(rows).toEqual([
      { day: '2026-11-24', meetings: 1, firearms: 1, scenes: '12A', attended: 1 },
      { day: '2026-11-25', meetings: 2, firearms: 1, scenes: '14B, 20; Rigging', attended: 0 },
    ]);
  });

  it('lists plans with their signatures, and qualifications current or expired on the report’s day', () => {
    expect([N('plans', 'setups'), N('plans', 'approved'), N('plans', 'notApproved'), N('plans', 'replaced')]).toEqual([2, 1, 1, 0]);
    const plans = getWrapReport(s.actors.producer, new Date(clock)).sections.find((x) => x.key === 'plans')!.tables[0].rows;
    expect(plans[0]).toEqual({ scene: '12A', weapons: 1, armorer: 'armorer person', advisor: 'Ada Advisor', approved: 'producer person', approvedAt: '2026-11-25' });
    expect(plans[1]).toMatchObject({ scene: '14B', approved: null });
    expect([N('qualifications', 'total'), N('qualifications', 'current'), N('qualifications', 'expired'), N('qualifications', 'withScan')]).toEqual([2, 1, 1, 1]);
  });

  it('counts refused hand-outs with their reasons', () => {
    expect([N('refused', 'total'), N('refused', 'qualification'), N('refused', 'hold')]).toEqual([1, 0, 0]);
    const row = getWrapReport(s.actors.producer, new Date(clock)).sections.find((x) => x.key === 'refused')!.tables[0].rows[0];
    expect(row).toMatchObject({ weapon: 'R-1', by: 'armorer person', to: 'actor person', scene: '12A' });
    expect(String(row.reasons)).toMatch(/rule 2/);
  });

  it('judges qualifications on the last day once wrapped, and lists every section in the CSV', () => {
    expect(reportAsOf({ phase: 'wrapped', endDate: '2026-11-25', timeZone: 'America/Denver' }, new Date('2027-02-01T12:00:00Z'))).toBe('2026-11-25');
    expect(reportAsOf({ phase: 'shooting', endDate: '2026-11-25', timeZone: 'America/Denver' }, new Date('2027-02-01T12:00:00Z'))).toBe('2027-02-01');
    // 06:00 UTC on 2 Feb is still 1 Feb in Denver.
    expect(reportAsOf({ phase: 'shooting', endDate: null, timeZone: 'America/Denver' }, new Date('2027-02-02T06:00:00Z'))).toBe('2027-02-01');
    const later = getWrapReport(s.actors.producer, new Date('2027-02-01T12:00:00Z'));
    expect(figureOf(later, 'qualifications', 'expired')).toBe(2);
    const rows = [...wrapReportRows(later)];
    expect(new Set(rows.map((r) => r.section))).toEqual(new Set(WRAP_REPORT_SECTIONS.map((x) => x.title)));
    expect(rows).toContainEqual({ section: 'Hand-outs and rounds', table: null, item: 'Rounds fired', key: 'fired', value: 9, details: null });
  });

  it('streams the files from a snapshot of their own, a page at a time, with the same text as the report read whole', () => {
    const at = new Date(clock);
    const whole = getWrapReport(s.actors.producer, at);
    const meta = { dataset: 'firearms-report' as const, production: { id: s.production.id, title: 'T', timeZone: 'UTC' }, takenAt: at, chainHead: whole.chainHead, filters: {} };
    const columns = ['section', 'table', 'item', 'key', 'value', 'details'].map((key) => ({ key, header: key }));
    const csv = (r: Parameters<typeof wrapReportRows>[0]) => [...csvChunks(meta, columns, wrapReportRows(r))].join('');
    // One row a page crosses a page boundary after every row of every growing table.
    for (const pageRows of [1, 2, 100]) {
      const json = streamWrapReport(s.actors.producer, at, pageRows);
      expect([...jsonTextChunks(json.report)].join('')).toBe(JSON.stringify(whole, null, 2));
      json.close();
      const file = streamWrapReport(s.actors.producer, at, pageRows);
      expect(csv(file.report)).toBe(csv(whole));
      file.close();
    }
    // A row written while the file streams is not in it: the rows are the snapshot's, as the chain head is.
    const { report, close } = streamWrapReport(s.actors.producer, at, 1);
    const rows = wrapReportRows(report);
    const first = rows.next();
    expect(first.done).toBe(false);
    ok(recordMeeting(s.actors.armorer, { id: randomUUID(), date: '2026-11-25', scene: 'While downloading', firearmsOnSet: false, blanksInUse: false, topics: 'Recorded while the report downloads.', attendeeIds: [s.actors.crew.userId] }, tick()));
    const rest = [first.value, ...rows];
    close();
    expect(rest.filter((r) => r.table === 'Per day')).toHaveLength(2);
    expect(rest.some((r) => String(r.details).includes('While downloading'))).toBe(false);
    expect(figureOf(getWrapReport(s.actors.producer, new Date(clock)), 'meetings', 'total')).toBe(4);
  });

  it('fails a growing table whose keyset lets the page before in again, instead of writing rows twice or paging for ever', () => {
    // The weapons by tag, one row a page: `gt` past the last tag is a keyset; `gte` starts each page at the last row again.
    const byTag = (keyset: typeof gt): SectionBuilder => ({
      key: 'tags',
      title: 'Tags',
      build: (ctx) => ({
        figures: [],
        tables: [
          {
            key: 'tags', title: 'Tags', columns: [{ key: 'tag', label: 'Tag' }], empty: 'None.',
            rows: growing(
              { ...ctx, pageRows: 1 },
              (q) => ctx.tx.select({ tag: t.firearms.tag }).from(t.firearms).where(and(eq(t.firearms.productionId, ctx.productionId), q.where)).orderBy(...q.order(t.firearms.tag)).limit(q.n).all(),
              (last) => keyset(t.firearms.tag, last.tag),
              (page) => page,
            ),
          },
        ],
      }),
    });
    const tags = getWrapReport(s.actors.producer, new Date(clock), null, [byTag(gt)]).sections[0].tables[0].rows;
    expect(tags.map((r) => r.tag)).toEqual([...tags.map((r) => r.tag)].sort());
    expect(tags).toHaveLength(3);
    expect(() => getWrapReport(s.actors.producer, new Date(clock), null, [byTag(gte)])).toThrow(/read a row twice/);
  });

  it('refuses the streamed files to a reader the report is not for, before opening anything', () => {
    for (const a of [s.actors.crew, s.actors.actor, s.actors.ad]) expect(() => streamWrapReport(a)).toThrow(/safety advisor/);
  });

  it('is read by the producer, armorer, auditor and safety advisor; refused to other crew; scoped to its production', () => {
    for (const a of [s.actors.producer, s.actors.armorer, s.actors.auditor, advisor]) expect(figureOf(getWrapReport(a, new Date(clock)), 'weapons', 'total')).toBe(3);
    for (const a of [s.actors.crew, s.actors.actor, s.actors.ad]) expect(() => getWrapReport(a)).toThrow(/safety advisor/);
    const elsewhere = getWrapReport(other.actors.producer, new Date(clock));
    expect(figureOf(elsewhere, 'weapons', 'total')).toBe(0);
    expect(figureOf(elsewhere, 'rounds', 'issued')).toBe(0);
  });
});
