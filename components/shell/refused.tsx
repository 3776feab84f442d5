import Link from 'next/link';

/**
 * What a member sees on a page of their own production that their role may not use. (Another
 * production's pages answer 404 instead.) `data-authz="forbidden"` is what e2e/authz reads.
 */
export function Refused({ productionId, message }: { productionId: string; message?: string }) {
  return (
    <div data-authz="forbidden" className="mx-auto max-w-xl py-10 text-center">
      <h1 className="text-2xl font-bold">Not for your role</h1>
      <p className="mt-2 text-muted">{message ?? 'Your role on this production does not allow this page.'}</p>
      <Link href={`/productions/${productionId}`} className="mt-6 inline-flex min-h-11 items-center font-semibold text-brand underline">
        Back to the overview
      </Link>
    </div>
  );
}
