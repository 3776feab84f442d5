// Raising a critical signal (rule 7) inside the transaction of the change that caused it: the
// filing, the hold call, the refused hand-off, the rule-3 flag, the injury details. One signal per
// kind and subject; the escalation run (escalate.ts) takes it from there.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { signals, type Signal } from '@/db/schema';
import { appendAudit } from '../audit';
import type { Role } from '../enums';
import { dayOnly } from '../time';
import { SIGNAL_LABELS, type SignalKind } from '../rules/acknowledgement';

export type RaiseInput = {
  productionId: string;
  timeZone: string;
  kind: SignalKind;
  /** The incident, hold or rule-3 flag that raised it. */
  subjectId: string;
  incidentId?: string | null;
  holdId?: string | null;
  /** What the signal is about, e.g. "report #4 — Stage 2". */
  subject: string;
  link: string;
  /** Who caused it; null for an anonymous report or a rule. */
  by: { userId: string; label: string; role: Role } | null;
  byLabel?: string;
  anonymous: boolean;
  now: Date;
};

export { clockStart } from './clock';

/** Raises (or finds) the signal; returns it. A producer raising it has acknowledged it by doing so. */
export function raiseSignal(tx: Tx, r: RaiseInput): { signal: Signal; created: boolean } {
  const found = tx.select().from(signals).where(and(eq(signals.kind, r.kind), eq(signals.subjectId, r.subjectId))).get();
  if (found) return { signal: found, created: false };
  const raisedAt = r.anonymous ? dayOnly(r.now, r.timeZone) : r.now;
  const byProducer = !r.anonymous && r.by?.role === 'producer';
  const row: Signal = {
    id: randomUUID(),
    productionId: r.productionId,
    kind: r.kind,
    subjectId: r.subjectId,
    incidentId: r.incidentId ?? null,
    holdId: r.holdId ?? null,
    title: `${SIGNAL_LABELS[r.kind]}: ${r.subject.length > 120 ? `${r.subject.slice(0, 119)}…` : r.subject}`,
    link: r.link,
    anonymous: r.anonymous,
    raisedAt,
    acknowledgedAt: byProducer ? r.now : null,
    acknowledgedById: byProducer ? r.by!.userId : null,
    resentAt: null,
    contactsAt: null,
  };
  tx.insert(signals).values(row).run();
  const anonymousIn = r.anonymous ? { timeZone: r.timeZone } : undefined;
  const who = r.anonymous || !r.by ? { actorId: null, actorLabel: r.byLabel ?? 'SetSafe (rule 7)' } : { actorId: r.by.userId, actorLabel: r.by.label };
  appendAudit(tx, {
    chain: r.productionId, ...who, entity: 'signal', entityId: row.id, action: 'signal.raise',
    after: { kind: row.kind, title: row.title, incidentId: row.incidentId, holdId: row.holdId, raisedAt: row.raisedAt },
    at: r.now, anonymousIn,
  });
  if (byProducer) {
    appendAudit(tx, {
      chain: r.productionId, actorId: r.by!.userId, actorLabel: r.by!.label, entity: 'signal', entityId: row.id, action: 'signal.acknowledge',
      before: { acknowledgedAt: null }, after: { acknowledgedAt: r.now, acknowledgedById: r.by!.userId, byName: r.by!.label, raisedByProducer: true }, at: r.now,
    });
  }
  return { signal: row, created: true };
}
