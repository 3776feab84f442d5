import '../testing/temp-db';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, deliveries, pushSubscriptions } from '@/db/schema';
import { callHoldCore } from '../incidents/holds';
import { fileIncidentCore } from '../incidents/core';
import { decryptPush, makeDevice, startPushService, type PushService } from '../testing/push-endpoint';
import { startSmtpSink, type SmtpSink } from '../testing/smtp-sink';
import { actorOf, join, makeProduction, makeUser, userActorOf } from '../testing/world';
import { removePushSubscription, savePreferences, savePushSubscription } from './preferences';
import { runWorkerTick } from './worker';

let push: PushService;
let sink: SmtpSink;
let show = '';
let producer = '';
let crew = '';
const deviceOf = new Map<string, ReturnType<typeof makeDevice>>();
const T0 = new Date('2026-12-01T09:00:00Z');
const SECRET_NAME = 'Jordan Privatename';
const SECRET_ADDRESS = '12 Hidden Lane';

beforeAll(async () => {
  push = await startPushService(2523);
  sink = await startSmtpSink(2524);
  process.env.SMTP_URL = 'smtp://127.0.0.1:2524';
  show = makeProduction('Push Show').id;
  producer = (await makeUser('prod@push.test', 'Pat Producer')).id;
  crew = (await makeUser('crew@push.test', 'Cam Crew')).id;
  join(show, producer, 'producer');
  join(show, crew, 'crew');
});
afterAll(async () => {
  await push.close();
  await sink.close();
});

describe('Web Push', () => {
  it('a registered device receives an encrypted payload it can decrypt: title and the record path, nothing else', async () => {
    const device = makeDevice(push.url(`/push/${randomUUID()}`));
    deviceOf.set(device.endpoint, device);
    const res = savePushSubscription(userActorOf(producer), { endpoint: device.endpoint, keys: device.keys, label: 'Chromium on Linux' }, T0);
    expect(res).toMatchObject({ ok: true, data: { created: true } });
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, 'push.subscribe')).all()).toHaveLength(1);

    expect(callHoldCore(actorOf(crew, show), { reason: 'Live round in the prop box' }, T0).ok).toBe(true);
    const row = getDb().select().from(deliveries).where(eq(deliveries.channel, 'push')).get()!;
    expect(row).toMatchObject({ userId: producer, kind: 'hold_called', critical: true, status: 'pending' });

    await runWorkerTick(new Date(T0.getTime() + 1_000));
    const got = push.requests.filter((r) => r.path === new URL(device.endpoint).pathname);
    expect(got).toHaveLength(1);
    expect(got[0].headers['content-encoding']).toBe('aes128gcm');
    expect(got[0].headers.authorization).toMatch(/^vapid t=/);
    expect(got[0].headers.urgency).toBe('high');
    const payload = JSON.parse(decryptPush(device, got[0].body));
    expect(payload).toEqual({ title: 'Stop-work hold called by Cam Crew', body: 'Live round in the prop box', url: `/productions/${show}/hold`, tag: row.id, critical: true });
    expect(getDb().select().from(deliveries).where(eq(deliveries.id, row.id)).get()!.status).toBe('sent');
  });

  it('an injury report reaches producers by email and push without any personal Form 301 field', async () => {
    const before = push.requests.length;
    const mailsBefore = sink.messages.length;
    const device = getDb().select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, producer)).get()!;
    // New reports come by email only when chosen: this producer chose it.
    expect(savePreferences(userActorOf(producer), { productionId: show, channels: { status_changed: { email: true, push: true } }, quietFrom: '', quietTo: '' }, T0).ok).toBe(true);
    const res = fileIncidentCore(actorOf(crew, show), {
      id: randomUUID(),
      type: 'injury',
      description: 'Grip cut a hand on a stand',
      location: 'Stage 4',
      severity: 'critical',
      injury: { employeeName: SECRET_NAME, employeeAddress: SECRET_ADDRESS, physicianName: 'Dr Secretdoctor', injuryDescription: 'Cut to the hand' },
    }, new Date(T0.getTime() + 60_000));
    expect(res.ok).toBe(true);
    await runWorkerTick(new Date(T0.getTime() + 61_000));
    const pushes = push.requests.slice(before).filter((r) => r.path === new URL(device.endpoint).pathname);
    const mails = sink.messages.slice(mailsBefore);
    expect(pushes.length).toBeGreaterThan(0);
    expect(mails.length).toBeGreaterThan(0);
    const dev = deviceOf.get(device.endpoint)!;
    for (const p of pushes) {
      const text = decryptPush(dev, p.body);
      for (const secret of [SECRET_NAME, SECRET_ADDRESS, 'Secretdoctor']) expect(text).not.toContain(secret);
    }
    for (const m of mails) {
      for (const secret of [SECRET_NAME, SECRET_ADDRESS, 'Secretdoctor']) {
        expect(m.text).not.toContain(secret);
        expect(m.subject).not.toContain(secret);
      }
    }
  });

  it('a device the push service says is gone is removed; a member removes their own device', async () => {
    const device = makeDevice(push.url(`/push/${randomUUID()}`));
    savePushSubscription(userActorOf(crew), { endpoint: device.endpoint, keys: device.keys }, T0);
    expect(removePushSubscription(userActorOf(producer), { endpoint: device.endpoint })).toMatchObject({ ok: false, code: 'not_found' });
    expect(removePushSubscription(userActorOf(crew), { endpoint: device.endpoint })).toMatchObject({ ok: true });
    expect(getDb().select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, device.endpoint)).all()).toHaveLength(0);
  });
});

describe('preferences', () => {
  it('refuses muting a critical kind and changes nothing', () => {
    const res = savePreferences(userActorOf(producer), { productionId: show, channels: { hold_called: { email: false, push: true } }, quietFrom: '', quietTo: '' }, T0);
    expect(res).toMatchObject({ ok: false, code: 'invalid' });
    expect(res.ok ? [] : res.fieldErrors?.channels).toEqual(['Critical safety messages cannot be turned off.']);
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, 'preferences.save')).all()).toHaveLength(1);
  });

  it('saves a member’s choices with an audit entry; another production answers not found', async () => {
    expect(savePreferences(userActorOf(producer), { productionId: show, channels: { comment: { email: false, push: true } }, quietFrom: '22:00', quietTo: '06:30' }, T0)).toMatchObject({ ok: true });
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, 'preferences.save')).all()).toHaveLength(2);
    const other = makeProduction('Not Mine').id;
    expect(savePreferences(userActorOf(producer), { productionId: other, channels: {}, quietFrom: '', quietTo: '' }, T0)).toMatchObject({ ok: false, code: 'not_found' });
    expect(savePreferences(userActorOf(producer), { productionId: show, channels: {}, quietFrom: '22:00', quietTo: '' }, T0)).toMatchObject({ ok: false, code: 'invalid' });
  });
});
