import Link from 'next/link';

// Rendered (HTTP 403) when a member opens a page their role on the production does not allow.
export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center" data-refusal="forbidden">
      <h1 className="text-2xl font-bold">Not allowed</h1>
      <p className="mt-2 text-muted">Your role on this production does not allow this page. Nothing was changed.</p>
      <Link href="/" className="mt-6 inline-flex min-h-11 items-center font-semibold text-brand underline">
        Back to your productions
      </Link>
    </main>
  );
}
