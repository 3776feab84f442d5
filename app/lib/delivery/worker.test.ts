import '../testing/temp-db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, write } from '@/db/client';
import { deliveries, notificationPreferences } from '@/db/schema';
import { callHoldCore, liftHoldCore } from '../incidents/holds';
import { startSmtpSink, type SmtpSink } from '../testing/smtp-sink';
import { actorOf, join, makeProduction, makeUser } from '../testing/world';
import { inviteMember } from '../members';
import { enqueueEmail, enqueueForMember } from './outbox';
import { backoffMs, MAX_ATTEMPTS } from './schedule';
import { addPeriodicJob, claimDue, leaseMs, runWorkerTick, startDeliveryWorker } from './worker';

let sink: SmtpSink;
let show = '';
let producer = '';
let producer2 = '';
let crew = '';
// 02:00 in Denver: before the digest hour, so only the messages under test are sent.
const T0 = new Date('2026-12-01T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const rowsOf = (kind: string) => getDb().select().from(deliveries).where(eq(deliveries.kind, kind)).all();

beforeAll(async () => {
  sink = await startSmtpSink(2521);
  process.env.SMTP_URL = 'smtp://127.0.0.1:2521';
  process.env.MAIL_FROM = 'SetSafe test <desk@test.example>';
  show = makeProduction('Outbox Show').id;
  producer = (await makeUser('prod@outbox.test', 'Pat Producer')).id;
  producer2 = (await makeUser('prod2@outbox.test', 'Quinn Producer')).id;
  crew = (await makeUser('crew@outbox.test', 'Cam Crew')).id;
  join(show, producer, 'producer');
  join(show, producer2, 'producer');
  join(show, crew, 'crew');
});
afterAll(() => sink.close());

describe('the outbox', () => {
  it('writes email rows in the transaction of the change and sends each once, Message-ID = row id', async () => {
    const res = callHoldCore(actorOf(crew, show), { reason: 'Live round found on the cart' }, T0);
    expect(res.ok).toBe(true);
    const rows = rowsOf('hold_called');
    // Every member but the caller has an email row for the critical hold (critical cannot be muted).
    expect(rows.map((r) => r.toAddress).sort()).toEqual(['prod2@outbox.test', 'prod@outbox.test']);
    expect(rows.every((r) => r.status === 'pending' && r.critical && r.notificationId)).toBe(true);

    const tick = await runWorkerTick(at(1_000));
    expect(tick.sent).toBeGreaterThanOrEqual(2);
    for (const r of rowsOf('hold_called')) {
      expect(r.status).toBe('sent');
      expect(r.sentAt?.toISOString()).toBe(at(1_000).toISOString());
      const got = sink.messages.filter((m) => m.deliveryId === r.id);
      expect(got).toHaveLength(1);
      expect(got[0].messageId).toBe(`<${r.id}@setsafe.outbox>`);
      expect(got[0].to).toEqual([r.toAddress]);
      expect(got[0].subject).toBe('Stop-work hold called by Cam Crew');
      expect(got[0].text).toContain(`/productions/${show}/hold`);
    }
    // A second tick finds nothing due and sends nothing again.
    const before = sink.messages.length;
    expect((await runWorkerTick(at(2_000))).claimed).toBe(0);
    expect(sink.messages.length).toBe(before);
  });

  it('retries with exponential backoff and records the last error', async () => {
    const id = write((tx) => enqueueEmail(tx, { productionId: show, toAddress: 'contact@outbox.test', subject: 'Retry me', text: 'x', kind: 'retry_test', critical: true, now: T0 }));
    sink.rejectNext(2);
    await runWorkerTick(at(0));
    let row = getDb().select().from(deliveries).where(eq(deliveries.id, id)).get()!;
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toMatch(/450/);
    expect(row.dueAt.getTime()).toBe(at(backoffMs(1)).getTime());
    // Not due yet: nothing happens before the backoff ends.
    await runWorkerTick(at(backoffMs(1) - 1));
    expect(getDb().select().from(deliveries).where(eq(deliveries.id, id)).get()!.attempts).toBe(1);
    await runWorkerTick(at(backoffMs(1)));
    row = getDb().select().from(deliveries).where(eq(deliveries.id, id)).get()!;
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row.dueAt.getTime()).toBe(at(backoffMs(1) + backoffMs(2)).getTime());
    await runWorkerTick(row.dueAt);
    row = getDb().select().from(deliveries).where(eq(deliveries.id, id)).get()!;
    expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(sink.messages.filter((m) => m.deliveryId === id)).toHaveLength(1);
  });

  it('marks a row failed after the last attempt', async () => {
    const id = write((tx) => enqueueEmail(tx, { productionId: show, toAddress: 'gone@outbox.test', subject: 'Fail me', text: 'x', kind: 'fail_test', critical: false, now: T0 }));
    const failing = { email: async () => { throw new Error('550 no such mailbox'); }, push: async () => {} };
    let now = T0;
    for (let i = 0; i < MAX_ATTEMPTS; i += 1) {
      await runWorkerTick(now, { senders: failing });
      now = getDb().select().from(deliveries).where(eq(deliveries.id, id)).get()!.dueAt;
    }
    const row = getDb().select().from(deliveries).where(eq(deliveries.id, id)).get()!;
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: '550 no such mailbox' });
    await runWorkerTick(at(10 * 3_600_000), { senders: failing });
    expect(getDb().select().from(deliveries).where(eq(deliveries.id, id)).get()).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
  });

  it('a row claimed by a worker that died is sent once after its lease runs out, never while leased', async () => {
    const id = write((tx) => enqueueEmail(tx, { productionId: show, toAddress: 'lease@outbox.test', subject: 'Leased', text: 'x', kind: 'lease_test', critical: true, now: T0 }));
    // A worker claims it and is killed before sending (nothing recorded).
    expect(claimDue(at(0)).map((r) => r.id)).toContain(id);
    // Another worker (or the restarted one) does not take it while the lease holds.
    await runWorkerTick(at(leaseMs() - 1));
    expect(sink.messages.filter((m) => m.deliveryId === id)).toHaveLength(0);
    await runWorkerTick(at(leaseMs()));
    expect(sink.messages.filter((m) => m.deliveryId === id)).toHaveLength(1);
    expect(getDb().select().from(deliveries).where(eq(deliveries.id, id)).get()).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('preferences and quiet hours', () => {
  it('quiet hours delay what is not critical; critical messages go at once', async () => {
    write((tx) =>
      tx.insert(notificationPreferences).values({ userId: producer2, productionId: show, channels: { hold_lifted: { email: true, push: false } }, quietFrom: '22:00', quietTo: '07:00', updatedAt: T0 }).run(),
    );
    const hold = getDb().query.holds.findFirst({ where: (h, { eq: e }) => e(h.productionId, show) })!;
    const lift = liftHoldCore(actorOf(producer, show), { holdId: (await hold)!.id, resolution: 'Round removed, cart searched, briefing held.' }, at(60_000));
    expect(lift.ok).toBe(true);
    const lifted = rowsOf('hold_lifted').find((r) => r.userId === producer2)!;
    // 02:01 in Denver is inside 22:00-07:00: due at 07:00 Denver = 14:00Z.
    expect(lifted.dueAt.toISOString()).toBe('2026-12-01T14:00:00.000Z');
    const called = callHoldCore(actorOf(crew, show), { reason: 'Second live round found' }, at(120_000));
    expect(called.ok).toBe(true);
    const critical = rowsOf('hold_called').filter((r) => r.userId === producer2).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    expect(critical.dueAt.toISOString()).toBe(at(120_000).toISOString());
  });

  it('a kind turned off writes no row; a critical kind is written whatever was stored', () => {
    write((tx) =>
      tx.update(notificationPreferences).set({ channels: { comment: { email: false, push: false }, hold_called: { email: false, push: false } } }).where(eq(notificationPreferences.userId, producer2)).run(),
    );
    const muted = write((tx) => enqueueForMember(tx, show, producer2, { kind: 'comment', subject: 'A comment', text: '' }, at(200_000)));
    expect(muted).toEqual([]);
    const critical = write((tx) => enqueueForMember(tx, show, producer2, { kind: 'hold_called', subject: 'Hold', text: '' }, at(200_000)));
    expect(critical).toEqual(['email']); // push needs a registered device
  });
});

describe('invitations', () => {
  it('are emailed with the one-time link, which the outbox does not keep once sent', async () => {
    process.env.APP_URL = 'https://setsafe.example';
    const res = inviteMember(actorOf(producer, show), { email: 'new.armorer@outbox.test', name: 'Nia New', role: 'armorer', positions: [] }, T0);
    expect(res.ok).toBe(true);
    const token = res.ok ? res.data.token : null;
    expect(token).toBeTruthy();
    await runWorkerTick(at(5_000));
    const mail = sink.messages.find((m) => m.to.includes('new.armorer@outbox.test'))!;
    expect(mail.subject).toBe('You are invited to Outbox Show on SetSafe');
    expect(mail.text).toContain(`https://setsafe.example/invite/${token}`);
    const row = rowsOf('invite')[0];
    expect(row.status).toBe('sent');
    expect(row.text).not.toContain(token!);
  });
});

describe('the running worker', () => {
  it('drains a backlog batch after batch, and runs the periodic jobs once per turn, not once per batch', async () => {
    const n = 80; // more than three full batches
    write((tx) => {
      for (let i = 0; i < n; i++) enqueueEmail(tx, { productionId: show, toAddress: `backlog${i}@outbox.test`, subject: `Backlog ${i}`, text: 'x', kind: 'backlog', critical: false, now: T0 });
    });
    let runs = 0;
    addPeriodicJob(() => ++runs);
    // The interval is far longer than the test: every batch after the first is the backlog loop's.
    const worker = startDeliveryWorker(3_600_000);
    try {
      await vi.waitFor(() => expect(rowsOf('backlog').filter((r) => r.status !== 'sent')).toHaveLength(0), { timeout: 30_000, interval: 50 });
      expect(runs).toBe(1);
      expect(sink.messages.filter((m) => m.subject.startsWith('Backlog '))).toHaveLength(n);
    } finally {
      worker.stop();
    }
  });
});
