import type { Metadata } from 'next';
import { requireMember } from '@/app/lib/auth';
import { LABELS } from '@/app/lib/enums';
import { allowed } from '@/app/lib/policy';
import { listInviteExpiries, listMembers } from '@/db/queries/members';
import { Card, CardTitle, EmptyState, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { LinkButton } from '@/components/ui/button';
import { InviteForm } from '@/components/members/invite-form';
import { MemberEditor } from '@/components/members/member-editor';
import { formatInZone } from '@/app/lib/time';
import { changeMember, inviteMember, reissueInvite, removeMember } from './actions';

export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage({ params }: { params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  const p = actor.production;
  const members = listMembers(actor);
  // Wrapped productions are read-only (ARCHITECTURE.md: wrapped is read-only): the server refuses too, this only hides the forms.
  const manage = allowed(actor, 'members.manage');
  const expiries = manage ? listInviteExpiries(actor) : new Map<string, Date>();
  const actions = {
    change: changeMember.bind(null, p.id),
    remove: removeMember.bind(null, p.id),
    reissue: reissueInvite.bind(null, p.id),
  };

  return (
    <>
      <PageHeader
        title="Members"
        subtitle={`${members.length} ${members.length === 1 ? 'person' : 'people'} on ${p.title}`}
        actions={
          manage ? (
            <LinkButton href="#add-member" className="lg:hidden">
              Add a member
            </LinkButton>
          ) : null
        }
      />
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <Card aria-labelledby="list-h">
          <CardTitle id="list-h">Who is on the show</CardTitle>
          {members.length === 0 ? (
            <EmptyState>No members yet.</EmptyState>
          ) : (
            <ul className="divide-y divide-line" aria-labelledby="list-h">
              {members.map((m) => {
                const expires = expiries.get(m.userId);
                return (
                  <li key={m.membershipId} className="py-3" data-testid="member">
                    <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
                      <div className="min-w-0">
                        <p className="font-semibold break-words">
                          {m.name}
                          {m.userId === actor.userId ? <span className="font-normal text-muted"> (you)</span> : null}
                        </p>
                        {m.email ? <p className="text-sm break-all text-muted">{m.email}</p> : null}
                      </div>
                      <div className="flex flex-wrap items-center gap-2">
                        <Badge tone={m.role === 'producer' ? 'info' : m.role === 'armorer' ? 'warn' : 'neutral'}>{LABELS.role[m.role]}</Badge>
                        {manage && !m.active ? <Badge tone="neutral">◌ Invited, no password yet</Badge> : null}
                      </div>
                    </div>
                    <p className="mt-1 text-muted">
                      <span className="sr-only">Positions: </span>
                      {m.positions.length ? m.positions.map((x) => LABELS.position[x]).join(', ') : 'No positions'}
                    </p>
                    {manage && !m.active ? (
                      <p className="text-sm text-muted">
                        {expires ? `Their link works until ${formatInZone(expires, p.timeZone)}.` : 'Their link has expired: make a new one.'}
                      </p>
                    ) : null}
                    {manage ? (
                      <details className="mt-2 group">
                        <summary className="inline-flex min-h-11 cursor-pointer list-none items-center rounded-lg px-2 font-semibold text-brand hover:bg-brand-soft">
                          <span aria-hidden="true" className="mr-1 inline-block transition-transform group-open:rotate-90">▸</span>
                          Role, positions and access<span className="sr-only"> of {m.name}</span>
                        </summary>
                        <MemberEditor
                          member={{
                            membershipId: m.membershipId,
                            name: m.name,
                            role: m.role,
                            positions: m.positions,
                            pending: !m.active,
                            isSelf: m.userId === actor.userId,
                          }}
                          actions={actions}
                        />
                      </details>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
        {manage ? (
          <Card aria-labelledby="invite-h" id="add-member" className="scroll-mt-4">
            <CardTitle id="invite-h">Add a member</CardTitle>
            <p className="mb-4 text-muted">
              New people get a one-time link to set their own password — also the quick way to add a day player. Someone who
              already has a SetSafe account is added at once.
            </p>
            <InviteForm invite={inviteMember.bind(null, p.id)} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
