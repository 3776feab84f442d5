// Sending signed head receipts (ARCHITECTURE.md: audit trail, anchoring). A receipt names the
// production's audit chain head, is signed with the receipt key, recorded in head_receipts, emailed
// to every producer and auditor through the outbox and audited — all in one transaction. Once it
// sits in their inboxes, a later cut or rewrite of the chain contradicts it, even if whoever holds
// the server's files also rewrote chain-heads.json.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { write, type Tx } from '@/db/client';
import { chainHeadIn } from '@/db/audit-chains';
import { headReceipts, memberships, productions, users, type Production } from '@/db/schema';
import { appendAudit } from '../audit';
import { defineCore } from '../core';
import { Refusal } from '../errors';
import type { ReceiptTrigger } from '../enums';
import { dueAfterQuietHours, enqueueEmail } from '../delivery/outbox';
import { digestHour } from '../delivery/digest';
import { formatInZone, localDate, toLocalDateTime } from '../time';
import { sendReceiptSchema } from '../schemas/receipts';
import { getReceiptKey } from './keys';
import { receiptText, signReceipt } from './sign';
import type { HeadReceiptDoc } from '../schemas/receipts';

/** Who gets every receipt: the people who answer for the record and the people who check it. */
export const RECEIPT_ROLES = ['producer', 'auditor'] as const;

export type IssuedReceipt = { id: string; receipt: HeadReceiptDoc; recipients: number };

function emailBody(p: Pick<Production, 'title' | 'timeZone'>, r: HeadReceiptDoc, now: Date): string {
  return [
    `Signed audit chain head for ${p.title}, ${formatInZone(now, p.timeZone)}.`,
    '',
    `The production's audit trail held ${r.seq} entries, the newest with hash ${r.hash}. Keep this email: it lives outside the`,
    'SetSafe server, so if the trail is ever cut short or rewritten, this receipt will no longer match it.',
    '',
    'To check it later, paste the receipt below on the audit screen (Audit trail → Check a receipt), or save it as',
    'receipt.json and run on the server:  npm run audit:verify -- --receipt receipt.json --public-key receipts.pub.pem',
    `The public key (${r.keyId}) is shown in the production's settings and on the audit screen.`,
    '',
    receiptText(r),
  ].join('\n');
}

/**
 * Signs the chain's current head and sends it, inside the caller's transaction. The receipt anchors
 * the head as it stood before its own audit entry, which then records it (the entry cannot carry
 * its own hash).
 */
export function issueReceipt(
  tx: Tx,
  production: Pick<Production, 'id' | 'title' | 'timeZone'>,
  how: { trigger: ReceiptTrigger; by: { userId: string; name: string } | null; dedupeKey?: string },
  now: Date,
): IssuedReceipt | null {
  const head = chainHeadIn(tx, production.id);
  if (!head) throw new Refusal('The audit trail has no entries yet, so there is nothing to anchor.', 'conflict');
  const key = getReceiptKey();
  const receipt = signReceipt(
    { production: { id: production.id, title: production.title }, chain: production.id, seq: head.seq, hash: head.hash, signedAt: now.toISOString() },
    key.privateKey,
  );
  const people = tx
    .select({ userId: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.productionId, production.id), inArray(memberships.role, [...RECEIPT_ROLES])))
    .all();
  const id = randomUUID();
  const inserted = tx
    .insert(headReceipts)
    .values({
      id,
      productionId: production.id,
      chain: receipt.chain,
      seq: receipt.seq,
      hash: receipt.hash,
      signedAt: now,
      keyId: receipt.keyId,
      signature: receipt.signature,
      trigger: how.trigger,
      sentById: how.by?.userId ?? null,
      recipients: people.length,
      dedupeKey: how.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: headReceipts.dedupeKey })
    .run();
  if (inserted.changes === 0) return null; // today's daily receipt exists already
  const text = emailBody(production, receipt, now);
  for (const m of people) {
    enqueueEmail(tx, {
      productionId: production.id,
      toUserId: m.userId,
      toAddress: m.email,
      subject: `${production.title}: signed audit receipt, entry #${receipt.seq} (${localDate(now, production.timeZone)})`,
      text,
      kind: 'head_receipt',
      critical: false,
      link: `/productions/${production.id}/audit`,
      now,
      // Always emailed, whatever the member's alert choices: the copy in their inbox is what anchors
      // the trail outside the server (ARCHITECTURE.md §Audit and messages, "Anchoring"). It still
      // waits for their quiet hours to end.
      dueAt: dueAfterQuietHours(tx, production.id, m.userId, now),
    });
  }
  appendAudit(tx, {
    chain: production.id,
    actorId: how.by?.userId ?? null,
    actorLabel: how.by?.name ?? 'SetSafe (daily receipt)',
    entity: 'head_receipt',
    entityId: id,
    action: 'receipt.send',
    after: { seq: receipt.seq, hash: receipt.hash, keyId: receipt.keyId, trigger: how.trigger, recipients: people.length },
    at: now,
  });
  return { id, receipt, recipients: people.length };
}

/**
 * "Send a receipt now" on the audit screen. A read-only policy action: it changes no record of the
 * production, so an auditor may anchor a wrapped production's trail too (ARCHITECTURE.md: wrapped
 * is read-only).
 */
export const sendHeadReceipt = defineCore({
  schema: sendReceiptSchema,
  permission: 'audit.receipt',
  run: (_input, { actor, tx, now }) => {
    const issued = issueReceipt(tx, actor.production, { trigger: 'on_demand', by: { userId: actor.userId, name: actor.name } }, now);
    if (!issued) throw new Refusal('A receipt was just sent. Try again in a moment.', 'conflict');
    return { id: issued.id, seq: issued.receipt.seq, hash: issued.receipt.hash, recipients: issued.recipients };
  },
});

/**
 * The daily receipt, from the outbox worker's clock: once per production per local day, at the
 * digest hour in the production's zone, for productions that are not wrapped (a wrapped trail no
 * longer moves; anyone may still anchor it on demand). Returns how many receipts it sent.
 */
export function sendDailyReceipts(now: Date): number {
  const prods = write((tx) => tx.select().from(productions).where(ne(productions.phase, 'wrapped')).all());
  let sent = 0;
  for (const p of prods) {
    if (Number(toLocalDateTime(now, p.timeZone).slice(11, 13)) < digestHour()) continue;
    const dedupeKey = `daily:${p.id}:${localDate(now, p.timeZone)}`;
    try {
      const issued = write((tx) =>
        tx.select({ id: headReceipts.id }).from(headReceipts).where(eq(headReceipts.dedupeKey, dedupeKey)).get()
          ? null
          : issueReceipt(tx, p, { trigger: 'daily', by: null, dedupeKey }, now),
      );
      if (issued) sent += 1;
    } catch (err) {
      if (!(err instanceof Refusal)) throw err; // an empty trail has nothing to anchor today
    }
  }
  return sent;
}

/** The worker's periodic job: a failed run is logged and tried again at the next tick. */
export function receiptJob(now: Date): number {
  try {
    return sendDailyReceipts(now);
  } catch (err) {
    console.error('[setsafe] daily head receipts failed; retrying at the next tick', err);
    return 0;
  }
}
