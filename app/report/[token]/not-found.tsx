import Link from 'next/link';

/** Unknown or rotated link: a plain answer (404), never an error page. */
export default function ReportLinkNotFound() {
  return (
    <div className="rounded-xl border border-line bg-surface p-5 shadow-sm">
      <h1 className="text-2xl font-bold">This link is no longer active</h1>
      <p className="mt-2">
        The production has changed its anonymous-report link, or this one was mistyped. Ask for the current QR code or link — it is on the
        call sheet or with the 1st AD.
      </p>
      <p className="mt-3 text-muted">
        Already filed a report? Your receipt code still works, whatever happened to the link.
      </p>
      <Link href="/report/follow-up" className="mt-4 inline-flex min-h-11 items-center font-semibold text-brand underline">
        Follow up with your receipt code
      </Link>
    </div>
  );
}
