'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import * as members from '@/app/lib/members';

function refresh(productionId: string) {
  revalidatePath(`/productions/${productionId}`, 'layout');
}

export async function inviteMember(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, members.inviteMember, raw);
  if (res.ok) refresh(productionId);
  return res;
}

export async function changeMember(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, members.changeMember, raw);
  if (res.ok) refresh(productionId);
  return res;
}

export async function removeMember(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, members.removeMember, raw);
  if (res.ok) refresh(productionId);
  return res;
}

export async function reissueInvite(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, members.reissueInvite, raw);
  if (res.ok) refresh(productionId);
  return res;
}
