// The two ways a message leaves the app. Configured from the environment (README, configuration):
// SMTP_URL and MAIL_FROM for email; VAPID keys (data folder) and VAPID_SUBJECT for Web Push.
import nodemailer, { type Transporter } from 'nodemailer';
import webpush from 'web-push';
import { getVapidKeys } from './vapid';

export type OutgoingEmail = { id: string; to: string; subject: string; text: string };
export type OutgoingPush = { id: string; endpoint: string; p256dh: string; auth: string; payload: string; critical: boolean };

/** A push service's answer: gone means the subscription no longer exists and is removed. */
export class PushGone extends Error {}

let transporter: { url: string; t: Transporter } | null = null;

export const smtpConfigured = () => !!process.env.SMTP_URL;

/** The app's public address, for links in email (a push opens a path on the same origin). */
export function appBaseUrl(): string {
  return (process.env.APP_URL || process.env.NEXTAUTH_URL || 'http://localhost:3000').replace(/\/+$/, '');
}

/**
 * Keeps SMTP connections open between messages (nodemailer's pool) unless SMTP_URL says
 * otherwise: a burst of outbox rows then costs one handshake per connection, not one per
 * message, so a backlog after a restart drains in seconds (ARCHITECTURE.md: messages to people).
 */
function pooled(url: string): string {
  try {
    const u = new URL(url);
    if (!u.searchParams.has('pool')) u.searchParams.set('pool', 'true');
    return u.toString();
  } catch {
    return url; // nodemailer reports a malformed address itself, on the first send
  }
}

export async function sendEmail(m: OutgoingEmail): Promise<void> {
  const url = process.env.SMTP_URL;
  if (!url) throw new Error('SMTP_URL is not set');
  if (transporter?.url !== url) transporter = { url, t: nodemailer.createTransport(pooled(url)) };
  await transporter.t.sendMail({
    from: process.env.MAIL_FROM || 'SetSafe <setsafe@localhost>',
    to: m.to,
    subject: m.subject,
    text: m.text,
    // The outbox row id: a retry after a crash carries the same Message-ID, so it is recognisable.
    messageId: `<${m.id}@setsafe.outbox>`,
    headers: { 'X-SetSafe-Delivery': m.id },
  });
}

export async function sendPush(m: OutgoingPush): Promise<void> {
  const keys = getVapidKeys();
  // web-push encrypts and signs; the request goes out through fetch, so any origin works the same.
  const req = webpush.generateRequestDetails({ endpoint: m.endpoint, keys: { p256dh: m.p256dh, auth: m.auth } }, m.payload, {
    vapidDetails: { subject: process.env.VAPID_SUBJECT || 'mailto:safety-desk@setsafe.invalid', ...keys },
    TTL: 24 * 3600,
    urgency: m.critical ? 'high' : 'normal',
    topic: m.id.replace(/-/g, '').slice(0, 32),
  });
  let res: Response;
  try {
    res = await fetch(req.endpoint, { method: req.method, headers: req.headers as Record<string, string>, body: req.body as Uint8Array<ArrayBuffer> | null, signal: AbortSignal.timeout(10_000) });
  } catch (err) {
    throw new Error(`push service unreachable: ${(err as Error).message}`);
  }
  if (res.status === 404 || res.status === 410) throw new PushGone(`push service: subscription gone (${res.status})`);
  if (res.status < 200 || res.status >= 300) throw new Error(`push service answered ${res.status}`);
}
