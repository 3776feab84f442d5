import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="mt-2 text-muted">There is nothing here, or it belongs to a production you are not a member of.</p>
      <Link href="/" className="mt-6 inline-flex min-h-11 items-center font-semibold text-brand underline">
        Back to your productions
      </Link>
    </main>
  );
}
