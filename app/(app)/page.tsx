import Link from 'next/link';
import { redirect } from 'next/navigation';
import { listMyProductions, requireUser } from '@/app/lib/auth';
import { LABELS } from '@/app/lib/enums';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';

export default async function HomePage() {
  const user = await requireUser();
  const productions = listMyProductions(user.id);
  if (productions.length === 1 && !user.isAdmin) redirect(`/productions/${productions[0].id}`);
  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-6">
      <PageHeader title="Your productions" subtitle={`Signed in as ${user.name}`} />
      {productions.length === 0 ? (
        <EmptyState>
          You are not a member of any production yet. A producer adds you from their Members page.
          {user.isAdmin ? (
            <>
              {' '}
              As site admin you can <Link className="font-semibold text-brand underline" href="/admin">create a production</Link>.
            </>
          ) : null}
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {productions.map((p) => (
            <li key={p.id}>
              <Link href={`/productions/${p.id}`} className="block">
                <Card className="hover:border-brand">
                  <p className="text-lg font-semibold">{p.title}</p>
                  <p className="text-muted">
                    {LABELS.role[p.role]} · {LABELS.phase[p.phase]}
                  </p>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
