import type { Metadata } from 'next';
import { Logo } from '@/components/logo';

// The public side of anonymous reporting: no session is read anywhere under /report (ARCHITECTURE.md:
// anonymous reports). Kept out of the (app) group so no signed-in shell runs here.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function ReportLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-2xl items-center gap-3 px-4 py-3">
          <Logo />
          <span className="text-sm font-semibold text-muted">Anonymous safety report</span>
        </div>
      </header>
      <main className="mx-auto w-full max-w-2xl flex-1 px-4 py-5">{children}</main>
    </div>
  );
}
