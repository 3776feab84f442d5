// Small server-rendered pieces of the ammunition screens (ARCHITECTURE.md: ammunition chain).
import { LABELS, type AmmoLotStatus } from '@/app/lib/enums';
import type { AmmoLot } from '@/db/schema';
import { Badge } from '@/components/ui/badge';

/** The lot's state in a word and a symbol, never colour alone. */
export function LotStatusBadge({ status }: { status: AmmoLotStatus }) {
  if (status === 'frozen')
    return (
      <Badge tone="danger">
        <span aria-hidden="true">■</span>
        {LABELS.ammoLotStatus.frozen}
      </Badge>
    );
  if (status === 'returned')
    return (
      <Badge tone="info">
        <span aria-hidden="true">↩</span>
        {LABELS.ammoLotStatus.returned}
      </Badge>
    );
  return (
    <Badge tone="ok">
      <span aria-hidden="true">✓</span>
      {LABELS.ammoLotStatus.in_store}
    </Badge>
  );
}

/** How a dummy lot was verified on arrival, and how many of its rounds. */
export function verificationLine(lot: Pick<AmmoLot, 'verificationMethods' | 'verifiedCount' | 'countReceived'>): string {
  if (!lot.verificationMethods.length || lot.verifiedCount == null) return 'Verification on arrival: not recorded (lot entered before methods were asked).';
  const how = lot.verificationMethods.map((m) => LABELS.dummyVerificationShort[m]).join(', ');
  const all = lot.verifiedCount >= lot.countReceived;
  return `Verified on arrival by ${how}: ${lot.verifiedCount} of ${lot.countReceived} rounds${all ? '' : ' — not every round'}.`;
}

/** What the chain is and why, citing only the statute text read for it (README: sources). */
export function AmmoChainHelp() {
  return (
    <details className="mb-4 rounded-xl border border-line bg-surface p-4">
      <summary className="min-h-11 cursor-pointer content-center font-semibold">How the ammunition chain works</summary>
      <ol className="mt-2 ml-5 flex list-decimal flex-col gap-2">
        <li>
          <strong>Receive</strong> each lot from the rental house or vendor with its delivery note or invoice. Every dummy is verified on arrival — it rattles,
          its case is drilled, its primer pocket is empty — and the form records which methods and how many rounds. On <em>Rust</em>, live rounds came mixed with
          dummies.
        </li>
        <li>
          <strong>Issue and return</strong>: rounds go out only on a hand-out from the armorer and come back on its return, counted both ways. Blanks fired are
          counted; what is neither fired nor back files an incident.
        </li>
        <li>
          <strong>Reconcile daily</strong>: every change to a lot’s count is a line in its ledger (received, issued, returned, fired, adjusted with a reason, to the
          authorities, back to the vendor), and each production day shows opening, issued, fired, returned and on hand per lot. The ledger always sums to the count
          on hand; a difference would stand out.
        </li>
        <li>
          <strong>A live round found</strong>: anyone files a “Live ammunition found” report (rule 1: critical, stop-work hold). The armorer freezes the lot it was
          in — nothing in it can be issued, and a hand-out naming it is refused and recorded — counts it, adds photos to the report, and records each hand-over
          to the authorities: from whom, to whom (name, agency, badge or ID), when, how many, under which seal or bag number.
        </li>
        <li>
          <strong>Wrap</strong>: each remaining lot goes back to the vendor whole, signed by the armorer with the vendor’s receiver and reference, and
          acknowledged by a producer. The lot is then closed.
        </li>
      </ol>
      <p className="mt-3 text-sm text-muted">
        California Labor Code Part 13 (SB 132, operative 1 January 2025): §9151(a) defines “ammunition” as loaded cartridges with a primed case, propellant and a
        projectile, and says blanks are not ammunition; §9155(a) does not permit ammunition on a motion picture production outside narrow exceptions (a supervised
        range for actor training, gunfire sound recording or firearms education; a work whose subject needs it, such as a documentary other than a dramatic
        reenactment; filming trained military or police personnel in their own facility); §9153(a)(1) permits a
        firearm or blank only under the custody and control of a qualified property master, armorer or assistant property master.
      </p>
    </details>
  );
}
