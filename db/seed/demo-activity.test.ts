import { describe, expect, it } from 'vitest';
import { createTempDatabase } from '@/db/test-utils';

createTempDatabase();
const { getSqlite } = await import('@/db/client');
const { seedDemo } = await import('./demo');
const { seedDemoActivity } = await import('./demo-activity');
const { verifyDatabase } = await import('@/db/audit-chains');

describe('the demo’s day on set', () => {
  it('fills the demo through the app’s own rules, once, with every change audited', async () => {
    const { productionId } = await seedDemo();
    const now = new Date('2026-11-24T18:00:00Z');
    expect(seedDemoActivity(productionId, now)).toBe(true);
    expect(seedDemoActivity(productionId, now)).toBe(false);
    const sqlite = getSqlite();
    const n = (sql: string) => (sqlite.prepare(sql).get(productionId) as { n: number }).n;
    expect(n('select count(*) n from firearms where production_id = ?')).toBe(3);
    expect(n("select count(*) n from firearms where production_id = ? and status = 'checked_out'")).toBe(1);
    // The first take came back to the property master (rule 9), then the hand-off for the take.
    expect(n('select count(*) n from handoffs where production_id = ?')).toBe(2);
    expect(n("select count(*) n from handoffs h join users u on u.id = h.received_by_id where h.production_id = ? and u.email = 'propmaster@setsafe.test'")).toBe(1);
    expect(n('select count(*) n from refused_handoffs where production_id = ?')).toBe(0);
    expect(n('select count(*) n from incidents where production_id = ?')).toBe(3);
    // One recordable case on an establishment's log, so the OSHA log is not empty on a first look.
    expect(n("select count(*) n from injured_people p join establishments e on e.id = p.establishment_id where e.production_id = ? and p.recordability = 'recordable'")).toBe(1);
    expect(n('select count(*) n from holds where production_id = ?')).toBe(0);
    // Rule 8: today's plan approved, one qualification already expired.
    expect(n('select count(*) n from scene_plans where production_id = ? and approved_at is not null')).toBe(1);
    expect(n("select count(*) n from qualifications where production_id = ? and expires_on < '2026-11-24'")).toBe(1);
    // The ammunition chain: one delivery (two lots on one note), the dummies verified, and today's
    // reconciliation of the blanks agreeing with the count: 50 received; the first take of 14B (6
    // out, 2 fired, 4 back, collected by the property master); 6 out with today's hand-off.
    expect(n("select count(*) n from ammo_lots where production_id = ? and paperwork_ref = 'DN-40117'")).toBe(2);
    expect(n("select count(*) n from ammo_lots where production_id = ? and kind = 'dummy' and verified_count = 24 and verification_methods like '%drilled_case%'")).toBe(1);
    expect(sqlite.prepare("select m.kind, m.delta from ammo_movements m join ammo_lots l on l.id = m.lot_id where l.production_id = ? and l.kind = 'blank' order by m.at, m.rowid").all(productionId)).toEqual([
      { kind: 'received', delta: 50 },
      { kind: 'issued', delta: -6 },
      { kind: 'returned', delta: 4 },
      { kind: 'fired', delta: 0 },
      { kind: 'issued', delta: -6 },
    ]);
    expect(n("select count(*) n from ammo_lots l where l.production_id = ? and l.count_on_hand = (select sum(delta) from ammo_movements m where m.lot_id = l.id)")).toBe(2);
    expect(n('select count(*) n from audit_log where chain = ?')).toBeGreaterThan(20);
    expect(verifyDatabase(sqlite).status).toBe('intact');
  });
});
