import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb, getSqlite } from '@/db/client';
import { headReceipts, users } from '@/db/schema';
import { verifyDatabase } from '@/db/audit-chains';
import type { Actor } from '@/app/lib/actor';
import { assertCan } from '@/app/lib/policy';
import type { ReceiptTrigger } from '@/app/lib/enums';
import { parseReceipt, signatureValid, type ReceiptCheck } from '@/app/lib/receipts/sign';
export type { ReceiptCheck };
import { getReceiptKey } from '@/app/lib/receipts/keys';

// Signed head receipts on the audit screen (ARCHITECTURE.md: audit trail, anchoring): the list of
// receipts sent, and the check of a receipt someone kept. Reads only; producers and auditors.

type ReceiptActor = Pick<Actor, 'role' | 'productionId' | 'production'>;

export type ReceiptRow = { id: string; seq: number; hash: string; signedAt: Date; trigger: ReceiptTrigger; sentBy: string | null; recipients: number; keyId: string };

export function listReceipts(actor: ReceiptActor, limit = 30): ReceiptRow[] {
  assertCan(actor, 'audit.view');
  return getDb()
    .select({
      id: headReceipts.id, seq: headReceipts.seq, hash: headReceipts.hash, signedAt: headReceipts.signedAt, trigger: headReceipts.trigger,
      sentBy: users.name, recipients: headReceipts.recipients, keyId: headReceipts.keyId,
    })
    .from(headReceipts)
    .leftJoin(users, eq(users.id, headReceipts.sentById))
    .where(eq(headReceipts.productionId, actor.productionId))
    .orderBy(desc(headReceipts.signedAt))
    .limit(limit)
    .all();
}

/** The public half of the receipt key, for the settings page, the audit screen and the README's commands. */
export function receiptPublicKey(): { pem: string; keyId: string } {
  const k = getReceiptKey();
  return { pem: k.publicKeyPem, keyId: k.keyId };
}

/**
 * Checks a receipt a person kept against this production's chain now: is it signed by this server's
 * key, is it this production's, does the chain still hold its head (and verify up to it)?
 */
export function checkReceipt(actor: ReceiptActor, text: string): ReceiptCheck {
  assertCan(actor, 'audit.view');
  const parsed = parseReceipt(text);
  if (!parsed.ok) return { verdict: 'unreadable', message: parsed.message, receipt: null };
  const r = parsed.receipt;
  const key = getReceiptKey();
  if (!signatureValid(r, key.publicKeyPem)) {
    return {
      verdict: 'forged',
      message:
        r.keyId === key.keyId
          ? 'The signature is not valid: this receipt was changed after it was signed, or it was not signed by this server.'
          : `The signature is not valid for this server's key (${key.keyId}); the receipt names ${r.keyId}. If the key was replaced, check it with the old public key: npm run audit:verify -- --receipt <file> --public-key <old key>.`,
      receipt: r,
    };
  }
  if (r.chain !== actor.productionId || r.production.id !== actor.productionId) {
    return { verdict: 'elsewhere', message: `This receipt is for another production (${r.production.title}). Check it on that production's audit screen.`, receipt: r };
  }
  const report = verifyDatabase(getSqlite(), { chains: [r.chain], kept: [{ chain: r.chain, seq: r.seq, hash: r.hash, source: 'this receipt' }] }).chains[0];
  const recorded = !!getDb()
    .select({ id: headReceipts.id })
    .from(headReceipts)
    .where(and(eq(headReceipts.productionId, actor.productionId), eq(headReceipts.signature, r.signature)))
    .get();
  const last = report.last?.seq ?? 0;
  const newest = report.last?.seq === r.seq && report.last.hash === r.hash;
  const entriesSince = Math.max(0, last - r.seq);
  if (report.status === 'tampered') {
    const mine = report.findings.find((f) => f.message.includes('this receipt')) ?? report.findings[0];
    return { verdict: 'contradicted', message: mine?.message ?? report.summary, receipt: r, newest, entriesSince, recorded, report };
  }
  return {
    verdict: 'confirmed',
    message: newest
      ? `The chain still holds this head: entry #${r.seq} is the newest entry and has the receipt's hash.`
      : `The chain still holds this head: entry #${r.seq} has the receipt's hash, and ${entriesSince} entr${entriesSince === 1 ? 'y was' : 'ies were'} added since.`,
    receipt: r,
    newest,
    entriesSince,
    recorded,
    report,
  };
}
