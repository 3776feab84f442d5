import type { Metadata } from 'next';
import Link from 'next/link';
import { listMyProductions, requireUser } from '@/app/lib/auth';
import { LABELS } from '@/app/lib/enums';
import { Card, CardTitle, EmptyState, Facts, PageHeader } from '@/components/ui/card';
import { ChangePasswordForm } from './change-password-form';
import { changePassword } from './actions';
import { ThemeSwitch } from '@/components/theme/theme-switch';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const user = await requireUser();
  const productions = listMyProductions(user.id);
  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-6">
      <PageHeader title="Your account" subtitle={user.email} />
      <div className="flex flex-col gap-4">
        <Card aria-labelledby="who-h">
          <CardTitle id="who-h">You</CardTitle>
          <Facts
            items={[
              { term: 'Name', value: user.name },
              { term: 'Email', value: <span className="break-all">{user.email}</span> },
              ...(user.isAdmin ? [{ term: 'Site', value: 'Site admin: creates productions and their first producer' }] : []),
            ]}
          />
        </Card>
        <Card aria-labelledby="prods-h">
          <CardTitle id="prods-h">Your productions</CardTitle>
          {productions.length === 0 ? (
            <EmptyState>You are not a member of any production.</EmptyState>
          ) : (
            <ul className="divide-y divide-line">
              {productions.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-x-3 py-1">
                  <Link href={`/productions/${p.id}`} className="flex min-h-11 items-center font-semibold text-brand underline-offset-2 hover:underline">
                    {p.title}
                  </Link>
                  <span className="text-muted">
                    {LABELS.role[p.role]} · {LABELS.phase[p.phase]}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-sm text-muted">Your role on each production is set by its producers.</p>
        </Card>
        <Card aria-labelledby="look-h">
          <CardTitle id="look-h">Day and night</CardTitle>
          <ThemeSwitch />
        </Card>
        <Card aria-labelledby="pw-h">
          <CardTitle id="pw-h">Change password</CardTitle>
          <p className="mb-4 text-muted">Changing it signs you out on every other device and browser.</p>
          <ChangePasswordForm email={user.email} change={changePassword} />
        </Card>
      </div>
    </main>
  );
}
