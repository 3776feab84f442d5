import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { productionByToken } from '@/app/lib/anonymous/core';
import { newReceiptCode, normaliseReceipt, receiptMac } from '@/app/lib/anonymous/receipt';
import { getAuthSecret } from '@/app/lib/secret';
import { localDate } from '@/app/lib/time';
import { ReportForm } from '@/components/report/report-form';
import { PrivacyPromise } from '@/components/report/privacy-promise';

export const metadata: Metadata = { title: 'Report a safety problem anonymously', robots: { index: false, follow: false } };
// A fresh receipt code for every load of the form.
export const dynamic = 'force-dynamic';

// No session, cookie or header is read here (ARCHITECTURE.md: anonymous reports); the token is the only input.
export default async function AnonymousReportPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const production = productionByToken(token);
  if (!production) notFound();
  const receipt = newReceiptCode();
  const mac = receiptMac(normaliseReceipt(receipt)!, getAuthSecret());
  return (
    <>
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">Anonymous report for</p>
      <h1 className="mb-4 text-2xl font-bold tracking-tight sm:text-3xl">{production.title}</h1>
      <PrivacyPromise />
      {production.phase === 'wrapped' ? (
        <p className="mt-4 rounded-lg border border-line bg-surface p-4 font-semibold">
          This production has wrapped: its records are read-only and no new reports can be filed here.
        </p>
      ) : (
        <ReportForm token={token} receipt={receipt} mac={mac} today={localDate(new Date(), production.timeZone)} />
      )}
      <p className="mt-6 text-center">
        <Link href="/report/follow-up" className="inline-flex min-h-11 items-center font-semibold text-brand underline">
          Already reported? Follow up with your receipt code
        </Link>
      </p>
    </>
  );
}
