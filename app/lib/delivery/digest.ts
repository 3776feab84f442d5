// The daily digest (ARCHITECTURE.md: messages to people): one email a day to each producer and armorer of a
// production that is not wrapped, from the worker's clock. Once per person per local day, because
// the row's dedupe key is that day: a restart or a second worker writes nothing twice.
import { and, count, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import { write } from '@/db/client';
import { checkWitnesses, correctiveActions, deliveries, firearmChecks, holds, incidents, memberships, notificationPreferences, productions, users } from '@/db/schema';
import type { Tx } from '@/db/client';
import { localDate, toLocalDateTime } from '../time';
import { channelsFor, enqueueEmail } from './outbox';

export const digestHour = () => {
  const h = Number(process.env.DIGEST_HOUR);
  return Number.isInteger(h) && h >= 0 && h <= 23 ? h : 7;
};

export type DigestCounts = { openHolds: number; untriaged: number; actionsDue: number; awaitingWitnesses: number };

export function digestCounts(tx: Tx, productionId: string, today: string): DigestCounts {
  const one = (q: { n: number } | undefined) => q?.n ?? 0;
  return {
    openHolds: one(tx.select({ n: count() }).from(holds).where(and(eq(holds.productionId, productionId), isNull(holds.liftedAt))).get()),
    untriaged: one(
      tx.select({ n: count() }).from(incidents)
        .where(and(eq(incidents.productionId, productionId), eq(incidents.status, 'reported'), eq(incidents.severity, 'unrated'), isNull(incidents.duplicateOfId)))
        .get(),
    ),
    actionsDue: one(
      tx.select({ n: count() }).from(correctiveActions)
        .where(and(eq(correctiveActions.productionId, productionId), isNull(correctiveActions.doneAt), lte(correctiveActions.dueDate, today)))
        .get(),
    ),
    awaitingWitnesses: one(
      tx.select({ n: count() }).from(checkWitnesses)
        .innerJoin(firearmChecks, eq(firearmChecks.id, checkWitnesses.checkId))
        .where(and(eq(firearmChecks.productionId, productionId), isNull(checkWitnesses.confirmedAt), isNull(checkWitnesses.declinedAt)))
        .get(),
    ),
  };
}

export function digestText(title: string, today: string, c: DigestCounts): { subject: string; text: string } {
  const line = (n: number, one: string, many: string) => `${n === 0 ? 'No' : n} ${n === 1 ? one : many}`;
  const lines = [
    `${line(c.openHolds, 'stop-work hold stands', 'stop-work holds stand')}${c.openHolds ? ' — no weapon is handed out' : ''}.`,
    `${line(c.untriaged, 'report waits', 'reports wait')} for triage.`,
    `${line(c.actionsDue, 'corrective action is', 'corrective actions are')} due or overdue.`,
    `${line(c.awaitingWitnesses, 'check witness has', 'check witnesses have')} not yet confirmed.`,
  ];
  const attention = c.openHolds + c.untriaged + c.actionsDue + c.awaitingWitnesses;
  return {
    subject: `${title}: ${attention === 0 ? 'nothing waits for you' : `${attention} item${attention === 1 ? '' : 's'} need a person`} (${today})`,
    text: `Daily safety digest for ${title}, ${today}.\n\n${lines.map((l) => `• ${l}`).join('\n')}`,
  };
}

/** Writes today's digest rows that are due and not yet written; returns how many it wrote. */
export function enqueueDailyDigests(now: Date): number {
  return write((tx) => {
    let written = 0;
    const prods = tx.select({ id: productions.id, title: productions.title, timeZone: productions.timeZone }).from(productions).where(ne(productions.phase, 'wrapped')).all();
    for (const p of prods) {
      const local = toLocalDateTime(now, p.timeZone);
      if (Number(local.slice(11, 13)) < digestHour()) continue;
      const today = localDate(now, p.timeZone);
      const key = (userId: string) => `digest:${p.id}:${userId}:${today}`;
      const people = tx
        .select({ userId: memberships.userId, email: users.email, channels: notificationPreferences.channels })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .leftJoin(notificationPreferences, and(eq(notificationPreferences.userId, memberships.userId), eq(notificationPreferences.productionId, p.id)))
        .where(and(eq(memberships.productionId, p.id), inArray(memberships.role, ['producer', 'armorer'])))
        .all();
      const done = new Set(
        tx.select({ key: deliveries.dedupeKey }).from(deliveries)
          .where(and(eq(deliveries.productionId, p.id), eq(deliveries.kind, 'digest'), sql`${deliveries.dedupeKey} like ${`digest:${p.id}:%:${today}`}`))
          .all()
          .map((r) => r.key),
      );
      const todo = people.filter((m) => !done.has(key(m.userId)) && channelsFor('digest', m.channels).email);
      if (todo.length === 0) continue;
      const { subject, text } = digestText(p.title, today, digestCounts(tx, p.id, today));
      for (const m of todo) {
        const id = enqueueEmail(tx, { productionId: p.id, toUserId: m.userId, toAddress: m.email, subject, text, kind: 'digest', critical: false, link: `/productions/${p.id}/dashboard`, now, dedupeKey: key(m.userId) });
        if (id) written += 1;
      }
    }
    return written;
  });
}

/** The digest on the worker's clock (jobs.ts). A failed run (a busy database) retries at the next tick. */
export function digestJob(now: Date): number {
  try {
    return enqueueDailyDigests(now);
  } catch (err) {
    console.error('[setsafe] daily digest failed; retrying at the next tick', err);
    return 0;
  }
}
