import type { Metadata } from 'next';
import Link from 'next/link';
import { listMyProductions, requireUser } from '@/app/lib/auth';
import { LABELS } from '@/app/lib/enums';
import { Card, CardTitle, EmptyState, Facts, PageHeader } from '@/components/ui/card';
import { getVapidKeys } from '@/app/lib/delivery/vapid';
import { isCriticalKind } from '@/app/lib/enums';
import { getMyPreferences, listMyDevices } from '@/db/queries/delivery';
import { PreferencesForm } from '@/components/delivery/preferences-form';
import { RECEIPT_ROLES } from '@/app/lib/receipts/core';
import { PushToggle } from '@/components/delivery/push-toggle';
import { formatInZone } from '@/app/lib/time';
import { ChangePasswordForm } from './change-password-form';
import { changePassword, savePreferences, subscribePush, unsubscribePush } from './actions';
import { TwoFactorCard } from '@/components/account/two-factor-card';
import { ThemeSwitch } from '@/components/theme/theme-switch';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const user = await requireUser();
  const productions = listMyProductions(user.id);
  const devices = listMyDevices(user.id);
  const vapidPublicKey = getVapidKeys().publicKey;
  const zones = new Map(productions.map((p) => [p.id, p.timeZone]));
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
        <Card aria-labelledby="push-h">
          <CardTitle id="push-h">Alerts on your phone</CardTitle>
          <p className="mb-4 text-muted">
            Push alerts reach this device even when SetSafe is closed. Turn them on on each phone or computer you use; a stop-work hold or a live round
            is always sent.
          </p>
          <PushToggle vapidPublicKey={vapidPublicKey} subscribe={subscribePush} unsubscribe={unsubscribePush} />
          <h3 className="mt-5 font-semibold">Devices with alerts on</h3>
          {devices.length === 0 ? (
            <p className="text-muted">None yet.</p>
          ) : (
            <ul className="divide-y divide-line">
              {devices.map((d) => (
                <li key={d.endpoint} className="flex flex-wrap items-center justify-between gap-2 py-1">
                  <span>
                    {d.label || 'A device'} <span className="text-sm text-muted">since {formatInZone(d.createdAt, 'UTC', { time: false })}</span>
                  </span>
                  <form
                    action={async () => {
                      'use server';
                      await unsubscribePush({ endpoint: d.endpoint });
                    }}
                  >
                    <button type="submit" className="min-h-11 px-2 font-semibold text-brand underline-offset-2 hover:underline">
                      Remove<span className="sr-only"> {d.label || 'this device'}</span>
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {productions.map((p) => {
          const pref = getMyPreferences(user.id, p.id);
          const channels = Object.fromEntries(Object.entries(pref.channels).filter(([k]) => !isCriticalKind(k)));
          return (
            <Card key={p.id} aria-labelledby={`alerts-${p.id}`}>
              <CardTitle id={`alerts-${p.id}`}>Alerts for {p.title}</CardTitle>
              <p className="mb-4 text-muted">In the app you always see everything. Choose what also reaches you by email and push.</p>
              {(RECEIPT_ROLES as readonly string[]).includes(p.role) ? (
                <p className="mb-4 text-sm text-muted">The signed audit receipt always reaches you by email, whatever you choose here: your inbox keeps a copy of the trail outside SetSafe. It waits for your quiet hours.</p>
              ) : null}
              <PreferencesForm productionId={p.id} title={p.title} timeZone={zones.get(p.id) ?? 'UTC'} initial={{ channels, quietFrom: pref.quietFrom, quietTo: pref.quietTo }} save={savePreferences} />
            </Card>
          );
        })}
        <Card aria-labelledby="pw-h">
          <CardTitle id="pw-h">Change password</CardTitle>
          <p className="mb-4 text-muted">Changing it signs you out on every other device and browser.</p>
          <ChangePasswordForm email={user.email} change={changePassword} />
        </Card>
        <TwoFactorCard userId={user.id} />
      </div>
    </main>
  );
}
