import { requireMember } from '@/app/lib/auth';
import { navFor } from '@/app/lib/nav';
import { LABELS } from '@/app/lib/enums';
import { getOpenHold } from '@/db/queries/holds';
import { HoldBanner } from '@/components/shell/hold-banner';
import { ProductionNav } from '@/components/shell/production-nav';

export default async function ProductionLayout({ children, params }: { children: React.ReactNode; params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  const open = getOpenHold(actor);
  const p = actor.production;
  return (
    <>
      {open ? <HoldBanner hold={open.hold} calledByName={open.calledByName} timeZone={p.timeZone} productionId={p.id} /> : null}
      {p.phase === 'wrapped' ? (
        <div role="status" className="border-b border-line bg-slate-200 px-4 py-2 text-center font-semibold">
          Wrapped — this production is read-only. Its records are kept for at least five years.
        </div>
      ) : null}
      <div className="no-print border-b border-line bg-white">
        <div className="mx-auto max-w-6xl px-4 pt-3">
          <p className="text-sm text-muted">
            <span className="font-semibold text-ink">{p.title}</span> · {LABELS.phase[p.phase]} · you are{' '}
            <span className="font-semibold text-ink">{LABELS.role[actor.role]}</span>
          </p>
          <ProductionNav items={navFor(actor.role, p.id)} />
        </div>
      </div>
      <main className="mx-auto w-full max-w-6xl px-4 py-5">{children}</main>
    </>
  );
}
