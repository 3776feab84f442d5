import '../testing/temp-db';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, deliveries, incidents, productions, pushSubscriptions } from '@/db/schema';
import { askReporterCore, fileAnonymousReport } from '../anonymous/core';
import { publishDropBox } from '../anonymous/drop-box';
import { newReceiptCode, normaliseReceipt, receiptMac } from '../anonymous/receipt';
import { decryptPush, makeDevice, startPushService, type PushService } from '../testing/push-endpoint';
import { startSmtpSink, type SmtpSink } from '../testing/smtp-sink';
import { actorOf, join, makeProduction, makeUser, userActorOf } from '../testing/world';
import { savePreferences, savePushSubscription } from './preferences';
import { SHARED_DEVICE_MESSAGE, saveReceiptPush } from './receipt-push';
import { runWorkerTick } from './worker';

let push: PushService;
let sink: SmtpSink;
let show = '';
let producer = '';
// 14:37 in Denver: neither the hour nor the minute may be kept for an anonymous report.
const NOW = new Date('2026-11-24T21:37:12.345Z');
// The day only: the instant 24 Nov began in Denver (ARCHITECTURE.md: day-only stamps).
const DAY = '2026-11-24T07:00:00.000Z';

beforeAll(async () => {
  push = await startPushService(2526);
  sink = await startSmtpSink(2527);
  process.env.SMTP_URL = 'smtp://127.0.0.1:2527';
  show = makeProduction('Receipt Show').id;
  producer = (await makeUser('prod@receipt.test', 'Pat Producer')).id;
  join(show, producer, 'producer');
  // New reports by email, so the anonymous filing's own email is checked too.
  savePreferences(userActorOf(producer), { productionId: show, channels: { status_changed: { email: true, push: true } }, quietFrom: '', quietTo: '' }, NOW);
});
afterAll(async () => {
  await push.close();
  await sink.close();
});

function fileAnon(description: string) {
  const code = newReceiptCode();
  const token = getDb().select().from(productions).where(eq(productions.id, show)).get()!.reportToken;
  const id = randomUUID();
  const res = fileAnonymousReport(token, { id, type: 'unsafe_condition', description, location: 'Church set', day: 'today', receipt: code, mac: receiptMac(normaliseReceipt(code)!, process.env.NEXTAUTH_SECRET!) }, NOW);
  expect(res.ok).toBe(true);
  // Sealed in the drop box until its day's batch is published (ARCHITECTURE.md: anonymity by order).
  publishDropBox(new Date(NOW.getTime() + 86_400_000), { fraction: 0 });
  return getDb().select().from(incidents).where(eq(incidents.id, id)).get()!;
}

describe('the anonymous reporter', () => {
  it('the producers’ email about an anonymous report keeps the day only and carries no receipt', async () => {
    const incident = fileAnon('Guns left on a cart');
    const rows = getDb().select().from(deliveries).where(and(eq(deliveries.productionId, show), eq(deliveries.channel, 'email'))).all();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.dayOnly).toBe(true);
      expect(r.createdAt.toISOString()).toBe(DAY);
    }
    await runWorkerTick(NOW);
    // (The same tick also wrote the day's digest, which is about no report: only the filing's rows count.)
    for (const r of getDb().select().from(deliveries).where(and(eq(deliveries.productionId, show), eq(deliveries.channel, 'email'), eq(deliveries.kind, 'status_changed'))).all()) {
      expect(r.status).toBe('sent');
      expect(r.sentAt!.toISOString()).toBe(DAY);
    }
    const mail = sink.messages.find((m) => m.subject.includes(`#${incident.number}`))!;
    expect(mail).toBeTruthy();
    expect(mail.text).not.toMatch(/receipt/i);
    expect(mail.text).not.toContain(incident.receiptHash!);
  });

  it('turns push on for one receipt; a question then reaches that device, saying only that a question waits', async () => {
    const incident = fileAnon('Someone waved a pistol at the crew');
    const device = makeDevice(push.url(`/push/${randomUUID()}`));
    expect(saveReceiptPush(incident, { endpoint: device.endpoint, keys: device.keys, label: 'Chrome on Android' }, NOW)).toMatchObject({ ok: true, data: { created: true } });
    const sub = getDb().select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, device.endpoint)).get()!;
    // Kept with the report only: no account, no device label, the day only.
    expect(sub).toMatchObject({ userId: null, receiptIncidentId: incident.id, label: '' });
    expect(sub.createdAt.toISOString()).toBe(DAY);
    const entry = getDb().select().from(auditLog).where(eq(auditLog.action, 'receipt.push_on')).get()!;
    expect(entry.at.toISOString()).toBe(DAY);
    expect(JSON.stringify(entry)).not.toContain(device.endpoint);

    const asked = askReporterCore(actorOf(producer, show), { incidentId: incident.id, body: 'Which pistol, and who held it?' }, new Date(NOW.getTime() + 3_600_000));
    expect(asked.ok).toBe(true);
    await runWorkerTick(new Date(NOW.getTime() + 3_601_000));
    const got = push.requests.filter((r) => r.path === new URL(device.endpoint).pathname);
    expect(got).toHaveLength(1);
    const payload = JSON.parse(decryptPush(device, got[0].body));
    expect(payload).toMatchObject({ title: `A question about your report #${incident.number}`, url: '/report/follow-up' });
    expect(JSON.stringify(payload)).not.toContain('Which pistol');
  });

  it('a browser that already gets a member’s alerts is refused for a receipt, and nothing is stored', async () => {
    const incident = fileAnon('Blank fired toward the camera');
    const device = makeDevice(push.url(`/push/${randomUUID()}`));
    expect(savePushSubscription(userActorOf(producer), { endpoint: device.endpoint, keys: device.keys }, NOW).ok).toBe(true);
    expect(saveReceiptPush(incident, { endpoint: device.endpoint, keys: device.keys }, NOW)).toMatchObject({ ok: false, message: SHARED_DEVICE_MESSAGE });
    expect(getDb().select().from(pushSubscriptions).where(eq(pushSubscriptions.receiptIncidentId, incident.id)).all()).toHaveLength(0);
  });
});
