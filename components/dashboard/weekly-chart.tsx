type Point = { label: string; firearm: number; other: number };

// Drawn on the server as plain SVG (ARCHITECTURE.md: performance budget): a chart that needs no
// interaction sends no JavaScript to the phone. Coordinates are in a fixed viewBox that scales
// to the card's width.
const W = 640;
const H = 240;
const PAD = { top: 8, right: 8, bottom: 28, left: 40 };
const FIREARM = '#0b4f6c';
const OTHER = '#94a3b8';
const INK = '#475569';

/** 0, a round step, …: at most five grid lines, whole numbers only. */
function ticks(max: number): number[] {
  if (max <= 0) return [0];
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag);
  const out: number[] = [];
  for (let v = 0; v <= max + step - 1 && out.length < 6; v += step) out.push(v);
  return out;
}

/**
 * Stacked weekly bars. The figure around it states the totals in words and offers the same data
 * as a table, so the picture is for sighted readers only (aria-hidden) and never the sole source.
 * Firearm-related bars are dark and solid, the others light: told apart by the legend text too.
 * Each bar carries its numbers as a hover title.
 */
export function WeeklyChart({ data, summary }: { data: Point[]; summary: string }) {
  const ys = ticks(Math.max(0, ...data.map((d) => d.firearm + d.other)));
  const top = ys[ys.length - 1] || 1;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, data.length);
  const barW = slot * 0.8;
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  // Every label when they fit, else every other one (the table lists them all).
  const every = data.length > 8 ? 2 : 1;
  return (
    <div aria-hidden="true" title={summary}>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="presentation" fontSize="12">
        {ys.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#cbd5e1" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fill={INK}>
              {v}
            </text>
          </g>
        ))}
        {data.map((d, k) => {
          const x = PAD.left + k * slot + (slot - barW) / 2;
          return (
            <g key={d.label}>
              <title>{`${d.label}: ${d.firearm} firearm-related, ${d.other} other`}</title>
              {d.firearm > 0 ? <rect x={x} width={barW} y={y(d.firearm)} height={y(0) - y(d.firearm)} fill={FIREARM} /> : null}
              {d.other > 0 ? <rect x={x} width={barW} y={y(d.firearm + d.other)} height={y(d.firearm) - y(d.firearm + d.other)} fill={OTHER} /> : null}
              {k % every === 0 || k === data.length - 1 ? (
                <text x={x + barW / 2} y={H - PAD.bottom + 16} textAnchor="middle" fill={INK}>
                  {d.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <p className="mt-1 flex flex-wrap gap-4 text-[13px]">
        <span className="inline-flex items-center gap-1">
          <svg width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" fill={FIREARM} />
          </svg>
          Firearm-related
        </span>
        <span className="inline-flex items-center gap-1">
          <svg width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" fill={OTHER} />
          </svg>
          Other
        </span>
      </p>
    </div>
  );
}
