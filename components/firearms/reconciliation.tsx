// One lot's reconciliation for one production-local day (ARCHITECTURE.md: ammunition chain): a
// grid of figures that reads on a phone and on a tablet, with what does not add up said in words.
import type { ReconciliationDay } from '@/app/lib/rules';

export function ReconciliationFigures({ day, onHand, drift }: { day: ReconciliationDay | null; onHand: number; drift: number }) {
  const d = day ?? { opening: onHand, received: 0, issued: 0, fired: 0, returned: 0, missing: 0, adjusted: 0, vendorReturned: 0, evidence: 0, closing: onHand, outstanding: 0 };
  const figures: [string, number][] = [
    ['Opening', d.opening],
    ['Received', d.received],
    ['Issued', d.issued],
    ['Fired', d.fired],
    ['Returned', d.returned],
    ['On hand', d.closing],
  ];
  const other: string[] = [];
  if (d.adjusted) other.push(`adjusted ${d.adjusted > 0 ? '+' : ''}${d.adjusted}`);
  if (d.evidence) other.push(`${d.evidence} to the authorities`);
  if (d.vendorReturned) other.push(`${d.vendorReturned} returned to the vendor`);
  return (
    <div className="flex flex-col gap-2">
      <dl className="grid grid-cols-3 gap-2 sm:grid-cols-6">
        {figures.map(([term, value]) => (
          <div key={term} className="rounded-lg border border-line bg-canvas/60 p-2 text-center">
            <dt className="text-xs font-semibold text-muted">{term}</dt>
            <dd className="text-lg font-bold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {other.length ? <p className="text-sm text-muted">Also: {other.join(', ')} (reasons in the ledger).</p> : null}
      {d.outstanding ? (
        <p className="text-sm font-semibold text-medium">
          <span aria-hidden="true">⚠ </span>
          {d.outstanding} issued this day not back yet (still out with a weapon, or not yet returned).
        </p>
      ) : null}
      {d.missing ? (
        <p className="text-sm font-semibold text-hold">
          <span aria-hidden="true">▲ </span>
          {d.missing} {d.missing === 1 ? 'round' : 'rounds'} neither fired nor returned: an incident was filed at the return.
        </p>
      ) : null}
      {drift ? (
        <p className="text-sm font-semibold text-hold">
          <span aria-hidden="true">▲ </span>
          The ledger and the count on hand differ by {drift}: count the lot and record an adjustment with its reason.
        </p>
      ) : null}
    </div>
  );
}
