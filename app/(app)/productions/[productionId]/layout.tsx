import Link from 'next/link';
import { cookies } from 'next/headers';
import { requireMember } from '@/app/lib/auth';
import { navFor, phoneNavFor } from '@/app/lib/nav';
import { LABELS } from '@/app/lib/enums';
import { allowed, can } from '@/app/lib/policy';
import { canCallHold } from '@/app/lib/rules';
import { getOpenHold } from '@/db/queries/holds';
import { HOLD_SEEN_COOKIE, HoldBanner } from '@/components/shell/hold-banner';
import { ProductionNav } from '@/components/shell/production-nav';
import { PhoneNav } from '@/components/shell/phone-nav';
import { PhoneNavIcon, SHORT } from '@/components/shell/phone-nav-icon';
import { KeepOffline } from '@/components/offline/keep-offline';

export default async function ProductionLayout({ children, params }: { children: React.ReactNode; params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  const open = getOpenHold(actor);
  const p = actor.production;
  // Stop work is one tap away on every page for everyone who may call a hold (rule 5's hold);
  // while one stands, the banner takes its place.
  const mayStop = p.phase !== 'wrapped' && can(actor.role, 'hold.call') && canCallHold({ userId: actor.userId, role: actor.role }, open ? { ...open.hold } : null).ok;
  const seen = (await cookies()).get(HOLD_SEEN_COOKIE)?.value;
  const phone = phoneNavFor(actor.role, p.id);
  return (
    <>
      {open ? (
        <HoldBanner hold={open.hold} calledByName={open.calledByName} timeZone={p.timeZone} productionId={p.id} compact={seen === open.hold.id} />
      ) : null}
      {p.phase === 'wrapped' ? (
        <div role="status" className="border-b border-line bg-raised px-4 py-2 text-center font-semibold">
          Wrapped — this production is read-only. Its records are kept for at least five years.
        </div>
      ) : null}
      <div className="no-print border-b border-line bg-surface">
        <div className="mx-auto max-w-6xl px-4 pt-2 lg:pt-3">
          <div className="flex items-center gap-3 pb-2 lg:pb-0">
            <p className="min-w-0 flex-1 text-sm text-muted">
              <span className="font-semibold text-ink">{p.title}</span> · {LABELS.phase[p.phase]} · you are{' '}
              <span className="font-semibold text-ink">{LABELS.role[actor.role]}</span>
            </p>
            {mayStop ? (
              <Link
                href={`/productions/${p.id}/hold?stop=1`}
                className="inline-flex min-h-11 shrink-0 items-center gap-2 rounded-lg bg-hold-solid px-3 font-bold text-white hover:bg-red-800"
              >
                <span aria-hidden="true">■</span> Stop work
              </Link>
            ) : null}
          </div>
          <ProductionNav items={navFor(actor.role, p.id)} />
        </div>
      </div>
      <main className="mx-auto w-full max-w-6xl px-4 pt-5 pb-28 lg:pb-5">{children}</main>
      <PhoneNav primary={phone.primary.map((i) => ({ ...i, icon: <PhoneNavIcon label={i.label} />, short: SHORT[i.label] ?? i.label }))} more={phone.more} />
      {/* With no signal: the overview, the holds and the report form open from copies kept on the phone. */}
      <KeepOffline urls={[`/productions/${p.id}`, `/productions/${p.id}/hold`, ...(allowed(actor, 'incident.file') ? [`/productions/${p.id}/incidents/new`] : [])]} />
    </>
  );
}
