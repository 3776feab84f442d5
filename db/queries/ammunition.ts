import 'server-only';
// Reads of the ammunition chain (ARCHITECTURE.md: ammunition chain): lots with their state, one
// lot's ledger and its daily reconciliation, its evidence chain, and the day's reconciliation of
// every lot. Armorers, producers and auditors read (`firearm.view`); crew see no inventory.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { ammoEvidenceTransfers, ammoLots, ammoMovements, attachments, handoffs, incidents, users, type AmmoLot, type AmmoMovement } from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import { assertCan } from '@/app/lib/policy';
import { reconcileLot, returnedUnderFreeze, type ReconciliationDay } from '@/app/lib/rules';
import { localDate } from '@/app/lib/time';
import { handoutsCarrying } from '@/app/lib/firearms/ammunition-facts';

const nameMap = (ids: (string | null | undefined)[]) => {
  const list = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (list.length === 0) return new Map<string, string>();
  return new Map(getDb().select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, list)).all().map((u) => [u.id, u.name]));
};

/** A lot's ledger rows, oldest first, with who recorded each. */
function movementsOf(lotIds: string[]): AmmoMovement[] {
  if (lotIds.length === 0) return [];
  return getDb().select().from(ammoMovements).where(inArray(ammoMovements.lotId, lotIds)).orderBy(asc(ammoMovements.at), sql`rowid`).all(); // written order within one instant (a seed, one transaction)
}

/** The reconciliation of one lot by production-local day, from its ledger (pure `reconcileLot`). */
export function reconcile(lot: Pick<AmmoLot, 'countOnHand'>, movements: AmmoMovement[], timeZone: string) {
  return reconcileLot(
    movements.map((m) => ({ day: localDate(m.at, timeZone), kind: m.kind, delta: m.delta, rounds: m.rounds })),
    lot.countOnHand,
  );
}

export type LotSummary = {
  lot: AmmoLot;
  receivedBy: string;
  roundsOut: number;
  /** The ledger disagrees with the stored count (should never happen; it stands out if it does). */
  drift: number;
  /** Rounds counted missing on a return, over the lot's life. */
  missing: number;
  incidentNumber: number | null;
  ackBy: string | null;
};

/** Every lot with its state (in store, frozen, returned), newest delivery first. */
export function listAmmoLotSummaries(actor: Actor): LotSummary[] {
  assertCan(actor, 'firearm.view');
  const db = getDb();
  const lots = db.select().from(ammoLots).where(eq(ammoLots.productionId, actor.productionId)).orderBy(desc(ammoLots.receivedOn), asc(ammoLots.calibre), asc(ammoLots.lotNumber)).all();
  const ids = lots.map((l) => l.id);
  const moves = movementsOf(ids);
  const out = ids.length
    ? db.select({ lotId: handoffs.ammoLotId, n: sql<number>`sum(${handoffs.roundsOut})` }).from(handoffs).where(and(inArray(handoffs.ammoLotId, ids), isNull(handoffs.returnedAt))).groupBy(handoffs.ammoLotId).all()
    : [];
  const incidentIds = lots.map((l) => l.frozenIncidentId).filter((x): x is string => Boolean(x));
  const numbers = new Map(incidentIds.length ? db.select({ id: incidents.id, number: incidents.number }).from(incidents).where(inArray(incidents.id, incidentIds)).all().map((i) => [i.id, i.number]) : []);
  const names = nameMap(lots.flatMap((l) => [l.inspectedById, l.vendorAckById]));
  return lots.map((lot) => {
    const mine = moves.filter((m) => m.lotId === lot.id);
    return {
      lot,
      receivedBy: names.get(lot.inspectedById) ?? '',
      roundsOut: out.find((o) => o.lotId === lot.id)?.n ?? 0,
      drift: lot.countOnHand - mine.reduce((n, m) => n + m.delta, 0),
      missing: mine.filter((m) => m.kind === 'missing').reduce((n, m) => n + m.rounds, 0),
      incidentNumber: lot.frozenIncidentId ? (numbers.get(lot.frozenIncidentId) ?? null) : null,
      ackBy: lot.vendorAckById ? (names.get(lot.vendorAckById) ?? null) : null,
    };
  });
}

export type DayRow = { lot: AmmoLot; day: ReconciliationDay | null; onHand: number; drift: number };

/**
 * The day's reconciliation of every lot in use that day or still holding rounds: opening, issued,
 * fired, returned, on hand. A lot with no movement that day shows its standing count.
 */
export function reconciliationForDay(actor: Actor, dayIso: string): DayRow[] {
  assertCan(actor, 'firearm.view');
  const tz = actor.production.timeZone;
  const lots = getDb().select().from(ammoLots).where(eq(ammoLots.productionId, actor.productionId)).orderBy(asc(ammoLots.calibre), asc(ammoLots.lotNumber)).all();
  const moves = movementsOf(lots.map((l) => l.id));
  const rows: DayRow[] = [];
  for (const lot of lots) {
    const r = reconcile(lot, moves.filter((m) => m.lotId === lot.id), tz);
    const day = r.days.find((d) => d.day === dayIso) ?? null;
    const before = [...r.days].reverse().find((d) => d.day < dayIso);
    if (!day && !before) continue; // not received yet on that day
    const onHand = day ? day.closing : before!.closing;
    if (!day && onHand === 0) continue; // closed out before that day
    rows.push({ lot, day, onHand, drift: r.drift });
  }
  return rows;
}

/** One lot with its ledger, daily reconciliation, evidence chain and linked report (with its photos). */
export function getAmmoLot(actor: Actor, lotId: string) {
  assertCan(actor, 'firearm.view');
  const db = getDb();
  const lot = db.select().from(ammoLots).where(and(eq(ammoLots.id, lotId), eq(ammoLots.productionId, actor.productionId))).get();
  if (!lot) return null;
  const moves = movementsOf([lot.id]);
  const transfers = db.select().from(ammoEvidenceTransfers).where(eq(ammoEvidenceTransfers.lotId, lot.id)).orderBy(asc(ammoEvidenceTransfers.transferredAt), asc(ammoEvidenceTransfers.recordedAt)).all();
  const incident = lot.frozenIncidentId
    ? (db.select({ id: incidents.id, number: incidents.number, status: incidents.status, severity: incidents.severity }).from(incidents).where(eq(incidents.id, lot.frozenIncidentId)).get() ?? null)
    : null;
  const photos = incident ? (db.select({ n: sql<number>`count(*)` }).from(attachments).where(eq(attachments.incidentId, incident.id)).get()?.n ?? 0) : 0;
  const out = db.select({ n: sql<number>`coalesce(sum(${handoffs.roundsOut}), 0)` }).from(handoffs).where(and(eq(handoffs.ammoLotId, lot.id), isNull(handoffs.returnedAt))).get()?.n ?? 0;
  const names = nameMap([lot.inspectedById, lot.frozenById, lot.vendorReturnedById, lot.vendorAckById, ...moves.map((m) => m.byId), ...transfers.map((t) => t.recordedById)]);
  return {
    lot,
    names,
    ledger: moves,
    reconciliation: reconcile(lot, moves, actor.production.timeZone),
    transfers,
    incident,
    photos,
    roundsOut: out,
    // A frozen lot recalls every hand-out still carrying its rounds; those already back are shown as
    // returned under freeze (ARCHITECTURE.md: ammunition chain, recall).
    recall: lot.status === 'frozen' ? handoutsCarrying(db, lot.id, actor.production.timeZone) : [],
    underFreeze: new Set(moves.filter((m) => returnedUnderFreeze(lot, m)).map((m) => m.id)),
  };
}

/** "Live ammunition found" reports of this production not yet linked to a lot: the freeze form offers them. */
export function listUnlinkedLiveReports(actor: Actor) {
  assertCan(actor, 'firearm.view');
  const db = getDb();
  const linked = db.select({ id: ammoLots.frozenIncidentId }).from(ammoLots).where(eq(ammoLots.productionId, actor.productionId)).all().map((r) => r.id).filter(Boolean);
  return db
    .select({ id: incidents.id, number: incidents.number, reportedAt: incidents.reportedAt, description: incidents.description })
    .from(incidents)
    .where(and(eq(incidents.productionId, actor.productionId), eq(incidents.type, 'live_ammunition_found')))
    .orderBy(desc(incidents.number))
    .all()
    .filter((i) => !linked.includes(i.id));
}
