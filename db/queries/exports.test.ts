// Export data and the audit trail queries against a temporary database written through the
// real audit path (so the chain head is real).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-export-'));
process.env.DATABASE_PATH = path.join(dir, 'setsafe.db');

const { getDb, getSqlite, write } = await import('@/db/client');
const S = await import('@/db/schema');
const { appendAudit } = await import('@/app/lib/audit');
const { addMembership, createProduction, createUser } = await import('@/app/lib/site');
const X = await import('./exports');
const A = await import('./audit');
const R = await import('./report');
type Production = import('@/db/schema').Production;
type Role = import('@/app/lib/enums').Role;

let P: Production;
let Other: Production;
const U: Record<string, string> = {};
const inc: Record<string, string> = {};
const actor = (role: Role, userId: string, p: Production = P) => ({ role, userId, productionId: p.id, production: p });

beforeAll(() => {
  const who = { userId: null, label: 'seed' };
  const t0 = new Date('2026-11-02T15:00:00Z');
  write((tx) => {
    P = createProduction(tx, who, { title: 'Export Show', company: 'Co', timeZone: 'America/Denver', phase: 'shooting' }, t0);
    Other = createProduction(tx, who, { title: 'Other', company: 'Co', timeZone: 'UTC' }, t0);
    for (const [k, role] of [['prod', 'producer'], ['aud', 'auditor'], ['crew', 'crew'], ['arm', 'armorer']] as const) {
      U[k] = createUser(tx, who, { email: `${k}@e.test`, name: `${k} person`, passwordHash: null }, t0).id;
      addMembership(tx, who, { productionId: P.id, userId: U[k], role, positions: role === 'crew' ? ['actor'] : [] }, t0);
    }
  });
  const db = getDb();
  let n = 0;
  const mk = (key: string, p: Production, v: Partial<typeof S.incidents.$inferInsert>) => {
    inc[key] = randomUUID();
    db.insert(S.incidents).values({ id: inc[key], productionId: p.id, number: ++n, type: 'near_miss', location: 'Stage 2', description: key, reportedAt: t0, updatedAt: t0, ...v }).run();
  };
  mk('a', P, { status: 'reported', occurredAt: new Date('2026-11-03T17:00:00Z'), reporterId: U.crew, description: '=cmd|calc' });
  mk('b', P, { type: 'injury', status: 'closed', occurredAt: new Date('2026-11-10T17:00:00Z') });
  mk('c', P, { status: 'reported', anonymous: true, occurredAt: null, reportedAt: new Date('2026-11-12T07:00:00Z') });
  mk('z', Other, { status: 'reported', occurredAt: new Date('2026-11-03T17:00:00Z') });
  db.insert(S.injuredPeople).values({ id: randomUUID(), incidentId: inc.b, ordinal: 1, employeeName: 'Jo Private', physicianName: 'Dr X', injuryDescription: 'burn', updatedAt: t0 }).run();
  write((tx) =>
    appendAudit(tx, {
      chain: P.id, actorId: U.prod, actorLabel: 'prod person', entity: 'injury', entityId: inc.b, action: 'injury.update',
      before: { incidentId: inc.b, employeeName: null, injuryDescription: null }, after: { incidentId: inc.b, employeeName: 'Jo Private', injuryDescription: 'burn' },
      at: new Date('2026-11-10T18:00:00Z'),
    }),
  );
});

afterAll(() => {
  getSqlite().close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('exports', () => {
  it('are refused to crew and armorers', () => {
    expect(() => X.exportDataset(actor('crew', U.crew), 'incidents', {})).toThrow(/does not allow/);
    expect(() => X.exportDataset(actor('armorer', U.arm), 'audit', {})).toThrow(/does not allow/);
  });

  it('incidents: only this production, with the chain head of the same snapshot', () => {
    const r = X.exportDataset(actor('auditor', U.aud), 'incidents', {});
    expect(r.rows.map((x) => x.description)).toEqual(['=cmd|calc', 'b', 'c']);
    const last = getSqlite().prepare('select seq, hash from audit_log where chain = ? order by seq desc limit 1').get(P.id);
    expect(r.chainHead).toEqual(last);
    expect(r.rows[2]).toMatchObject({ anonymous: true, reporter: 'anonymous', occurredAt: null });
    expect(r.rows[0]).toMatchObject({ reporter: 'crew person', occurredLocal: '2026-11-03 10:00' });
  });

  it('incidents: personal injury columns for producers and auditors', () => {
    const r = X.exportDataset(actor('producer', U.prod), 'incidents', {});
    expect(r.columns.map((c) => c.header)).toContain('employee_name');
    expect(r.rows[1]).toMatchObject({ employeeName: 'Jo Private', physicianName: 'Dr X', injuryDescription: 'burn', injury: true });
  });

  it('incidents: filtered like the screens (status, local date range)', () => {
    expect(X.exportDataset(actor('producer', U.prod), 'incidents', { status: 'closed' }).rows.map((x) => x.description)).toEqual(['b']);
    // 12 Nov local: the anonymous report (no time, filed at the start of that day).
    expect(X.exportDataset(actor('producer', U.prod), 'incidents', { from: '2026-11-12', to: '2026-11-12' }).rows.map((x) => x.description)).toEqual(['c']);
  });

  it('audit: every entry of the chain in order, hashes included', () => {
    const r = X.exportDataset(actor('auditor', U.aud), 'audit', {});
    expect(r.rows.map((x) => x.seq)).toEqual(r.rows.map((_, k) => k + 1));
    expect(r.rows.at(-1)).toMatchObject({ action: 'injury.update', hash: r.chainHead?.hash });
    expect(String(r.rows.at(-1)?.after)).toContain('Jo Private');
    expect(X.exportDataset(actor('auditor', U.aud), 'audit', { action: 'member.add' }).rows).toHaveLength(4);
  });
});

describe('audit trail queries', () => {
  it('pages newest first and filters by person', () => {
    const all = A.listAuditEntries(actor('producer', U.prod), {});
    expect(all.total).toBe(6); // production.create, 4 × member.add, injury.update
    expect(all.entries[0].action).toBe('injury.update');
    expect(A.listAuditEntries(actor('producer', U.prod), { person: 'system' }).total).toBe(5);
    expect(A.listAuditEntries(actor('producer', U.prod), { person: U.prod }).total).toBe(1);
    // Totals summed from the kept counts match a count of the entries.
    const n = (where: string, ...args: unknown[]) => getSqlite().prepare(`select count(*) from audit_log where chain = ? and ${where}`).pluck().get(P.id, ...args);
    expect(A.listAuditEntries(actor('producer', U.prod), { action: 'member.add' }).total).toBe(n("action = 'member.add'"));
    expect(A.listAuditEntries(actor('producer', U.prod), { entity: 'injury', person: U.prod }).total).toBe(n("entity = 'injury' and actor_id = ?", U.prod));
    expect(A.listAuditEntries(actor('producer', U.prod), { action: 'member.add', person: 'system' }).total).toBe(n("action = 'member.add' and actor_id is null"));
  });

  it('names people and the production instead of their ids in the difference', () => {
    const add = A.listAuditEntries(actor('auditor', U.aud), { action: 'member.add' }).entries.find((e) => e.diff.changes.some((c) => c.after === 'auditor'))!;
    const byField = Object.fromEntries(add.diff.changes.map((c) => [c.field, c.after]));
    expect(byField.userId).toBe('aud person');
    expect(byField.productionId).toBe('Export Show');
  });

  it('the personal-field gate: producers see them, others only on their own report', () => {
    expect(A.personalFieldsGate(actor('producer', U.prod))(inc.b)).toBe(true);
    expect(A.personalFieldsGate(actor('armorer', U.arm))(inc.b)).toBe(false);
    expect(A.personalFieldsGate(actor('crew', U.crew))(inc.a)).toBe(true);
    const crewView = A.toView(getDb().select().from(S.auditLog).all().filter((r) => r.entity === 'injury'), actor('armorer', U.arm));
    expect(crewView[0].diff.changes.map((c) => c.field)).toEqual(['injuryDescription']);
    expect(crewView[0].diff.hidden).toBe(1);
  });

  it('chain state and verification of the production chain', () => {
    const s = A.chainState(actor('auditor', U.aud));
    expect(s.matches).toBe(true);
    expect(s.db?.seq).toBe(6);
    const v = A.verifyProductionChain(actor('auditor', U.aud));
    expect(v.summary).toBe('intact, 6 entries');
    expect(() => A.verifyProductionChain(actor('crew', U.crew))).toThrow(/does not allow/);
  });

  it('filter options stay exact as the chain grows (kept counts plus the new entries)', () => {
    const a = actor('auditor', U.aud);
    const fresh = () =>
      getSqlite().prepare('select action as value, count(*) as n from audit_log where chain = ? group by action order by action').all(P.id) as { value: string; n: number }[];
    const actions = () => A.auditFilterOptions(a).actions.map(({ value, n }) => ({ value, n })).sort((x, y) => (x.value < y.value ? -1 : 1));
    expect(actions()).toEqual(fresh());
    write((tx) => {
      for (const action of ['member.change', 'member.add'] as const)
        appendAudit(tx, { chain: P.id, actorId: U.prod, actorLabel: 'prod person', entity: 'membership', entityId: randomUUID(), action, after: { role: 'crew' }, at: new Date() });
    });
    expect(actions()).toEqual(fresh());
    expect(A.auditFilterOptions(a).people.find((p) => p.value === U.prod)?.n).toBe(3);
    // Unfiltered pages are positions of the chain: the same rows a count and an offset give.
    const all = A.listAuditEntries(a, {});
    const seqs = getSqlite().prepare('select seq from audit_log where chain = ? order by seq desc limit 25').pluck().all(P.id);
    expect(all.total).toBe(getSqlite().prepare('select count(*) from audit_log where chain = ?').pluck().get(P.id));
    expect(all.entries.map((e) => e.seq)).toEqual(seqs);
  });
});

describe('printable report data', () => {
  it('gathers the incident, its injury, actions, comments and their audit entries; refuses crew', () => {
    const db = getDb();
    const ca = randomUUID();
    const cm = randomUUID();
    db.insert(S.correctiveActions).values({ id: ca, productionId: P.id, incidentId: inc.b, what: 'Shield the blank', ownerId: U.arm, dueDate: '2026-11-20', createdById: U.prod, createdAt: new Date() }).run();
    db.insert(S.comments).values({ id: cm, incidentId: inc.b, authorId: U.prod, body: 'Seen.', createdAt: new Date() }).run();
    write((tx) => {
      appendAudit(tx, { chain: P.id, actorId: U.prod, actorLabel: 'prod person', entity: 'corrective_action', entityId: ca, action: 'corrective_action.add', after: { what: 'Shield the blank' }, at: new Date() });
      appendAudit(tx, { chain: P.id, actorId: U.prod, actorLabel: 'prod person', entity: 'comment', entityId: randomUUID(), action: 'comment.add', after: { body: 'another incident' }, at: new Date() });
      appendAudit(tx, { chain: P.id, actorId: U.prod, actorLabel: 'prod person', entity: 'incident', entityId: inc.b, action: 'incident.update', before: { 'injury.employeeName': null }, after: { 'injury.employeeName': 'Jo Private' }, at: new Date() });
    });
    const r = R.getIncidentReport(actor('auditor', U.aud), inc.b)!;
    expect(r.injured[0]?.person.employeeName).toBe('Jo Private');
    expect(r.showPersonal).toBe(true);
    expect(r.actions.map((a) => a.a.what)).toEqual(['Shield the blank']);
    expect(r.comments.map((c) => c.c.body)).toEqual(['Seen.']);
    expect(r.entries.map((e) => e.action)).toEqual(['corrective_action.add', 'incident.update']);
    expect(r.chain.matches).toBe(true);
    expect(R.getIncidentReport(actor('auditor', U.aud), inc.z)).toBeNull(); // another production's incident
    expect(() => R.getIncidentReport(actor('crew', U.crew), inc.a)).toThrow(/does not allow/);
  });
});

describe('streamed checks export (ARCHITECTURE.md: exports in constant memory)', () => {
  const F = import('@/app/lib/export-format');
  const St = import('./export-stream');
  const CHECKS = 2_345; // more than two chunks
  beforeAll(() => {
    const sq = getSqlite();
    const firearm = randomUUID();
    const t0 = Date.parse('2026-10-01T12:00:00Z');
    sq.transaction(() => {
      sq.prepare("insert into firearms (id, production_id, tag, make, model, kind, created_at) values (?, ?, 'S-1', 'Pietta', '1873', 'blank_firing', 0)").run(firearm, P.id);
      const c = sq.prepare("insert into firearm_checks (id, production_id, firearm_id, phase, scene, checklist, result, findings, performed_by_id, performed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      const w = sq.prepare('insert into check_witnesses (check_id, user_id, confirmed_at) values (?, ?, ?)');
      for (let i = 0; i < CHECKS; i++) {
        const id = randomUUID();
        c.run(id, P.id, firearm, i % 2 ? 'after_use' : 'before_use', i % 7 ? `Scene ${i}` : '=cmd|" /C calc"!A0\nline', JSON.stringify({ boreClear: true, noLiveRound: i % 3 > 0 }), i % 11 ? 'pass' : 'fail', '', U.arm, t0 + i * 60_000);
        w.run(id, U.crew, i % 5 ? t0 + i * 60_000 + 1000 : null);
      }
    })();
  });

  it('gives the same rows as the in-memory export, in chunks, from one snapshot', async () => {
    const { streamChecks } = await St;
    const { csvChunks, jsonChunks, CHUNK_ROWS } = await F;
    const { stringify } = await import('csv-stringify/sync');
    const a = actor('producer', U.prod);
    const whole = X.exportDataset(a, 'checks', {});
    expect(whole.rows.length).toBe(CHECKS);
    const meta = { dataset: 'checks' as const, production: { id: P.id, title: P.title, timeZone: P.timeZone }, takenAt: new Date(), chainHead: whole.chainHead, filters: {} };

    // CSV: the chunks join to what one csv-stringify call over every row writes.
    const s1 = streamChecks(a, {});
    expect(s1.chainHead).toEqual(whole.chainHead);
    expect(s1.count).toBe(CHECKS);
    const chunks = [...csvChunks(meta, s1.columns, s1.rows)];
    expect(chunks.length).toBe(1 + Math.ceil(CHECKS / CHUNK_ROWS));
    const expected = stringify(whole.rows, {
      header: true, columns: whole.columns, record_delimiter: '\r\n', quoted_match: /[\r\n]/,
      cast: { string: (v) => (/^[=+\-@\t\r]/.test(v) || /[\r\n][=+\-@\t\r]/.test(v) ? v.replace(/(?<=^|[\r\n])(?=[=+\-@\t\r])/g, "'") : v), boolean: (v) => (v ? 'yes' : 'no'), number: (v) => String(v) },
    });
    expect(chunks.join('')).toBe(expected);

    // JSON: the same text JSON.stringify makes of the whole file.
    const s2 = streamChecks(a, {});
    const jsonParts = [...jsonChunks(meta, s2.rows, s2.count)];
    // The rows come CHUNK_ROWS to a chunk (each row starts a line at the rows' depth): no chunk holds more.
    const rowsPerChunk = jsonParts.map((part) => part.split('\n    {').length - 1).filter(Boolean);
    expect(rowsPerChunk).toEqual([...Array(Math.ceil(CHECKS / CHUNK_ROWS))].map((_, i) => Math.min(CHUNK_ROWS, CHECKS - i * CHUNK_ROWS)));
    const json = jsonParts.join('');
    expect(json).toBe(JSON.stringify({ dataset: 'checks', production: meta.production, takenAt: meta.takenAt.toISOString(), chainHead: meta.chainHead, filters: {}, count: CHECKS, rows: whole.rows }, null, 2));

    // A check recorded while the file streams is not in it: the rows are the snapshot's.
    const s3 = streamChecks(a, {});
    const it3 = s3.rows[Symbol.iterator]();
    it3.next();
    getSqlite().prepare("insert into firearm_checks (id, production_id, firearm_id, phase, scene, checklist, result, findings, performed_by_id, performed_at) select ?, production_id, firearm_id, phase, 'late', checklist, result, '', performed_by_id, 0 from firearm_checks where production_id = ? limit 1").run(randomUUID(), P.id);
    let n = 1;
    while (!it3.next().done) n++;
    expect(n).toBe(CHECKS);
    expect(streamChecks(a, {}).count).toBe(CHECKS + 1);
  });

  it('filters like the in-memory export and refuses crew', async () => {
    const { streamChecks } = await St;
    const a = actor('auditor', U.aud);
    const f = { result: 'fail', from: '2026-10-01', to: '2026-10-02' };
    const s = streamChecks(a, f);
    expect([...s.rows]).toEqual(X.exportDataset(a, 'checks', f).rows);
    expect(() => streamChecks(actor('crew', U.crew), {})).toThrow();
  });
});

describe('streamed incidents and audit exports (ARCHITECTURE.md: exports in constant memory)', () => {
  const F = import('@/app/lib/export-format');
  const St = import('./export-stream');
  const meta = (dataset: 'incidents' | 'audit', chainHead: { seq: number; hash: string } | null, filters: Record<string, string> = {}) => ({
    dataset, production: { id: P.id, title: P.title, timeZone: P.timeZone }, takenAt: new Date('2026-12-01T10:00:00Z'), chainHead, filters,
  });

  for (const dataset of ['incidents', 'audit'] as const) {
    for (const pageRows of [1, 2, 1000]) {
      it(`${dataset}: the same CSV and JSON text as the whole file, read ${pageRows} row(s) a page`, async () => {
        const { streamPaged } = await St;
        const { csvChunks, jsonChunks, toCsv, toJson } = await F;
        const a = actor('producer', U.prod);
        const whole = X.exportDataset(a, dataset, {});
        expect(whole.rows.length).toBeGreaterThan(2);
        const m = meta(dataset, whole.chainHead);
        const s1 = streamPaged(a, dataset, {}, pageRows);
        expect(s1.chainHead).toEqual(whole.chainHead);
        expect(s1.columns).toEqual(whole.columns);
        expect(s1.count).toBe(whole.rows.length);
        expect([...csvChunks(m, s1.columns, s1.rows, { headLine: true })].join('')).toBe(toCsv(m, whole.columns, whole.rows, { headLine: true }));
        const s2 = streamPaged(a, dataset, {}, pageRows);
        expect([...jsonChunks(m, s2.rows, s2.count)].join('')).toBe(toJson(m, whole.rows));
      });
    }
  }

  it('filters like the whole file, reads one snapshot, and refuses crew', async () => {
    const { streamPaged } = await St;
    const a = actor('auditor', U.aud);
    expect([...streamPaged(a, 'incidents', { status: 'reported' }, 1).rows]).toEqual(X.exportDataset(a, 'incidents', { status: 'reported' }).rows);
    expect([...streamPaged(a, 'audit', { action: 'member.add' }, 3).rows]).toEqual(X.exportDataset(a, 'audit', { action: 'member.add' }).rows);
    // An incident filed while the file streams is not in it.
    const s = streamPaged(a, 'incidents', {}, 1);
    const before = X.exportDataset(a, 'incidents', {}).rows.length;
    const it1 = s.rows[Symbol.iterator]();
    it1.next();
    const t = new Date();
    getDb().insert(S.incidents).values({ id: randomUUID(), productionId: P.id, number: 1000, type: 'near_miss', location: 'Stage 9', description: 'late', reportedAt: t, updatedAt: t }).run();
    let n = 1;
    while (!it1.next().done) n++;
    expect(n).toBe(before);
    expect(streamPaged(a, 'incidents', {}).count).toBe(before + 1);
    expect(() => streamPaged(actor('crew', U.crew), 'audit', {})).toThrow();
  });
});

describe('streamed custody export (ARCHITECTURE.md: exports in constant memory)', () => {
  const F = import('@/app/lib/export-format');
  const St = import('./export-stream');
  const meta = (chainHead: { seq: number; hash: string } | null, filters: Record<string, string> = {}) => ({
    dataset: 'custody' as const, production: { id: P.id, title: P.title, timeZone: P.timeZone }, takenAt: new Date('2026-12-01T10:00:00Z'), chainHead, filters,
  });
  const firearms: string[] = [];
  let check = '';
  const t0 = Date.parse('2026-11-20T16:00:00Z');
  const handOut = (id: string, firearm: string, at: number, returned: number | null) =>
    getSqlite()
      .prepare('insert into handoffs (id, production_id, firearm_id, check_id, from_id, to_id, scene, rounds_out, handed_at, returned_at, received_by_id, rounds_back) values (?, ?, ?, ?, ?, ?, ?, 6, ?, ?, ?, ?)')
      .run(id, P.id, firearm, check, U.arm, U.crew, '=Scene\n12', at, returned, returned ? U.arm : null, returned ? 5 : null);
  beforeAll(() => {
    const sq = getSqlite();
    sq.transaction(() => {
      for (const tag of ['C-1', 'C-2']) {
        const id = randomUUID();
        firearms.push(id);
        sq.prepare("insert into firearms (id, production_id, tag, make, model, kind, created_at) values (?, ?, ?, 'Colt', 'M1911', 'blank_firing', 0)").run(id, P.id, tag);
      }
      check = randomUUID();
      sq.prepare("insert into firearm_checks (id, production_id, firearm_id, phase, scene, checklist, result, findings, performed_by_id, performed_at) values (?, ?, ?, 'before_use', 'S', '{}', 'pass', '', ?, ?)").run(check, P.id, firearms[0], U.arm, t0);
      const refuse = sq.prepare("insert into refused_handoffs (id, production_id, firearm_id, attempted_by_id, to_id, scene, reasons, at) values (?, ?, ?, ?, ?, 'S', '[\"no_check\",\"not_qualified\"]', ?)");
      // Many rows at the same instants, in both tables, so the order at equal times decides the text:
      // ids are inserted in an order unrelated to their sort (random UUIDs).
      for (let i = 0; i < 40; i++) {
        const at = t0 + Math.floor(i / 8) * 3_600_000 + (i % 3 === 0 ? 86_400_000 : 0);
        handOut(randomUUID(), firearms[i % 2], at, i % 5 ? at + 600_000 : null);
        if (i % 4 === 0) refuse.run(randomUUID(), P.id, firearms[i % 2], U.arm, U.crew, at);
      }
    })();
  });

  it('the whole file orders equal times by kind, then id', () => {
    const rows = X.exportDataset(actor('auditor', U.aud), 'custody', {}).rows;
    expect(rows.length).toBe(50);
    for (let k = 1; k < rows.length; k++) {
      const [a, b] = [rows[k - 1], rows[k]];
      const rank = (r: typeof a) => (r.kind === 'hand-off' ? 0 : 1);
      expect(String(a.at) < String(b.at) || (a.at === b.at && (rank(a) < rank(b) || (rank(a) === rank(b) && String(a.id) < String(b.id))))).toBe(true);
    }
  });

  for (const pageRows of [1, 2, 1000]) {
    it(`the same CSV and JSON text as the whole file, read ${pageRows} row(s) a page`, async () => {
      const { streamCustody } = await St;
      const { csvChunks, jsonChunks, toCsv, toJson } = await F;
      const a = actor('producer', U.prod);
      const whole = X.exportDataset(a, 'custody', {});
      const m = meta(whole.chainHead);
      const s1 = streamCustody(a, {}, pageRows);
      expect(s1.chainHead).toEqual(whole.chainHead);
      expect(s1.columns).toEqual(whole.columns);
      expect(s1.count).toBe(whole.rows.length);
      expect([...csvChunks(m, s1.columns, s1.rows, { headLine: true })].join('')).toBe(toCsv(m, whole.columns, whole.rows, { headLine: true }));
      const s2 = streamCustody(a, {}, pageRows);
      expect([...jsonChunks(m, s2.rows, s2.count)].join('')).toBe(toJson(m, whole.rows));
    });
  }

  it('filters (firearm, open=1, from, to) like the whole file', async () => {
    const { streamCustody } = await St;
    const a = actor('auditor', U.aud);
    const filters = [{ firearm: firearms[1] }, { open: '1' }, { from: '2026-11-21', to: '2026-11-21' }, { firearm: firearms[0], open: '1', from: '2026-11-20' }];
    for (const f of filters) {
      const whole = X.exportDataset(a, 'custody', f).rows;
      expect(whole.length).toBeGreaterThan(0);
      const s = streamCustody(a, f, 2);
      expect(s.count).toBe(whole.length);
      expect([...s.rows]).toEqual(whole);
    }
    expect(X.exportDataset(a, 'custody', { open: '1' }).rows.every((r) => r.kind === 'hand-off' && r.returnedAt === null)).toBe(true);
  });

  it('a hand-out made while the file streams is not in it; crew are refused', async () => {
    const { streamCustody } = await St;
    const a = actor('auditor', U.aud);
    const before = X.exportDataset(a, 'custody', {}).rows.length;
    const s = streamCustody(a, {}, 1);
    const it1 = s.rows[Symbol.iterator]();
    it1.next();
    handOut(randomUUID(), firearms[0], t0 + 3_600_000, null); // inside the range already read and still to read
    let n = 1;
    while (!it1.next().done) n++;
    expect(n).toBe(before);
    expect(streamCustody(a, {}).count).toBe(before + 1);
    expect(() => streamCustody(actor('crew', U.crew), {})).toThrow();
  });
});
