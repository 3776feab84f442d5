import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { comments, incidentFirearms, incidents, memberships, productions, users } from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import type { CommentKind, Role } from '@/app/lib/enums';
import { can, canAskReporter, canSeeIncident, isFirearmRelated } from '@/app/lib/policy';

/** The production's anonymous-report link: every member may see and print it (it goes on call sheets). */
export function getReportLink(actor: Actor) {
  if (!can(actor.role, 'production.view')) return null;
  return getDb()
    .select({ token: productions.reportToken, rotatedAt: productions.reportTokenRotatedAt })
    .from(productions)
    .where(eq(productions.id, actor.productionId))
    .get() ?? null;
}

export type ConversationMessage = {
  id: string;
  kind: CommentKind;
  /** Null: the anonymous reporter. */
  author: { name: string; role: Role | null } | null;
  body: string;
  at: Date;
};

/**
 * The conversation with an anonymous reporter, for someone who may see the incident; null when the
 * incident is not theirs to see or was filed by name. Ordered as written (rowid): the reporter's
 * messages carry the day only, so their time cannot order them.
 */
export function getReporterConversation(actor: Actor, incidentId: string) {
  const db = getDb();
  const incident = db
    .select({ id: incidents.id, type: incidents.type, reporterId: incidents.reporterId, anonymous: incidents.anonymous, number: incidents.number })
    .from(incidents)
    .where(and(eq(incidents.id, incidentId), eq(incidents.productionId, actor.productionId)))
    .get();
  if (!incident || !incident.anonymous || !canSeeIncident(actor, incident)) return null;
  const firearmCount = db.select({ n: sql<number>`count(*)` }).from(incidentFirearms).where(eq(incidentFirearms.incidentId, incidentId)).get()?.n ?? 0;
  const firearmRelated = isFirearmRelated({ type: incident.type, firearmCount });
  const rows = db
    .select({ id: comments.id, kind: comments.kind, body: comments.body, createdAt: comments.createdAt, authorId: comments.authorId, name: users.name, role: memberships.role })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .leftJoin(memberships, and(eq(memberships.userId, comments.authorId), eq(memberships.productionId, actor.productionId)))
    .where(and(eq(comments.incidentId, incidentId), inArray(comments.kind, ['question', 'answer', 'reporter_info'])))
    .orderBy(sql`${comments}.rowid`)
    .all();
  const messages: ConversationMessage[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    author: r.authorId === null ? null : { name: r.name ?? 'Former member', role: r.role ?? null },
    body: r.body,
    at: r.createdAt,
  }));
  const canAsk = canAskReporter(actor.role, firearmRelated) && actor.production.phase !== 'wrapped';
  return { incidentId, number: incident.number, firearmRelated, canAsk, messages };
}
