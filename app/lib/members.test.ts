import './testing/temp-db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, inviteTokens, memberships, productions, users } from '@/db/schema';
import { changeMember, inviteMember, reissueInvite, removeMember } from './members';
import { findInvite } from './account';
import { actorOf, join, makeProduction, makeUser, membershipIdOf, userRow } from './testing/world';

let show = '';
let elsewhere = '';
let producer = '';
let crew = '';
let otherProducer = '';

const auditCount = (chain: string) => getDb().select().from(auditLog).where(eq(auditLog.chain, chain)).all().length;
const membershipsOf = (productionId: string) => getDb().select().from(memberships).where(eq(memberships.productionId, productionId)).all();

beforeAll(async () => {
  show = makeProduction('Members Show').id;
  elsewhere = makeProduction('Elsewhere').id;
  producer = (await makeUser('p@test.example', 'Pia Producer')).id;
  crew = (await makeUser('c@test.example', 'Cy Crew')).id;
  otherProducer = (await makeUser('op@test.example', 'Oz Other')).id;
  join(show, producer, 'producer');
  join(show, crew, 'crew', ['camera']);
  join(elsewhere, otherProducer, 'producer');
});

describe('inviteMember', () => {
  it('creates a new person without a password, with a one-time link, audited in one transaction', () => {
    const before = auditCount(show);
    const now = new Date('2026-11-02T15:00:00Z');
    const res = inviteMember(actorOf(producer, show), { email: '  New.Person@Test.Example ', name: ' Nell New ', role: 'crew', positions: ['actor', 'actor', 'first_ad'] }, now);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data).toMatchObject({ email: 'new.person@test.example', name: 'Nell New', existingAccount: false });
    expect(res.data.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.data.expiresAt).toBe(now.getTime() + 7 * 86_400_000);
    expect(userRow(res.data.userId).passwordHash).toBeNull();
    const m = getDb().select().from(memberships).where(eq(memberships.id, res.data.membershipId)).get()!;
    expect(m).toMatchObject({ productionId: show, role: 'crew', positions: ['actor', 'first_ad'] });
    // Only the hash of the token is stored.
    const tok = getDb().select().from(inviteTokens).where(eq(inviteTokens.userId, res.data.userId)).get()!;
    expect(tok.tokenHash).not.toContain(res.data.token!);
    expect(findInvite(getDb(), res.data.token, now)).toMatchObject({ state: 'valid', productionTitle: 'Members Show' });
    expect(auditCount(show) - before).toBe(2); // member.add + invite.create (the user itself is on the site chain)
  });

  it('adds an existing account at once, keeping its name and password, without a link', () => {
    const res = inviteMember(actorOf(otherProducer, elsewhere), { email: 'c@test.example', name: 'Renamed', role: 'armorer', positions: [] });
    expect(res.ok && res.data).toMatchObject({ existingAccount: true, token: null, name: 'Cy Crew' });
    expect(userRow(crew).name).toBe('Cy Crew');
    expect(userRow(crew).passwordHash).not.toBeNull();
  });

  it('refuses someone already on the show, with the message on the email field', () => {
    const res = inviteMember(actorOf(producer, show), { email: 'c@test.example', name: 'Cy', role: 'crew', positions: [] });
    expect(res).toMatchObject({ ok: false, code: 'conflict', message: 'Cy Crew is already a member of this production.' });
    expect(!res.ok && res.fieldErrors?.email?.[0]).toMatch(/Already a member/);
  });

  it('refuses bad input field by field, changing nothing', () => {
    const before = membershipsOf(show).length;
    const res = inviteMember(actorOf(producer, show), { email: 'not-an-email', name: '', role: 'boss', positions: ['pilot'] });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(Object.keys(res.fieldErrors ?? {}).sort()).toEqual(['email', 'name', 'positions.0', 'role']);
    expect(membershipsOf(show).length).toBe(before);
  });

  it('is refused to every role but producer', () => {
    const res = inviteMember(actorOf(crew, show), { email: 'x@test.example', name: 'X', role: 'producer', positions: [] });
    expect(res).toMatchObject({ ok: false, code: 'forbidden' });
    expect(getDb().select().from(users).where(eq(users.email, 'x@test.example')).get()).toBeUndefined();
  });
});

describe('changeMember', () => {
  it('changes role and positions and audits before and after', () => {
    const id = membershipIdOf(crew, show);
    const res = changeMember(actorOf(producer, show), { membershipId: id, role: 'armorer', positions: ['props'] });
    expect(res.ok).toBe(true);
    // Roles are read on every request: the next actor built for them is an armorer.
    expect(actorOf(crew, show)).toMatchObject({ role: 'armorer', positions: ['props'] });
    const entry = getDb().select().from(auditLog).where(and(eq(auditLog.chain, show), eq(auditLog.action, 'member.change'))).all().at(-1)!;
    expect(JSON.parse(entry.before!)).toMatchObject({ role: 'crew', positions: ['camera'] });
    expect(JSON.parse(entry.after!)).toMatchObject({ role: 'armorer', positions: ['props'] });
  });

  it('answers not-found for a membership of another production', () => {
    const res = changeMember(actorOf(producer, show), { membershipId: membershipIdOf(otherProducer, elsewhere), role: 'crew', positions: [] });
    expect(res).toMatchObject({ ok: false, code: 'not_found' });
    expect(actorOf(otherProducer, elsewhere).role).toBe('producer');
  });

  it('refuses to demote the last producer, themselves included', () => {
    const res = changeMember(actorOf(producer, show), { membershipId: membershipIdOf(producer, show), role: 'crew', positions: [] });
    expect(res).toMatchObject({ ok: false, code: 'conflict' });
    expect(!res.ok && res.message).toMatch(/only producer/);
    expect(actorOf(producer, show).role).toBe('producer');
  });

  it('lets a producer step down once there is another producer', async () => {
    const second = (await makeUser('p2@test.example', 'Paz Second')).id;
    join(show, second, 'producer');
    expect(changeMember(actorOf(producer, show), { membershipId: membershipIdOf(producer, show), role: 'crew', positions: ['actor'] }).ok).toBe(true);
    // Now Paz is the last producer: Pia (crew now) cannot do anything about it, Paz cannot demote himself.
    expect(changeMember(actorOf(producer, show), { membershipId: membershipIdOf(second, show), role: 'crew', positions: [] })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(changeMember(actorOf(second, show), { membershipId: membershipIdOf(second, show), role: 'crew', positions: [] })).toMatchObject({ ok: false, code: 'conflict' });
    expect(changeMember(actorOf(second, show), { membershipId: membershipIdOf(producer, show), role: 'producer', positions: [] }).ok).toBe(true);
  });
});

describe('removeMember', () => {
  it('removes, ends the person’s sessions, retires their unused link and audits', () => {
    const inv = inviteMember(actorOf(producer, show), { email: 'gone@test.example', name: 'Gus Gone', role: 'crew', positions: [] });
    if (!inv.ok) throw new Error(inv.message);
    const sv = userRow(inv.data.userId).sessionVersion;
    const res = removeMember(actorOf(producer, show), { membershipId: inv.data.membershipId });
    expect(res.ok).toBe(true);
    expect(getDb().select().from(memberships).where(eq(memberships.id, inv.data.membershipId)).get()).toBeUndefined();
    expect(userRow(inv.data.userId).sessionVersion).toBe(sv + 1);
    expect(findInvite(getDb(), inv.data.token, new Date()).state).toBe('expired');
    const entry = getDb().select().from(auditLog).where(and(eq(auditLog.chain, show), eq(auditLog.action, 'member.remove'))).all().at(-1)!;
    expect(entry.entityId).toBe(inv.data.membershipId);
  });

  it('refuses to remove the last producer', () => {
    const res = removeMember(actorOf(otherProducer, elsewhere), { membershipId: membershipIdOf(otherProducer, elsewhere) });
    expect(res).toMatchObject({ ok: false, code: 'conflict' });
    expect(!res.ok && res.message).toMatch(/cannot remove yourself/);
    expect(actorOf(otherProducer, elsewhere).role).toBe('producer');
  });

  it('answers not-found across productions', () => {
    expect(removeMember(actorOf(otherProducer, elsewhere), { membershipId: membershipIdOf(crew, show) })).toMatchObject({ ok: false, code: 'not_found' });
    expect(actorOf(crew, show)).toBeTruthy();
  });
});

describe('reissueInvite', () => {
  it('makes a new link and retires the old one', () => {
    const inv = inviteMember(actorOf(producer, show), { email: 'late@test.example', name: 'Lee Late', role: 'crew', positions: [] });
    if (!inv.ok) throw new Error(inv.message);
    const again = reissueInvite(actorOf(producer, show), { membershipId: inv.data.membershipId });
    if (!again.ok) throw new Error(again.message);
    expect(again.data.token).not.toBe(inv.data.token);
    expect(findInvite(getDb(), inv.data.token, new Date()).state).toBe('expired');
    expect(findInvite(getDb(), again.data.token, new Date()).state).toBe('valid');
  });

  it('never resets the password of an account that is already in use', () => {
    const before = getDb().select().from(inviteTokens).all().length;
    const res = reissueInvite(actorOf(producer, show), { membershipId: membershipIdOf(crew, show) });
    expect(res).toMatchObject({ ok: false, code: 'conflict' });
    expect(getDb().select().from(inviteTokens).all().length).toBe(before);
  });
});

describe('a wrapped production', () => {
  it('refuses every member change, even to its producer', async () => {
    const wrapped = makeProduction('Wrapped Show', 'wrapped').id;
    const p = (await makeUser('wp@test.example', 'Wyn Wrapped')).id;
    join(wrapped, p, 'producer');
    const actor = actorOf(p, wrapped);
    const before = auditCount(wrapped);
    expect(inviteMember(actor, { email: 'n@test.example', name: 'N', role: 'crew', positions: [] })).toMatchObject({ ok: false, code: 'forbidden', message: 'This production is wrapped and read-only.' });
    expect(changeMember(actor, { membershipId: membershipIdOf(p, wrapped), role: 'producer', positions: ['actor'] })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(removeMember(actor, { membershipId: membershipIdOf(p, wrapped) })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(auditCount(wrapped)).toBe(before);
    expect(getDb().select().from(productions).where(eq(productions.id, wrapped)).get()!.phase).toBe('wrapped');
  });

});
