// The outbox worker (ARCHITECTURE.md: messages to people). One clock drives it: `runWorkerTick(now)` claims
// due rows in an immediate transaction (a lease), sends them outside it, and records the outcome.
// A row whose lease ran out — its worker was killed mid-send — is due again, so nothing is lost;
// a row is only claimed while unleased, so two workers never hold it at once. The periodic jobs
// registered in jobs.ts run once per interval, before sending.
import { and, asc, desc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import { getDb, write, type Tx } from '@/db/client';
import { deliveries, productions, pushSubscriptions, type Delivery } from '@/db/schema';
import { appendAudit } from '../audit';
import { DAY, dayOnly } from '../time';
import { backoffMs, MAX_ATTEMPTS } from './schedule';
import { appBaseUrl, PushGone, sendEmail, sendPush, smtpConfigured, type OutgoingEmail, type OutgoingPush } from './transports';

export type Senders = { email: (m: OutgoingEmail) => Promise<void>; push: (m: OutgoingPush) => Promise<void> };
const realSenders: Senders = { email: sendEmail, push: sendPush };

export const leaseMs = () => Number(process.env.DELIVERY_LEASE_MS) || 60_000;
const BATCH = 25;
/** How many rows are in flight at once (DELIVERY_LANES, default 4): also the most a crash can re-send. */
export const sendLanes = () => Math.max(1, Number(process.env.DELIVERY_LANES) || 4);

export type TickResult = { claimed: number; sent: number; retried: number; failed: number; jobs: number };

type Job = (now: Date) => number | Promise<number>;
const extraJobs = new Set<Job>();
/**
 * Lets another periodic job run on the worker's clock, before the sending step. Every job is
 * registered once, in one place (`schedulePeriodicJobs` in jobs.ts); a second registration of the
 * same job is a no-op.
 */
export function addPeriodicJob(job: Job): void {
  extraJobs.add(job);
}

/** Claims due rows: sets a lease and counts the attempt, in one immediate transaction. */
export function claimDue(now: Date, limit = BATCH, channels: ('email' | 'push')[] = ['email', 'push']): Delivery[] {
  if (channels.length === 0) return [];
  return write((tx) => {
    const rows = tx
      .select()
      .from(deliveries)
      .where(
        and(
          eq(deliveries.status, 'pending'),
          lte(deliveries.dueAt, now),
          inArray(deliveries.channel, channels),
          or(isNull(deliveries.leaseUntil), lte(deliveries.leaseUntil, now)),
        ),
      )
      .orderBy(desc(deliveries.critical), asc(deliveries.dueAt))
      .limit(limit)
      .all();
    const exact = new Date(now.getTime() + leaseMs());
    for (const r of rows) {
      // A day-only row (about an anonymous report) stores no time finer than the day, not even
      // for a moment in the WAL: its lease runs to the next whole UTC day, so a worker killed
      // mid-send retries it then (ARCHITECTURE.md: anonymous reports).
      const until = r.dayOnly ? coarse(exact) : exact;
      tx.update(deliveries).set({ leaseUntil: until, attempts: r.attempts + 1 }).where(eq(deliveries.id, r.id)).run();
      r.attempts += 1;
      r.leaseUntil = until;
    }
    return rows;
  });
}

/** The next whole UTC day at or after `at`: a time that says nothing finer than the day. */
const coarse = (at: Date) => new Date(Math.ceil(at.getTime() / DAY) * DAY);

/** A day-only row's times keep the day only: the instant that day began in the production's zone. */
function stamp(tx: Tx, r: Delivery, now: Date): Date {
  if (!r.dayOnly) return now;
  const tz = r.productionId ? tx.select({ tz: productions.timeZone }).from(productions).where(eq(productions.id, r.productionId)).get()?.tz : undefined;
  return tz ? dayOnly(now, tz) : new Date(Math.floor(now.getTime() / DAY) * DAY);
}

function emailText(r: Delivery): string {
  const open = r.link ? `\n\nOpen it in SetSafe: ${appBaseUrl()}${r.link}` : '';
  const footer = r.critical
    ? '\n\n— SetSafe. Critical safety messages cannot be turned off.'
    : `\n\n— SetSafe. Choose what reaches you by email on your account page: ${appBaseUrl()}/account`;
  // An invitation's one-time link is absolute only at send time, when the public address is known.
  return `${r.text.replaceAll('{{APP_URL}}', appBaseUrl())}${open}${footer}`;
}

async function deliver(r: Delivery, senders: Senders): Promise<void> {
  if (r.channel === 'email') {
    if (!r.toAddress) throw new Error('no address');
    await senders.email({ id: r.id, to: r.toAddress, subject: r.subject, text: emailText(r) });
    return;
  }
  const subs = getDb()
    .select()
    .from(pushSubscriptions)
    .where(r.receiptIncidentId ? eq(pushSubscriptions.receiptIncidentId, r.receiptIncidentId) : eq(pushSubscriptions.userId, r.userId ?? ''))
    .all();
  if (subs.length === 0) throw new Error('no push device is registered');
  const payload = JSON.stringify({ title: r.subject, body: r.text.slice(0, 180), url: r.link ?? '/', tag: r.id, critical: r.critical });
  let delivered = 0;
  const errors: string[] = [];
  for (const s of subs) {
    try {
      await senders.push({ id: r.id, endpoint: s.endpoint, p256dh: s.p256dh, auth: s.auth, payload, critical: r.critical });
      delivered += 1;
    } catch (err) {
      errors.push((err as Error).message);
      if (err instanceof PushGone) removeGoneSubscription(s.id, r.createdAt);
    }
  }
  if (delivered === 0) throw new Error(errors.join('; ').slice(0, 500));
}

function removeGoneSubscription(id: string, at: Date): void {
  write((tx) => {
    const s = tx.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, id)).get();
    if (!s) return;
    tx.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id)).run();
    // A receipt's subscription is not audited: the trail would tie a device to the report.
    if (s.userId) appendAudit(tx, { chain: 'site', actorId: null, actorLabel: 'delivery worker', entity: 'push_subscription', entityId: s.id, action: 'push.expired', before: { userId: s.userId, label: s.label }, at });
  });
}

function record(r: Delivery, now: Date, err: Error | null): 'sent' | 'retried' | 'failed' {
  return write((tx) => {
    const current = tx.select({ leaseUntil: deliveries.leaseUntil, status: deliveries.status }).from(deliveries).where(eq(deliveries.id, r.id)).get();
    if (!current || current.status !== 'pending') return 'sent';
    // An invitation's or sign-in link's one-time token is kept hashed elsewhere; once its email is
    // settled, the outbox keeps no usable copy of it either.
    const scrub =
      r.kind === 'invite'
        ? { text: r.text.replace(/\/invite\/[A-Za-z0-9_-]+/g, '/invite/[one-time link]') }
        : r.kind === 'sign_in_link'
          ? { text: r.text.replace(/\/sign-in\/link\/[A-Za-z0-9_-]+/g, '/sign-in/link/[one-time link]') }
          : {};
    if (!err) {
      tx.update(deliveries).set({ status: 'sent', sentAt: stamp(tx, r, now), leaseUntil: null, lastError: null, ...scrub }).where(eq(deliveries.id, r.id)).run();
      return 'sent';
    }
    const message = err.message.slice(0, 500);
    if (r.attempts >= MAX_ATTEMPTS) {
      tx.update(deliveries).set({ status: 'failed', leaseUntil: null, lastError: message, ...scrub }).where(eq(deliveries.id, r.id)).run();
      return 'failed';
    }
    tx.update(deliveries).set({ leaseUntil: null, lastError: message, dueAt: r.dayOnly ? coarse(new Date(now.getTime() + backoffMs(r.attempts))) : new Date(now.getTime() + backoffMs(r.attempts)) }).where(eq(deliveries.id, r.id)).run();
    return 'retried';
  });
}

/**
 * The periodic jobs of one turn (jobs.ts: the daily digest, escalation, the head receipt, the drop
 * box), in the order registered. They run once per interval, never once per backlog batch.
 */
export async function runPeriodicJobs(now: Date): Promise<number> {
  let written = 0;
  for (const job of extraJobs) written += await job(now);
  return written;
}

/** The sending step alone: claims one batch of due rows and sends it on the lanes. */
export async function sendDue(now: Date, opts: { senders?: Senders; limit?: number } = {}): Promise<Omit<TickResult, 'jobs'>> {
  const senders = opts.senders ?? realSenders;
  const result = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  // Without SMTP_URL email rows wait in the outbox (README: configuration) rather than fail.
  const channels: ('email' | 'push')[] = opts.senders || smtpConfigured() ? ['email', 'push'] : ['push'];
  const rows = claimDue(now, opts.limit ?? BATCH, channels);
  result.claimed = rows.length;
  // A few lanes send side by side over the SMTP pool's connections; each records its row the
  // moment its send returns. Email is at-least-once: a kill between a send and its record re-sends
  // at most one row per lane, with the same Message-ID (ARCHITECTURE.md: messages to people).
  let next = 0;
  const lane = async () => {
    while (next < rows.length) {
      const r = rows[next++];
      let err: Error | null = null;
      try {
        await deliver(r, senders);
      } catch (e) {
        err = e instanceof Error ? e : new Error(String(e));
      }
      result[record(r, now, err)] += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(sendLanes(), rows.length) }, lane));
  return result;
}

/**
 * One turn of the worker's clock: the periodic jobs, then one batch sent. Pure-ish: reads and
 * writes the database and sends, but takes `now` from the caller, so tests drive it with an
 * injected clock.
 */
export async function runWorkerTick(now: Date, opts: { senders?: Senders; limit?: number } = {}): Promise<TickResult> {
  const jobs = await runPeriodicJobs(now);
  return { ...(await sendDue(now, opts)), jobs };
}

let running: { stop: () => void } | null = null;

/** Starts the loop once per process (instrumentation.ts). Each tick finishes before the next. */
export function startDeliveryWorker(intervalMs = Number(process.env.DELIVERY_INTERVAL_MS) || 5_000): { stop: () => void } {
  if (running) return running;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const loop = async () => {
    if (stopped) return;
    try {
      await runPeriodicJobs(new Date());
      // A full batch means more rows are due: the next batch goes at once rather than a tick later,
      // and only the sending step repeats (the periodic jobs wait for the next interval).
      for (;;) {
        const r = await sendDue(new Date());
        if (r.failed) console.warn(`[setsafe] delivery: ${r.failed} message(s) failed for good`);
        if (stopped || r.claimed < BATCH) break;
      }
    } catch (err) {
      console.error('[setsafe] delivery worker tick failed', err);
    }
    if (!stopped) timer = setTimeout(loop, intervalMs);
  };
  timer = setTimeout(loop, 0);
  running = {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      running = null;
    },
  };
  return running;
}
