'use client';

import { useEffect, useState } from 'react';
import type { ActionResult } from '@/app/lib/errors';
import { FormError, FormSuccess } from '@/components/form/field';
import { Button } from '@/components/ui/button';

type Sub = { endpoint: string; keys: { p256dh: string; auth: string }; label?: string };
type State = 'checking' | 'unsupported' | 'denied' | 'off' | 'on';

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const pad = '='.repeat((4 - (base64url.length % 4)) % 4);
  const raw = atob((base64url + pad).replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i += 1) out[i] = raw.charCodeAt(i);
  return out;
}

function deviceLabel(): string {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : 'Browser';
  const os = /iPhone|iPad/.test(ua) ? 'iPhone/iPad' : /Android/.test(ua) ? 'Android' : /Mac OS X/.test(ua) ? 'Mac' : /Windows/.test(ua) ? 'Windows' : /Linux/.test(ua) ? 'Linux' : 'device';
  return `${browser} on ${os}`;
}

/**
 * Turns Web Push on or off for this browser. `subscribe` stores the subscription with whatever owns
 * it on the server (a member's account, or an anonymous receipt).
 */
export function PushToggle({
  vapidPublicKey,
  subscribe,
  unsubscribe,
  onLabel = 'Alerts are on for this device.',
  turnOnLabel = 'Turn on alerts on this device',
}: {
  vapidPublicKey: string | (() => Promise<string>);
  subscribe: (s: Sub) => Promise<ActionResult<unknown>>;
  unsubscribe: (s: { endpoint: string }) => Promise<ActionResult<unknown>>;
  onLabel?: string;
  turnOnLabel?: string;
}) {
  const [state, setState] = useState<State>('checking');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  useEffect(() => {
    (async () => {
      if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return setState('unsupported');
      if (Notification.permission === 'denied') return setState('denied');
      const reg = await navigator.serviceWorker.getRegistration('/');
      const sub = await reg?.pushManager.getSubscription();
      setState(sub ? 'on' : 'off');
    })().catch(() => setState('unsupported'));
  }, []);

  async function turnOn() {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        setState(permission === 'denied' ? 'denied' : 'off');
        return;
      }
      const reg = (await navigator.serviceWorker.getRegistration('/')) ?? (await navigator.serviceWorker.register('/sw.js', { scope: '/' }));
      await navigator.serviceWorker.ready;
      const sub = (await reg.pushManager.getSubscription()) ?? (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(typeof vapidPublicKey === 'string' ? vapidPublicKey : await vapidPublicKey()) }));
      const json = sub.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } };
      const res = await subscribe({ endpoint: json.endpoint, keys: json.keys, label: deviceLabel() });
      if (!res.ok) {
        await sub.unsubscribe();
        setError(res.message);
        return;
      }
      setState('on');
      setDone('Alerts are on. This device will show them even when SetSafe is closed.');
    } catch (err) {
      setError(`This browser could not turn alerts on (${(err as Error).message}).`);
    } finally {
      setBusy(false);
    }
  }

  async function turnOff() {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const reg = await navigator.serviceWorker.getRegistration('/');
      const sub = await reg?.pushManager.getSubscription();
      if (sub) {
        await unsubscribe({ endpoint: sub.endpoint });
        await sub.unsubscribe();
      }
      setState('off');
      setDone('Alerts are off for this device.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-3" aria-live="polite">
      <FormError message={error} />
      <FormSuccess message={done} />
      {state === 'checking' ? <p className="text-muted">Checking this device…</p> : null}
      {state === 'unsupported' ? <p className="text-muted">This browser cannot show alerts. On an iPhone, add SetSafe to the Home Screen first, then open it from there.</p> : null}
      {state === 'denied' ? <p className="text-muted">Alerts are blocked for this site in the browser’s settings. Allow notifications there, then come back.</p> : null}
      {state === 'off' ? (
        <Button type="button" onClick={turnOn} disabled={busy} className="self-start">
          {busy ? 'Turning on…' : turnOnLabel}
        </Button>
      ) : null}
      {state === 'on' ? (
        <>
          <p className="font-semibold">{onLabel}</p>
          <Button type="button" variant="secondary" onClick={turnOff} disabled={busy} className="self-start">
            {busy ? 'Turning off…' : 'Turn off alerts on this device'}
          </Button>
        </>
      ) : null}
    </div>
  );
}
