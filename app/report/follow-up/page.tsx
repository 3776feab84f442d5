import type { Metadata } from 'next';
import { FollowUp } from '@/components/report/follow-up';

export const metadata: Metadata = { title: 'Follow up on an anonymous report', robots: { index: false, follow: false } };

// Does not use the report link's token, so it keeps working after the link is rotated. The receipt
// code is typed here and sent in request bodies only — never in the URL or a cookie.
export default function FollowUpPage() {
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold tracking-tight sm:text-3xl">Follow up on your report</h1>
      <p className="mb-4 text-muted">
        Enter the receipt code you got when you sent your anonymous report. You will see what is happening, the production’s questions and your
        answers. Nothing here asks who you are.
      </p>
      <FollowUp />
    </>
  );
}
