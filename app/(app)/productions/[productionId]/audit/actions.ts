'use server';

import { revalidatePath } from 'next/cache';
import { memberOr, runAsMember } from '@/app/lib/action';
import { zodFieldErrors } from '@/app/lib/core';
import { sendHeadReceipt } from '@/app/lib/receipts/core';
import { checkReceiptSchema } from '@/app/lib/schemas/receipts';
import { checkReceipt, type ReceiptCheck } from '@/db/queries/receipts';
import { refusedBecause } from '@/app/lib/policy';
import { fail, ok, type ActionResult } from '@/app/lib/errors';
import type { ChainReport } from '@/app/lib/audit-verify';
import { verifyProductionChain } from '@/db/queries/audit';

export type VerifyOutcome = { report: ChainReport; checkedAt: string };

/**
 * Walks this production's audit chain and compares its end with the head kept outside the
 * database. A read: nothing changes, so there is no transaction and no audit entry; the session
 * and the role are still checked here on the server.
 */
export async function verifyChain(productionId: string, _prev: ActionResult<VerifyOutcome> | null, _form: FormData): Promise<ActionResult<VerifyOutcome>> {
  const who = await memberOr(productionId);
  if ('refused' in who) return who.refused;
  const refused = refusedBecause(who.actor, 'audit.view');
  if (refused) return fail(refused, 'forbidden');
  return ok({ report: verifyProductionChain(who.actor), checkedAt: new Date().toISOString() });
}

export type SendReceiptOutcome = { id: string; seq: number; hash: string; recipients: number };

/** "Send a receipt now": the core signs the head and writes the receipt, its emails and its audit entry together. */
export async function sendReceipt(productionId: string, _prev: ActionResult<SendReceiptOutcome> | null, _form: FormData): Promise<ActionResult<SendReceiptOutcome>> {
  const res = await runAsMember(productionId, sendHeadReceipt, {});
  if (res.ok) revalidatePath(`/productions/${productionId}/audit`);
  return res;
}

/**
 * Checks a receipt someone kept (pasted, or read from its file in the browser) against the chain
 * now. A read: nothing is written; the session and the role are checked here on the server.
 */
export async function checkKeptReceipt(productionId: string, _prev: ActionResult<ReceiptCheck> | null, form: FormData): Promise<ActionResult<ReceiptCheck>> {
  const who = await memberOr(productionId);
  if ('refused' in who) return who.refused;
  const refused = refusedBecause(who.actor, 'audit.view');
  if (refused) return fail(refused, 'forbidden');
  const parsed = checkReceiptSchema.safeParse({ receipt: form.get('receipt') ?? '' });
  if (!parsed.success) return fail('Some fields need attention.', 'invalid', zodFieldErrors(parsed.error.issues));
  return ok(checkReceipt(who.actor, parsed.data.receipt));
}
