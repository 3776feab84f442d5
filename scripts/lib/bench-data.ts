// Bulk generation of a large production for the benchmark: prepared statements in big
// transactions, a realistic spread over two years. Written straight to SQLite. The records carry
// no audit entries of their own; the audit trail is generated apart (generateAudit), as a real,
// valid hash chain of the size a long production reaches, so `audit:verify` and the audit screen
// are measured on it.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { entryHash, GENESIS, type HashedFields } from '../../app/lib/audit';
import { flushChainHeads, queueChainHead } from '../../db/chain-heads';
import { chainHeadOf } from '../../db/audit-chains';
import type { AuditAction } from '../../app/lib/audit-actions';

export type Scale = { incidents: number; checks: number; handoffs: number; firearms: number; days: number; audit: number };

// Deterministic pseudo-random numbers, so every run generates the same shape.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
function pick<T>(r: () => number, weighted: [T, number][]): T {
  const total = weighted.reduce((a, [, w]) => a + w, 0);
  let x = r() * total;
  for (const [v, w] of weighted) if ((x -= w) < 0) return v;
  return weighted[weighted.length - 1][0];
}

const TYPES: [string, number][] = [
  ['unsafe_condition', 30], ['near_miss', 20], ['other', 12], ['misfire_malfunction', 10], ['injury', 10], ['custody_breach', 10], ['accidental_discharge', 5], ['live_ammunition_found', 3],
];
const SEVERITIES: [string, number][] = [['unrated', 15], ['low', 35], ['medium', 27], ['high', 17], ['critical', 6]];
const STATUSES: [string, number][] = [['closed', 80], ['action_required', 5], ['investigating', 7], ['reported', 8]];

export function generateProduction(file: string, productionId: string, scale: Scale) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF'); // generation only; the server runs with synchronous=FULL
  db.pragma('cache_size = -400000'); // 400 MB: random-UUID keys touch pages all over the B-trees
  const r = rng(42);
  const now = Date.now();
  const span = scale.days * 86_400_000;
  const members = db.prepare('select user_id, role from memberships where production_id = ?').all(productionId) as { user_id: string; role: string }[];
  const armorer = members.find((m) => m.role === 'armorer')!.user_id;
  const producer = members.find((m) => m.role === 'producer')!.user_id;
  const crew = members.filter((m) => m.role === 'crew').map((m) => m.user_id);
  const witnesses = crew.length ? crew : [producer];
  const start = (db.prepare('select coalesce(max(number), 0) n from incidents where production_id = ?').get(productionId) as { n: number }).n;

  const counts = { incidents: 0, correctiveActions: 0, firearms: 0, checks: 0, witnesses: 0, handoffs: 0, refused: 0, meetings: 0 };
  db.transaction(() => {
    const fa = db.prepare("insert into firearms (id, production_id, tag, make, model, serial, kind, status, notes, created_at) values (?, ?, ?, 'Pietta', '1873 SAA', ?, ?, 'locked_up', '', ?)");
    const firearmIds: string[] = [];
    for (let i = 0; i < scale.firearms; i++) {
      const id = randomUUID();
      firearmIds.push(id);
      fa.run(id, productionId, `B-${i + 1}`, `SN${100000 + i}`, pick(r, [['functional', 2], ['blank_firing', 5], ['non_firing_replica', 3], ['rubber_airsoft', 2]]), now - span);
      counts.firearms++;
    }

    const inc = db.prepare(
      `insert into incidents (id, production_id, number, reporter_id, anonymous, type, severity, status, occurred_at, reported_at, location, scene, description, immediate_actions, people_involved, owner_id, resolution, closed_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', ?, ?, ?, ?)`,
    );
    const ca = db.prepare('insert into corrective_actions (id, production_id, incident_id, what, owner_id, due_date, created_by_id, created_at, done_at, done_by_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < scale.incidents; i++) {
      const id = randomUUID();
      const at = now - Math.floor(r() * span);
      const status = pick(r, STATUSES);
      const anonymous = r() < 0.05;
      inc.run(
        id, productionId, start + i + 1, anonymous ? null : pick(r, members.map((m) => [m.user_id, 1] as [string, number])), anonymous ? 1 : 0,
        pick(r, TYPES), pick(r, SEVERITIES), status, at, at + 3_600_000, `Location ${i % 37}`, `Setup ${i % 120}`,
        `Generated report ${i}: what happened, in plain words.`, r() < 0.9 ? producer : null,
        status === 'closed' ? 'Reviewed and resolved.' : null, status === 'closed' ? at + 3 * 86_400_000 : null, at + 3_600_000,
      );
      counts.incidents++;
      if (i % 3 === 0) {
        const due = new Date(at + 7 * 86_400_000).toISOString().slice(0, 10);
        const done = status === 'closed' || r() < 0.7;
        ca.run(randomUUID(), productionId, id, 'Brief the crew and re-check the weapons cart', producer, due, producer, at, done ? at + 5 * 86_400_000 : null, done ? producer : null);
        counts.correctiveActions++;
      }
    }

    const meet = db.prepare("insert into safety_meetings (id, production_id, date, scene, firearms_on_set, blanks_in_use, topics, held_by_id, created_at) values (?, ?, ?, 'Day briefing', 1, ?, '', ?, ?)");
    for (let d = 0; d < scale.days; d++) {
      const t = now - d * 86_400_000;
      meet.run(randomUUID(), productionId, new Date(t).toISOString().slice(0, 10), d % 3 === 0 ? 1 : 0, armorer, t);
      counts.meetings++;
    }

    const chk = db.prepare("insert into firearm_checks (id, production_id, firearm_id, phase, scene, checklist, result, findings, performed_by_id, performed_at) values (?, ?, ?, ?, ?, ?, ?, '', ?, ?)");
    const wit = db.prepare('insert into check_witnesses (check_id, user_id, confirmed_at) values (?, ?, ?)');
    const ho = db.prepare(
      'insert into handoffs (id, production_id, firearm_id, check_id, from_id, to_id, scene, rounds_out, handed_at, returned_at, received_by_id, rounds_back, return_check_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const checklist = JSON.stringify({ boreClear: true, chambersShown: true, roundsVerified: true, noLiveRound: true });
    const handoffEvery = Math.max(1, Math.floor(scale.checks / scale.handoffs));
    // In the order of time, as a production writes them: a hand-out's trigger re-derives whether
    // the check behind every later hand-out of its weapon still holds (`handoffs.check_valid`,
    // ARCHITECTURE.md, dashboard aggregates), so hand-outs written at random times cost that walk
    // each (over 40 minutes at full scale) where the app's, written as they happen, cost one row.
    const lastHandoff = new Map<string, string>();
    const times = Array.from({ length: scale.checks }, () => now - Math.floor(r() * span)).sort((a, b) => a - b);
    for (let i = 0; i < scale.checks; i++) {
      const id = randomUUID();
      const at = times[i];
      const firearm = firearmIds[i % firearmIds.length];
      const scene = `Setup ${i % 120}`;
      const pass = r() < 0.98;
      chk.run(id, productionId, firearm, i % 2 ? 'after_use' : 'before_use', scene, checklist, pass ? 'pass' : 'fail', armorer, at);
      counts.checks++;
      wit.run(id, witnesses[i % witnesses.length], r() < 0.995 ? at + 60_000 : null);
      counts.witnesses++;
      if (i % handoffEvery === 0 && counts.handoffs < scale.handoffs) {
        const handoffId = randomUUID();
        ho.run(handoffId, productionId, firearm, id, armorer, witnesses[i % witnesses.length], scene, 6, at + 120_000, at + 1_800_000, armorer, 6, null);
        lastHandoff.set(firearm, handoffId);
        counts.handoffs++;
      }
    }
    // Mid-day: the last hand-out of every tenth weapon is still out, and that weapon is checked out
    // (a weapon is out once at a time, and its status says so, as the app's custody keeps it).
    const reopen = db.prepare('update handoffs set returned_at = null, received_by_id = null, rounds_back = null where id = ?');
    const checkedOut = db.prepare("update firearms set status = 'checked_out' where id = ?");
    for (const [k, [firearm, handoffId]] of [...lastHandoff].entries()) {
      if (k % 10) continue;
      reopen.run(handoffId);
      checkedOut.run(firearm);
    }
    const ref = db.prepare("insert into refused_handoffs (id, production_id, firearm_id, attempted_by_id, to_id, scene, reasons, at) values (?, ?, ?, ?, ?, 'Setup 1', '[\"no_check\"]', ?)");
    for (let i = 0; i < Math.ceil(scale.handoffs / 100); i++) {
      ref.run(randomUUID(), productionId, firearmIds[i % firearmIds.length], armorer, witnesses[0], now - Math.floor(r() * span));
      counts.refused++;
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  return counts;
}

// The mix of a production's trail: most entries are checks, witness confirmations and hand-offs.
const AUDIT_MIX: [[AuditAction, string], number][] = [
  [['check.record', 'check'], 40], [['check.witness_confirm', 'check'], 25], [['handoff.out', 'handoff'], 10], [['handoff.return', 'handoff'], 10],
  [['incident.file', 'incident'], 5], [['incident.status', 'incident'], 4], [['incident.update', 'incident'], 3], [['comment.add', 'comment'], 3],
];

/**
 * Appends `n` entries to the production's audit chain, after the entries already there, hashed by
 * the app's own entryHash (app/lib/audit.ts) so `audit:verify` finds the chain intact; the head is
 * written to the head file as the app writes it. One transaction, one prepared insert.
 */
export function generateAudit(file: string, productionId: string, n: number, days: number) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -400000');
  const r = rng(7);
  const now = Date.now();
  const span = days * 86_400_000;
  const people = db.prepare('select u.id, u.name from memberships m join users u on u.id = m.user_id where m.production_id = ?').all(productionId) as { id: string; name: string }[];
  const ids = (table: string) => (db.prepare(`select id from ${table} where production_id = ? limit 5000`).pluck().all(productionId) as string[]);
  const pool: Record<string, string[]> = { check: ids('firearm_checks'), handoff: ids('handoffs'), incident: ids('incidents') };
  const last = chainHeadOf(db, productionId);
  let prevHash = last?.hash ?? GENESIS;
  let seq = last?.seq ?? 0;
  const ins = db.prepare(
    'insert into audit_log (chain, seq, at, actor_id, actor_label, entity, entity_id, action, before, after, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const [action, entity] = pick(r, AUDIT_MIX);
      const who = people[Math.floor(r() * people.length)];
      const ofEntity = pool[entity]?.length ? pool[entity] : null;
      const entityId = ofEntity ? ofEntity[Math.floor(r() * ofEntity.length)] : randomUUID();
      const incidentId = entity === 'incident' ? entityId : null;
      const before = action.endsWith('.status') ? JSON.stringify({ incidentId, status: 'reported' }) : action.endsWith('.update') ? JSON.stringify({ incidentId, location: 'Stage 2' }) : null;
      const after = JSON.stringify(
        action.endsWith('.status') ? { incidentId, status: 'investigating' }
          : action.endsWith('.update') ? { incidentId, location: 'Stage 3' }
            : { scene: `Setup ${i % 120}`, note: 'Generated entry', ...(incidentId ? { incidentId } : {}) },
      );
      seq++;
      const fields: HashedFields = {
        chain: productionId, seq, at: now - span + Math.floor((i * span) / n), actorId: who.id, actorLabel: who.name, entity, entityId, action, before, after,
      };
      const hash = entryHash(prevHash, fields);
      ins.run(fields.chain, seq, fields.at, fields.actorId, fields.actorLabel, entity, entityId, action, before, after, prevHash, hash);
      prevHash = hash;
    }
  })();
  queueChainHead(productionId, seq, prevHash);
  flushChainHeads();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  return { audit: n, head: seq };
}
