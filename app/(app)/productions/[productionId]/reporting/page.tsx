import type { Metadata } from 'next';
import QRCode from 'qrcode';
import { notFound } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { publicOrigin } from '@/app/lib/anonymous/origin';
import { allowed } from '@/app/lib/policy';
import { formatInZone } from '@/app/lib/time';
import { getReportLink } from '@/db/queries/anonymous';
import { Card, CardTitle, PageHeader } from '@/components/ui/card';
import { CopyLink, PrintButton } from '@/components/reporting/link-tools';
import { RotateLinkForm } from '@/components/reporting/rotate-link-form';

export const metadata: Metadata = { title: 'Anonymous reporting' };

/**
 * Every member may see and print the link: it exists to be handed out on call sheets, and knowing it
 * lets someone do only what any member can already do (file a report). Rotating it is
 * 'production.manage' (producers), because it invalidates every printed copy.
 */
export default async function ReportingPage({ params }: { params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  const link = getReportLink(actor);
  if (!link) notFound();
  const p = actor.production;
  const url = `${await publicOrigin()}/report/${link.token}`;
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const qrSrc = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const canRotate = allowed(actor, 'production.manage');
  return (
    <>
      {/* Prints the call-sheet card alone, whatever else is on screen. */}
      <style>{`@media print { body * { visibility: hidden !important; } #qr-card, #qr-card * { visibility: visible !important; } #qr-card { position: absolute; inset: 0 auto auto 0; width: 100%; border: 0; box-shadow: none; } }`}</style>
      <PageHeader title="Anonymous reporting" subtitle="A link and QR code anyone on set can use to report a safety problem without an account." />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section id="qr-card" aria-labelledby="qr-h" className="self-start rounded-xl border border-line bg-surface p-4 text-center shadow-sm sm:p-6">
          <p className="text-sm font-semibold uppercase tracking-wide text-muted">{p.title}</p>
          <h2 id="qr-h" className="mt-1 text-2xl font-bold">
            Saw something unsafe? Report it anonymously.
          </h2>
          {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG data URL made on the server */}
          <img src={qrSrc} alt="QR code that opens the anonymous report form" className="mx-auto my-4 aspect-square w-full max-w-72" data-testid="report-qr" />
          <p className="break-all font-mono text-sm" data-testid="report-url">
            {url}
          </p>
          <p className="mt-3 text-sm">
            No account needed. Your name, phone and the time are not recorded. You get a receipt code to follow your report and answer
            questions.
          </p>
        </section>
        <div className="flex flex-col gap-4">
          <Card aria-labelledby="share-h">
            <CardTitle id="share-h">Share it</CardTitle>
            <p className="mb-3 text-muted">Print the card for call sheets and the production office, or send the link to the crew.</p>
            <CopyLink url={url} />
            <div className="mt-3">
              <PrintButton />
            </div>
          </Card>
          <Card aria-labelledby="rotate-h">
            <CardTitle id="rotate-h">Change the link</CardTitle>
            <p className="text-muted">
              {link.rotatedAt ? `Last changed ${formatInZone(link.rotatedAt, p.timeZone)}.` : 'Not changed since the production was set up.'}
            </p>
            <p className="mt-2">
              Changing it stops the old link and every printed QR code at once — use it if the link is being abused or reached people off the
              show. Reports already sent, and their receipt codes, keep working.
            </p>
            {canRotate ? (
              <RotateLinkForm productionId={p.id} />
            ) : (
              <p className="mt-3 text-sm text-muted">
                {p.phase === 'wrapped' ? 'This production is wrapped and read-only.' : 'Only a producer can change the link.'}
              </p>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
