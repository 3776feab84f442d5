// Rule 8's qualification reminders on the outbox worker's clock (ARCHITECTURE.md: audit and
// messages): before a member's training or permit expires, and once it has, the member and the
// production's armorers are told through notifyUsers (in-app row plus the outbox). Each reminder is
// recorded by its unique key in reminders_sent in the same immediate transaction as its messages
// and audit entry, so a repeated or overlapping run sends it once.
import { eq, ne } from 'drizzle-orm';
import { write } from '@/db/client';
import { productions, qualifications, remindersSent, users } from '@/db/schema';
import { appendAudit } from '../audit';
import { LABELS } from '../enums';
import { memberIdsWithRole, notifyUsers } from '../notify';
import { dueQualificationReminders } from '../rules';
import { localDate } from '../time';

const RULE8 = { actorId: null, actorLabel: 'SetSafe (rule 8)' };

export function runQualificationReminders(now: Date): number {
  return write((tx) => {
    let sent = 0;
    const live = tx.select({ id: productions.id, timeZone: productions.timeZone }).from(productions).where(ne(productions.phase, 'wrapped')).all();
    for (const p of live) {
      const quals = tx.select().from(qualifications).where(eq(qualifications.productionId, p.id)).all();
      if (quals.length === 0) continue;
      const due = dueQualificationReminders(quals, localDate(now, p.timeZone));
      if (due.length === 0) continue;
      const armorers = memberIdsWithRole(tx, p.id, ['armorer']);
      for (const r of due) {
        const fresh = tx.insert(remindersSent).values({ productionId: p.id, key: r.key, sentAt: now }).onConflictDoNothing().run().changes;
        if (fresh !== 1) continue;
        const q = quals.find((x) => x.id === r.qualificationId)!;
        const who = tx.select({ name: users.name }).from(users).where(eq(users.id, q.userId)).get()?.name ?? 'A member';
        const what = LABELS.qualificationKind[q.kind];
        const title = r.stage === 'soon' ? `${who}: ${what} expires on ${q.expiresOn}` : `${who}: ${what} expired on ${q.expiresOn}`;
        const body =
          r.stage === 'soon'
            ? `Renew it before then: after ${q.expiresOn} no weapon is handed to ${who} (rule 8).`
            : `No weapon is handed to ${who} until a current training or permit is recorded (rule 8).`;
        notifyUsers(tx, p.id, [q.userId, ...armorers], { kind: 'qualification_expiring', title, body, link: `/productions/${p.id}/qualifications` }, now);
        appendAudit(tx, { chain: p.id, ...RULE8, entity: 'reminder', entityId: r.key, action: 'reminder.send', after: { key: r.key, title }, at: now });
        sent++;
      }
    }
    return sent;
  });
}

/** The worker's periodic job: a failed run (a busy database) is tried again at the next tick. */
export function qualificationReminderJob(now: Date): number {
  try {
    return runQualificationReminders(now);
  } catch (err) {
    console.error('[setsafe] qualification reminders failed; retrying at the next tick', err);
    return 0;
  }
}
