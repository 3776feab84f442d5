import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { can } from '@/app/lib/policy';
import { Card, CardTitle, EmptyState, PageHeader } from '@/components/ui/card';
import { SettingsForm } from '@/components/productions/settings-form';
import { TimeZoneList } from '@/components/productions/time-zone-list';
import { setJurisdiction, setTwoFactorRequirement, updateProduction } from './actions';
import { JurisdictionForm } from '@/components/productions/jurisdiction-form';
import { RequireTwoFactorForm } from '@/components/account/require-two-factor-form';
import { addSafetyContact, removeSafetyContact, updateEscalationSettings } from '../signals/actions';
import { escalationSettingsFor, listSafetyContacts } from '@/db/queries/signals';
import { SAFETY_CONTACT_LABELS } from '@/app/lib/rules/acknowledgement';
import { EscalationSettingsForm } from '@/components/signals/escalation-settings-form';
import { SafetyContactForm } from '@/components/signals/safety-contact-form';
import { Button } from '@/components/ui/button';
import { receiptPublicKey } from '@/db/queries/receipts';

export const metadata: Metadata = { title: 'Production settings' };

export default async function SettingsPage({ params }: { params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  if (!can(actor.role, 'production.manage')) forbidden();
  const p = actor.production;
  const wrapped = p.phase === 'wrapped';
  return (
    <>
      <PageHeader title="Production settings" subtitle={wrapped ? 'Wrapped: read-only. Only the site admin can reopen it.' : 'Producers only. Every change is audited.'} />
      <Card aria-labelledby="details-h" className="max-w-2xl">
        <CardTitle id="details-h">Details</CardTitle>
        <SettingsForm
          readOnly={wrapped}
          save={updateProduction.bind(null, p.id)}
          values={{
            title: p.title,
            company: p.company,
            locations: p.locations,
            startDate: p.startDate ?? '',
            endDate: p.endDate ?? '',
            timeZone: p.timeZone,
            phase: p.phase,
          }}
        />
        <TimeZoneList />
      </Card>
      <Card aria-labelledby="jurisdiction-h" className="mt-4 max-w-2xl">
        <CardTitle id="jurisdiction-h">Injury reporting (OSHA)</CardTitle>
        <JurisdictionForm value={p.jurisdiction} readOnly={wrapped} save={setJurisdiction.bind(null, p.id)} />
      </Card>
      <Card aria-labelledby="tf-req-h" className="mt-4 max-w-2xl">
        <CardTitle id="tf-req-h">Two-factor sign-in</CardTitle>
        <RequireTwoFactorForm required={p.requireTwoFactor} who="producers and auditors" readOnly={wrapped} save={setTwoFactorRequirement.bind(null, p.id)} />
      </Card>
      <ReceiptKeyCard />
      {can(actor.role, 'escalation.manage') ? <EscalationCards productionId={p.id} readOnly={wrapped} actor={actor} /> : null}
    </>
  );
}

/**
 * The public half of the key that signs head receipts (ARCHITECTURE.md: audit trail, anchoring), so
 * an auditor can keep it beside the receipts and check them away from this server.
 */
function ReceiptKeyCard() {
  const key = receiptPublicKey();
  return (
    <Card aria-labelledby="receipt-key-h" className="mt-4 max-w-2xl">
      <CardTitle id="receipt-key-h">Audit receipt key</CardTitle>
      <p className="mb-2 text-muted">
        The daily and on-demand audit receipts are signed with this Ed25519 key ({key.keyId}). Auditors keep a copy of this public key to
        check receipts: <code>npm run audit:verify -- --receipt receipt.json --public-key receipts.pub.pem</code>, or on the audit screen.
      </p>
      <pre className="rounded-lg border border-line bg-canvas p-2 text-xs break-all whitespace-pre-wrap" data-testid="settings-receipt-key">
        {key.pem}
      </pre>
    </Card>
  );
}

/** Rule 7: the two windows and the safety contacts, producers only (escalation.manage). */
function EscalationCards({ productionId, readOnly, actor }: { productionId: string; readOnly: boolean; actor: Awaited<ReturnType<typeof requireMember>> }) {
  const contacts = listSafetyContacts(actor);
  return (
    <div className="mt-4 flex max-w-2xl flex-col gap-4">
      <Card aria-labelledby="escalation-h">
        <CardTitle id="escalation-h">Acknowledgement and escalation (rule 7)</CardTitle>
        <p className="mb-4 text-muted">
          A hold, live ammunition, a discharge, a custody breach, a rule-3 pattern or an injury with a legal clock waits for a producer to tap Acknowledge.
        </p>
        <EscalationSettingsForm readOnly={readOnly} values={escalationSettingsFor(productionId)} save={updateEscalationSettings.bind(null, productionId)} />
      </Card>
      <Card aria-labelledby="contacts-h">
        <CardTitle id="contacts-h">Safety contacts ({contacts.length})</CardTitle>
        <p className="mb-4 text-muted">People outside the show (the studio’s safety representative, the safety advisor) who are emailed when a critical signal is still unacknowledged after both windows.</p>
        {contacts.length ? (
          <ul className="mb-4 divide-y divide-line" aria-label="Safety contacts">
            {contacts.map((c) => (
              <li key={c.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="font-semibold break-words">{c.name}</p>
                  <p className="text-sm break-words text-muted">
                    {SAFETY_CONTACT_LABELS[c.kind]}
                    {c.title ? ` · ${c.title}` : ''} · {c.email}
                    {c.phone ? ` · ${c.phone}` : ''}
                  </p>
                </div>
                {readOnly ? null : (
                  <form action={removeSafetyContact.bind(null, productionId, c.id)}>
                    <Button type="submit" variant="secondary" aria-label={`Remove ${c.name}`}>
                      Remove
                    </Button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <div className="mb-4">
            <EmptyState>No safety contacts yet. Without them, an unacknowledged signal reaches only the people on the show.</EmptyState>
          </div>
        )}
        {readOnly ? null : <SafetyContactForm save={addSafetyContact.bind(null, productionId)} />}
      </Card>
    </div>
  );
}
