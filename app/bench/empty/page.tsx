import { notFound } from 'next/navigation';

// The benchmark's client-JavaScript floor (ARCHITECTURE.md: performance budget): an App Router
// page with nothing of its own, under the root layout every page shares. What any page loads
// beyond this is the page's own. It exists only while SETSAFE_BENCH=1; otherwise it is a 404.
export default function EmptyPage() {
  if (process.env.SETSAFE_BENCH !== '1') notFound();
  return <main>Empty</main>;
}
