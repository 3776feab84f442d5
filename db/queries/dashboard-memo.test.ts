// The dashboard memo must never serve a figure older than the last committed change.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-memo-'));
process.env.DATABASE_PATH = path.join(dir, 'setsafe.db');

const { getSqlite, write } = await import('@/db/client');
const { appendAudit } = await import('@/app/lib/audit');
const { createProduction } = await import('@/app/lib/site');
const { memoFigure, dataVersion, areaVersion } = await import('./dashboard-memo');
type Production = import('@/db/schema').Production;

let P: Production;
beforeAll(() => {
  P = write((tx) => createProduction(tx, { userId: null, label: 't' }, { title: 'Memo', company: 'C', timeZone: 'UTC' }, new Date()));
});
afterAll(() => {
  getSqlite().close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = () => (getSqlite().prepare('select count(*) from holds where production_id = ?').pluck().get(P.id) as number);

describe('memoFigure', () => {
  it('recomputes after an audited change, a commit by another connection, or a new minute — never otherwise', () => {
    const actor = { role: 'producer' as const, userId: 'u', productionId: P.id, production: P };
    const now = new Date('2026-11-18T20:00:10Z');
    let runs = 0;
    const fig = (at = now) => memoFigure('holds-test', actor, at, [], () => (runs++, count()));
    expect(fig()).toBe(0);
    expect(fig()).toBe(0);
    expect(runs).toBe(1);

    // The app's own write: a hold and its audit entry in one transaction.
    const v0 = dataVersion(P.id);
    write((tx) => {
      tx.run(`insert into holds (id, production_id, source, called_at, reason) values ('h1', '${P.id}', 'manual', 0, 'r')`);
      appendAudit(tx, { chain: P.id, actorId: null, actorLabel: 't', entity: 'hold', entityId: 'h1', action: 'hold.call', at: new Date() });
    });
    expect(dataVersion(P.id)).not.toBe(v0);
    expect(fig()).toBe(1);
    expect(runs).toBe(2);

    // Another connection (a script, a test) writing without the app: data_version moves.
    const other = new Database(process.env.DATABASE_PATH!);
    other.prepare(`insert into holds (id, production_id, source, called_at, reason) values ('h2', ?, 'manual', 0, 'r')`).run(P.id);
    other.close();
    expect(fig()).toBe(2);
    expect(runs).toBe(3);

    // Time alone: the next minute recomputes (overdue figures depend on the clock).
    expect(fig(new Date('2026-11-18T20:00:50Z'))).toBe(2);
    expect(runs).toBe(3);
    expect(fig(new Date('2026-11-18T20:01:00Z'))).toBe(2);
    expect(runs).toBe(4);
  });

  it('keeps a firearms-area figure across an incident change and recomputes after a firearms write', () => {
    const actor = { role: 'producer' as const, userId: 'u', productionId: P.id, production: P };
    const now = new Date('2026-11-18T20:00:10Z');
    let runs = 0;
    const fig = () => memoFigure('area-test', actor, now, [], () => ++runs, 'firearms');
    fig();
    fig();
    expect(runs).toBe(1);
    // An audited change outside the area (a hold): the area's counter stands, the figure is kept.
    write((tx) => {
      tx.run(`insert into holds (id, production_id, source, called_at, reason) values ('h3', '${P.id}', 'manual', 0, 'r')`);
      appendAudit(tx, { chain: P.id, actorId: null, actorLabel: 't', entity: 'hold', entityId: 'h3', action: 'hold.call', at: new Date() });
    });
    fig();
    expect(runs).toBe(1);
    // A weapon added: the trigger moves the counter in the same transaction, the figure is recomputed.
    const v0 = areaVersion('firearms');
    write((tx) => tx.run(`insert into firearms (id, production_id, tag, make, model, kind, created_at) values ('f1', '${P.id}', 'T', 'M', 'X', 'blank_firing', 0)`));
    expect(areaVersion('firearms')).not.toBe(v0);
    fig();
    expect(runs).toBe(2);
  });
});
