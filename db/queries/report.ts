import 'server-only';
import { threadComments } from '@/app/lib/comment-thread';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db/client';
import {
  attachments,
  comments,
  correctiveActions,
  firearms,
  holdIncidents,
  holds,
  incidentFirearms,
  injuredPeople,
  incidents,
  users,
} from '@/db/schema';
import { canSeeIncident, canSeeInjuryPersonal } from '@/app/lib/policy';
import { buildTimeline } from '@/app/lib/incidents/timeline';
import { injuryDeadlines } from '@/app/lib/rules/deadlines';
import { clockFacts } from '@/app/lib/incidents/injured';
import { assertAuditView, chainState, listEntryRowsFor, toView, type AuditActor } from './audit';

/**
 * Everything the printable incident report shows (fit for a file or an
 * insurer). It carries audit entries, so only audit.view roles get it; the incident must also
 * be one the actor may see. Null when it does not exist in this production (→ 404).
 */
export function getIncidentReport(actor: AuditActor, incidentId: string, now = new Date()) {
  assertAuditView(actor);
  const db = getDb();
  const reporter = alias(users, 'reporter');
  const owner = alias(users, 'owner');
  const dup = alias(incidents, 'dup');
  const row = db
    .select({ i: incidents, reporterName: reporter.name, ownerName: owner.name, duplicateOf: { id: dup.id, number: dup.number } })
    .from(incidents)
    .leftJoin(reporter, eq(reporter.id, incidents.reporterId))
    .leftJoin(owner, eq(owner.id, incidents.ownerId))
    .leftJoin(dup, eq(dup.id, incidents.duplicateOfId))
    .where(and(eq(incidents.id, incidentId), eq(incidents.productionId, actor.productionId)))
    .get();
  if (!row || !canSeeIncident(actor, row.i)) return null;
  const i = row.i;

  const weapons = db
    .select({ id: firearms.id, tag: firearms.tag, make: firearms.make, model: firearms.model, serial: firearms.serial, kind: firearms.kind })
    .from(incidentFirearms)
    .innerJoin(firearms, eq(firearms.id, incidentFirearms.firearmId))
    .where(eq(incidentFirearms.incidentId, i.id))
    .orderBy(asc(firearms.tag))
    .all();

  const people = db.select().from(injuredPeople).where(eq(injuredPeople.incidentId, i.id)).orderBy(asc(injuredPeople.ordinal)).all();
  const showPersonal = canSeeInjuryPersonal(actor, i);

  const caOwner = alias(users, 'ca_owner');
  const caDone = alias(users, 'ca_done');
  const actions = db
    .select({ a: correctiveActions, owner: caOwner.name, doneBy: caDone.name })
    .from(correctiveActions)
    .leftJoin(caOwner, eq(caOwner.id, correctiveActions.ownerId))
    .leftJoin(caDone, eq(caDone.id, correctiveActions.doneById))
    .where(and(eq(correctiveActions.incidentId, i.id), eq(correctiveActions.productionId, actor.productionId)))
    .orderBy(asc(correctiveActions.dueDate), asc(correctiveActions.createdAt))
    .all();

  const commentRows = threadComments(
    db
      .select({ c: comments, author: users.name })
      .from(comments)
      .leftJoin(users, eq(users.id, comments.authorId))
      .where(eq(comments.incidentId, i.id))
      .orderBy(asc(comments.createdAt))
      .all(),
    (r) => r.c,
  );

  const lifter = alias(users, 'lifter');
  const caller = alias(users, 'caller');
  const linkedHolds = db
    .select({ h: holds, calledBy: caller.name, liftedBy: lifter.name })
    .from(holds)
    .leftJoin(caller, eq(caller.id, holds.calledById))
    .leftJoin(lifter, eq(lifter.id, holds.liftedById))
    .where(
      and(
        eq(holds.productionId, actor.productionId),
        or(eq(holds.incidentId, i.id), inArray(holds.id, db.select({ id: holdIncidents.holdId }).from(holdIncidents).where(eq(holdIncidents.incidentId, i.id)))),
      ),
    )
    .orderBy(asc(holds.calledAt))
    .all();

  const photos = db.select({ id: attachments.id }).from(attachments).where(eq(attachments.incidentId, i.id)).all();

  // The audit entries of the incident (its Form 301 section included) and of what hangs off it,
  // by the entity names the incident cores write.
  const rows = listEntryRowsFor(actor, [
    { entity: 'incident', ids: [i.id] },
    { entity: 'corrective_action', ids: actions.map((a) => a.a.id) },
    { entity: 'comment', ids: commentRows.map((c) => c.c.id) },
    { entity: 'hold', ids: linkedHolds.map((h) => h.h.id) },
    { entity: 'attachment', ids: photos.map((p) => p.id) },
  ]);
  const entries = toView(rows, actor);
  // The same story as the incident page tells (app/lib/incidents/timeline.ts), from the same entries.
  const tags = new Map(db.select({ id: firearms.id, tag: firearms.tag }).from(firearms).where(eq(firearms.productionId, actor.productionId)).all().map((f) => [f.id, f.tag]));
  const timeline = buildTimeline(rows, { timeZone: actor.production.timeZone, personal: showPersonal, firearmTags: tags });
  // Each injured person's clocks under the production's jurisdiction (ARCHITECTURE.md: OSHA recordkeeping).
  const injured = people.map((p) => ({ person: p, deadlines: injuryDeadlines(clockFacts(p), i.occurredAt ?? i.reportedAt, now, actor.production.jurisdiction) }));

  return {
    incident: i,
    reporterName: i.anonymous ? null : row.reporterName,
    ownerName: row.ownerName,
    duplicateOf: row.duplicateOf?.id ? row.duplicateOf : null,
    weapons,
    injured,
    showPersonal,
    actions,
    comments: commentRows,
    holds: linkedHolds,
    photoCount: photos.length,
    entries,
    timeline,
    chain: chainState(actor),
  };
}

export type IncidentReport = NonNullable<ReturnType<typeof getIncidentReport>>;
