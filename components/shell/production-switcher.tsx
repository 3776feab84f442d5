import Link from 'next/link';
import { LABELS, type Phase, type Role } from '@/app/lib/enums';

/** A plain <details> menu: no client JavaScript needed. */
export function ProductionSwitcher({ productions }: { productions: { id: string; title: string; phase: Phase; role: Role }[] }) {
  if (productions.length === 0) return null;
  return (
    <details className="relative">
      <summary className="flex min-h-11 cursor-pointer list-none items-center rounded-lg border border-line px-3 font-semibold hover:bg-canvas">
        Productions <span aria-hidden="true" className="ml-1 text-muted">▾</span>
      </summary>
      <ul className="absolute left-0 z-20 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-xl border border-line bg-surface p-2 shadow-lg">
        {productions.map((p) => (
          <li key={p.id}>
            <Link href={`/productions/${p.id}`} className="flex min-h-11 flex-col justify-center rounded-lg px-3 py-1 hover:bg-canvas">
              <span className="font-semibold">{p.title}</span>
              <span className="text-sm text-muted">
                {LABELS.role[p.role]} · {LABELS.phase[p.phase]}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
