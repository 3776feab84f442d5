import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { allowed } from '@/app/lib/policy';
import { oshaYear } from '@/db/queries/osha';

export type OshaYearParams = Promise<{ productionId: string; establishmentId: string; year: string }>;

/**
 * What the Form 300 and 300A pages load before drawing: the member (policy `osha.view`, one way
 * per ARCHITECTURE.md §Permission matrix), a four-digit year, and the establishment's year, or a 404.
 */
export async function loadOshaYear(params: OshaYearParams) {
  const { productionId, establishmentId, year: y } = await params;
  const actor = await requireMember(productionId);
  if (!allowed(actor, 'osha.view')) forbidden();
  if (!/^20\d{2}$/.test(y)) notFound();
  const year = Number(y);
  const o = oshaYear(actor, establishmentId, year);
  if (!o) notFound();
  return { actor, productionId, year, o };
}
