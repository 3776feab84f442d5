import { formatCount } from '@/app/lib/numbers';

type Point = { label: string; firearm: number; other: number };

// Drawn on the server (ARCHITECTURE.md: performance budget): a chart that needs no interaction
// sends no JavaScript to the phone. The bars and grid are an SVG stretched to the plot area; the
// axis labels are ordinary text beside it, so they keep their size at any width.
const FIREARM = '#0b4f6c';
const OTHER = '#94a3b8';
const SLOT = 10; // viewBox units per week
const BAR = 7;

/** 0, a round step, …: at most five grid lines, whole numbers only. */
function ticks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag);
  const out = [0];
  while (out[out.length - 1] < max) out.push(out[out.length - 1] + step);
  return out;
}

/** Two decimals: enough for a 100-unit viewBox, and a fifth of the bytes of a full double. */
const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Stacked weekly bars. The figure around it states the totals in words and offers the same data
 * as a table, so the picture is for sighted readers only (aria-hidden) and never the sole source.
 * Firearm-related bars are dark and solid, the others light: told apart by the legend text too.
 * Each series is one path of rectangles and the grid one path of lines: a dozen weeks drawn as
 * separate elements were a fifth of the dashboard's elements (ARCHITECTURE.md: performance budget).
 */
export function WeeklyChart({ data, summary }: { data: Point[]; summary: string }) {
  const ys = ticks(Math.max(0, ...data.map((d) => d.firearm + d.other)));
  const top = ys[ys.length - 1];
  const y = (v: number) => 100 - (v / top) * 100;
  const w = Math.max(1, data.length) * SLOT;
  // A rectangle from y(from) up to y(to) in week k's slot, as a closed sub-path.
  const bar = (k: number, from: number, to: number) =>
    to > from ? `M${k * SLOT + (SLOT - BAR) / 2} ${r2(y(from))}V${r2(y(to))}h${BAR}V${r2(y(from))}z` : '';
  return (
    <div aria-hidden="true" title={summary}>
      <div className="relative h-56 w-full overflow-hidden text-xs text-muted sm:h-64">
        {ys.map((v) => (
          <span key={v} className="absolute left-0 w-11 -translate-y-1/2 text-right tabular-nums" style={{ top: `calc(0.5rem + ${(1 - v / top).toFixed(4)} * (100% - 2.25rem))` }}>
            {formatCount(v)}
          </span>
        ))}
        <svg viewBox={`0 0 ${w} 100`} preserveAspectRatio="none" className="absolute top-2 right-0 bottom-7 left-13 h-[calc(100%-2.25rem)] w-[calc(100%-3.25rem)]">
          <path d={ys.map((v) => `M0 ${r2(y(v))}H${w}`).join('')} fill="none" stroke="#cbd5e1" vectorEffect="non-scaling-stroke" />
          <path d={data.map((d, k) => bar(k, 0, d.firearm)).join('')} fill={FIREARM} />
          <path d={data.map((d, k) => bar(k, d.firearm, d.firearm + d.other)).join('')} fill={OTHER} />
        </svg>
        <div className="chart-weeks absolute right-0 bottom-0 left-13 flex h-6 items-end overflow-hidden">
          {data.map((d, k) => (
            // Every third label on a phone (the table below lists them all).
            <span key={d.label} className={k % 3 ? 'invisible sm:visible' : undefined}>
              {d.label}
            </span>
          ))}
        </div>
      </div>
      <p className="mt-1 flex flex-wrap gap-4 text-[13px]">
        <span className="inline-flex items-center gap-1">
          <span className="inline-block size-3" style={{ background: FIREARM }} />
          Firearm-related
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="inline-block size-3" style={{ background: OTHER }} />
          Other
        </span>
      </p>
    </div>
  );
}
