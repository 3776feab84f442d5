'use server';

import { actorFor, getSessionUser } from '@/app/lib/auth';
import { can } from '@/app/lib/policy';
import { fail, ok, type ActionResult } from '@/app/lib/errors';
import { PERMISSION_MESSAGE } from '@/app/lib/core';
import type { ChainReport } from '@/app/lib/audit-verify';
import { verifyProductionChain } from '@/db/queries/audit';

export type VerifyOutcome = { report: ChainReport; checkedAt: string };

/**
 * Walks this production's audit chain and compares its end with the head kept outside the
 * database. A read: nothing changes, so there is no transaction and no audit entry; the session
 * and the role are still checked here on the server.
 */
export async function verifyChain(productionId: string, _prev: ActionResult<VerifyOutcome> | null, _form: FormData): Promise<ActionResult<VerifyOutcome>> {
  const user = await getSessionUser();
  if (!user) return fail('Your session has ended. Sign in again.', 'unauthenticated');
  const actor = typeof productionId === 'string' ? actorFor(user, productionId) : null;
  if (!actor) return fail('Not found.', 'not_found');
  if (!can(actor.role, 'audit.view')) return fail(PERMISSION_MESSAGE, 'forbidden');
  return ok({ report: verifyProductionChain(actor), checkedAt: new Date().toISOString() });
}
