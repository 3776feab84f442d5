import './testing/temp-db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, memberships, productions } from '@/db/schema';
import { createProductionWithProducer, setProductionPhase, updateProduction } from './productions';
import { findInvite } from './account';
import { actorOf, join, makeProduction, makeUser, userActorOf } from './testing/world';

let adminId = '';
let producerId = '';
let crewId = '';
let show = '';

const fields = { title: 'Dust Road', company: 'Dust Films', locations: 'Stage 1', startDate: '2027-01-04', endDate: '2027-02-26', timeZone: 'America/Denver', phase: 'prep' as const };
const prod = (id: string) => getDb().select().from(productions).where(eq(productions.id, id)).get()!;

beforeAll(async () => {
  adminId = (await makeUser('admin@test.example', 'Ada Admin', { isAdmin: true })).id;
  producerId = (await makeUser('prod@test.example', 'Pim Producer')).id;
  crewId = (await makeUser('crew@test.example', 'Cee Crew')).id;
  show = makeProduction('Settings Show').id;
  join(show, producerId, 'producer');
  join(show, crewId, 'crew');
});

describe('createProductionWithProducer (site admin)', () => {
  it('creates the production and its first producer, with a link for a new person', () => {
    const res = createProductionWithProducer(userActorOf(adminId), { ...fields, timeZone: 'america/denver', producerEmail: 'First@Test.Example', producerName: 'Fay First' });
    if (!res.ok) throw new Error(res.message);
    const p = prod(res.data.productionId);
    expect(p).toMatchObject({ title: 'Dust Road', timeZone: 'America/Denver', phase: 'prep', startDate: '2027-01-04' });
    expect(res.data).toMatchObject({ producerEmail: 'first@test.example', existingAccount: false });
    expect(findInvite(getDb(), res.data.token, new Date())).toMatchObject({ state: 'valid', name: 'Fay First', productionTitle: 'Dust Road' });
    const m = getDb().select().from(memberships).where(eq(memberships.productionId, p.id)).all();
    expect(m.map((x) => x.role)).toEqual(['producer']);
    // The admin is not made a member: they see its records only if someone adds them.
    expect(m.some((x) => x.userId === adminId)).toBe(false);
    const chain = getDb().select().from(auditLog).where(eq(auditLog.chain, p.id)).all().map((a) => a.action);
    expect(chain).toEqual(['production.create', 'member.add', 'invite.create']);
    // The anonymous-report token is a secret: it never reaches the audit log.
    expect(JSON.stringify(getDb().select().from(auditLog).all())).not.toContain(p.reportToken);
  });

  it('is for the site admin only', () => {
    const before = getDb().select().from(productions).all().length;
    expect(createProductionWithProducer(userActorOf(producerId), { ...fields, producerEmail: 'x@test.example', producerName: 'X' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(getDb().select().from(productions).all().length).toBe(before);
  });

  it('validates the time zone with Intl and the dates’ order', () => {
    const res = createProductionWithProducer(userActorOf(adminId), { ...fields, timeZone: 'Mars/Olympus', startDate: '2027-03-01', endDate: '2027-02-01', producerEmail: 'bad', producerName: '' });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(Object.keys(res.fieldErrors ?? {}).sort()).toEqual(['endDate', 'producerEmail', 'producerName', 'timeZone']);
    expect(createProductionWithProducer(userActorOf(adminId), { ...fields, startDate: '2027-02-30', producerEmail: 'a@test.example', producerName: 'A' })).toMatchObject({ ok: false, fieldErrors: { startDate: [expect.any(String)] } });
  });

  it('adds an existing account as producer without a link', () => {
    const res = createProductionWithProducer(userActorOf(adminId), { ...fields, title: 'Second Show', producerEmail: 'prod@test.example', producerName: 'Ignored' });
    expect(res.ok && res.data).toMatchObject({ existingAccount: true, token: null, producerName: 'Pim Producer' });
  });
});

describe('setProductionPhase (site admin)', () => {
  it('moves a production between phases, audited on its chain and the site chain, and can reopen a wrapped one', () => {
    const admin = userActorOf(adminId);
    expect(setProductionPhase(admin, { productionId: show, phase: 'wrapped' })).toMatchObject({ ok: true, data: { changed: true } });
    expect(prod(show).phase).toBe('wrapped');
    expect(updateProduction(actorOf(producerId, show), { ...fields, title: 'Changed' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(prod(show).title).toBe('Settings Show');
    expect(setProductionPhase(admin, { productionId: show, phase: 'shooting' }).ok).toBe(true);
    const entries = getDb().select().from(auditLog).where(and(eq(auditLog.action, 'production.phase'), eq(auditLog.entityId, show))).all();
    expect(entries.map((e) => e.chain).sort()).toEqual([show, show, 'site', 'site'].sort());
  });

  it('refuses non-admins and unknown productions', () => {
    expect(setProductionPhase(userActorOf(producerId), { productionId: show, phase: 'wrapped' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(setProductionPhase(userActorOf(adminId), { productionId: 'nope', phase: 'wrapped' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(setProductionPhase(userActorOf(adminId), { productionId: show, phase: 'done' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(prod(show).phase).toBe('shooting');
  });
});

describe('updateProduction (producer settings)', () => {
  it('lets the producer edit the details, audited with before and after', () => {
    const res = updateProduction(actorOf(producerId, show), { ...fields, title: 'Settings Show', timeZone: 'Europe/London', phase: 'shooting', locations: 'Pier 9' });
    expect(res.ok).toBe(true);
    expect(prod(show)).toMatchObject({ timeZone: 'Europe/London', locations: 'Pier 9' });
    const e = getDb().select().from(auditLog).where(and(eq(auditLog.chain, show), eq(auditLog.action, 'production.update'))).all().at(-1)!;
    expect(JSON.parse(e.before!).timeZone).toBe('America/Denver');
    expect(JSON.parse(e.after!).timeZone).toBe('Europe/London');
    expect(e.after).not.toContain(prod(show).reportToken);
  });

  it('is refused to crew, and for bad input', () => {
    expect(updateProduction(actorOf(crewId, show), { ...fields })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(updateProduction(actorOf(producerId, show), { ...fields, timeZone: 'Nowhere/At_All' })).toMatchObject({ ok: false, fieldErrors: { timeZone: [expect.stringMatching(/Not a known time zone/)] } });
    expect(prod(show).timeZone).toBe('Europe/London');
  });

  it('wrapping is one-way for producers', () => {
    expect(updateProduction(actorOf(producerId, show), { ...fields, title: 'Settings Show', phase: 'wrapped' }).ok).toBe(true);
    expect(updateProduction(actorOf(producerId, show), { ...fields, title: 'Settings Show', phase: 'shooting' })).toMatchObject({ ok: false, message: 'This production is wrapped and read-only.' });
    expect(prod(show).phase).toBe('wrapped');
  });
});
