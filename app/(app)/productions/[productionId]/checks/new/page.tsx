import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { CHECK_PHASES, type CheckPhase } from '@/app/lib/enums';
import { allowed } from '@/app/lib/policy';
import { listWeaponChoices } from '@/db/queries/firearms';
import { listEligibleWitnesses } from '@/db/queries/checks';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { CheckForm } from '@/components/firearms/check-form';
import { FirearmsTabs } from '@/components/firearms/firearms-tabs';

export const metadata: Metadata = { title: 'New check' };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.slice(0, 100) : '');

export default async function NewCheckPage({
  params,
  searchParams,
}: {
  params: Promise<{ productionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { productionId } = await params;
  const sp = await searchParams;
  const actor = await requireMember(productionId);
  if (!allowed(actor, 'check.record')) forbidden();
  const weapons = listWeaponChoices(actor);
  const witnesses = listEligibleWitnesses(actor);
  const phase = (CHECK_PHASES as readonly string[]).includes(one(sp.phase)) ? (one(sp.phase) as CheckPhase) : 'before_use';
  const firearmId = weapons.some((w) => w.id === one(sp.firearm)) ? one(sp.firearm) : '';

  return (
    <>
      <FirearmsTabs actor={actor} />
      <p className="mb-2">
        <Link href={`/productions/${productionId}/checks`} className="inline-flex min-h-11 items-center font-semibold text-brand underline-offset-2 hover:underline">
          ← Checks
        </Link>
      </p>
      <PageHeader title="New check" subtitle="Show the weapon to the actor or recipient and the witnesses, item by item." />
      <Card className="max-w-2xl">
        {weapons.length === 0 ? (
          <EmptyState>
            There is no weapon in the inventory yet.{' '}
            <Link className="font-semibold text-brand underline" href={`/productions/${productionId}/firearms`}>
              Add one first
            </Link>
            .
          </EmptyState>
        ) : (
          <CheckForm productionId={productionId} weapons={weapons} witnesses={witnesses} initial={{ firearmId, phase, scene: one(sp.scene) }} />
        )}
      </Card>
    </>
  );
}
