// Comments on an incident: anyone who can see it, except auditors (they observe; ARCHITECTURE.md: permission matrix).
import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import { comments } from '@/db/schema';
import { appendAudit } from '../audit';
import { defineCore } from '../core';
import { notifyUsers } from '../notify';
import { canSeeIncident } from '../policy';
import { addCommentSchema } from '../schemas/incidents';
import { incidentLink } from './file';
import { incidentTitle, loadIncident, roleOf } from './access';

export const addCommentCore = defineCore({
  schema: addCommentSchema,
  permission: 'incident.comment',
  run: (input, { actor, tx, now }) => {
    const { incident: i } = loadIncident(tx, actor, input.incidentId);
    const row = { id: randomUUID(), incidentId: i.id, authorId: actor.userId, kind: 'comment' as const, body: input.body, createdAt: now };
    tx.insert(comments).values(row).run();
    appendAudit(tx, { chain: actor.productionId, actorId: actor.userId, actorLabel: actor.name, entity: 'comment', entityId: row.id, action: 'comment.add', after: row, at: now });

    // The reporter, the owner and everyone who took part in the thread, if they may still see it.
    const earlier = tx.select({ authorId: comments.authorId }).from(comments).where(and(eq(comments.incidentId, i.id), isNotNull(comments.authorId))).all();
    const people = new Set([i.reporterId, i.ownerId, ...earlier.map((c) => c.authorId)].filter((u): u is string => !!u));
    const recipients = [...people].filter((userId) => {
      const role = roleOf(tx, actor.productionId, userId);
      return role !== null && canSeeIncident({ role, userId }, i);
    });
    notifyUsers(tx, actor.productionId, recipients, { kind: 'comment', title: `${actor.name} commented on ${incidentTitle(i)}`, body: input.body.slice(0, 200), link: `${incidentLink(i.productionId, i.id)}#comments` }, now, actor.userId);
    return { id: row.id };
  },
});
