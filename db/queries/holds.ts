import 'server-only';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { preparedQuery } from '@/db/prepared';
import { holdIncidents, holds, incidents, users } from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import { can, canSeeIncident } from '@/app/lib/policy';
import { needsConcurrence, rule1Applies } from '@/app/lib/rules';

/** The standing hold of the actor's production, with the caller's name ("an anonymous report" if none). */
const openHoldOf = preparedQuery((db) =>
  db
    .select({ hold: holds, calledByName: users.name })
    .from(holds)
    .leftJoin(users, eq(users.id, holds.calledById))
    .where(and(eq(holds.productionId, sql.placeholder('productionId')), isNull(holds.liftedAt)))
    .orderBy(desc(holds.calledAt))
    .limit(1)
    .prepare(),
);

export function getOpenHold(actor: Pick<Actor, 'productionId'>) {
  const row = openHoldOf().get({ productionId: actor.productionId });
  if (!row) return null;
  return { hold: row.hold, calledByName: row.calledByName ?? (row.hold.source === 'rule1' ? 'SetSafe (rule 1, from a report)' : 'an anonymous report') };
}

/** Every hold of the actor's production, newest first (never overwritten), with names and linked reports. */
export function listHolds(actor: Pick<Actor, 'productionId' | 'role' | 'userId'>) {
  if (!can(actor.role, 'production.view')) return [];
  const db = getDb();
  const rows = db.select().from(holds).where(eq(holds.productionId, actor.productionId)).orderBy(desc(holds.calledAt)).all();
  if (rows.length === 0) return [];
  const names = new Map(
    db.select({ id: users.id, name: users.name }).from(users)
      .where(inArray(users.id, [...new Set(rows.flatMap((h) => [h.calledById, h.concurredById, h.liftedById]).filter((x): x is string => !!x))]))
      .all()
      .map((u) => [u.id, u.name]),
  );
  const links = db
    .select({
      holdId: holdIncidents.holdId, id: incidents.id, number: incidents.number, type: incidents.type, reporterId: incidents.reporterId,
      firearmLinked: sql<number>`exists(select 1 from incident_firearms f where f.incident_id = ${incidents.id})`,
      injured: sql<number>`exists(select 1 from injured_people p where p.incident_id = ${incidents.id})`,
    })
    .from(holdIncidents)
    .innerJoin(incidents, eq(incidents.id, holdIncidents.incidentId))
    .where(inArray(holdIncidents.holdId, rows.map((h) => h.id)))
    .orderBy(asc(incidents.number))
    .all();
  const name = (id: string | null) => (id ? (names.get(id) ?? 'Former member') : null);
  return rows.map((h) => ({
    ...h,
    // Rule 5: a rule-1 report joining a hold called by hand makes it need a concurrence too.
    needsConcurrence: needsConcurrence({ source: h.source, rule1Joined: links.some((l) => l.holdId === h.id && rule1Applies({ type: l.type, firearmLinked: !!l.firearmLinked, injured: !!l.injured })) }),
    calledByName: name(h.calledById) ?? (h.source === 'rule1' ? 'SetSafe (rule 1, from an anonymous report)' : 'Unknown'),
    concurredByName: name(h.concurredById),
    liftedByName: name(h.liftedById),
    incidents: links
      .filter((l) => l.holdId === h.id)
      .map((l) => ({ id: l.id, number: l.number, type: l.type, canOpen: canSeeIncident(actor, { reporterId: l.reporterId }) })),
  }));
}
export type HoldRow = ReturnType<typeof listHolds>[number];
