'use server';

import { memberOr } from '@/app/lib/action';
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
