'use client';

// Two-factor sign-in on the account page: set up with a QR code, confirm with a code, keep the
// recovery codes (shown once), or turn it off with a code where no production requires it.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/app/lib/errors';
import { Field, FormError, FormSuccess, Input, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';

type Status = { enabled: boolean; recoveryCodesLeft: number; requiredBy: string[] };
type Actions = {
  start: () => Promise<ActionResult<{ secret: string; uri: string; qr: string }>>;
  confirm: (raw: { code: string }) => Promise<ActionResult<{ recoveryCodes: string[] }>>;
  turnOff: (raw: { code: string }) => Promise<ActionResult<{ off: true }>>;
};

export function TwoFactorSection({ status, actions }: { status: Status; actions: Actions }) {
  const router = useRouter();
  const [setup, setSetup] = useState<{ secret: string; qr: string }>();
  const [codes, setCodes] = useState<string[]>();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [fieldError, setFieldError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  const run = async <T,>(f: () => Promise<ActionResult<T>>, then: (d: T) => void) => {
    setBusy(true);
    setError(undefined);
    setFieldError(undefined);
    setDone(undefined);
    try {
      const res = await f();
      if (!res.ok) {
        setFieldError(res.fieldErrors?.code?.[0]);
        setError(res.message);
        return;
      }
      then(res.data);
    } finally {
      setBusy(false);
    }
  };

  if (codes) {
    return (
      <div className="flex flex-col gap-3" data-testid="recovery-codes">
        <FormSuccess message="Two-factor sign-in is on. From now on, sign-in asks for a code from your app." />
        <p className="font-semibold">Your recovery codes — shown only now:</p>
        <p className="text-muted">Keep them somewhere safe (printed, or in a password manager). Each one signs you in once if your phone is lost.</p>
        <ul className="grid grid-cols-2 gap-2 font-mono text-base" aria-label="Recovery codes">
          {codes.map((c) => (
            <li key={c} className="rounded border border-line bg-canvas px-2 py-1 text-center">
              {c}
            </li>
          ))}
        </ul>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setCodes(undefined);
            router.refresh();
          }}
        >
          I have kept my recovery codes
        </Button>
      </div>
    );
  }

  if (status.enabled) {
    return (
      <div className="flex flex-col gap-3">
        <p className="font-semibold text-ok">✓ On. Sign-in asks for a code from your authenticator app.</p>
        <p className="text-muted">
          {status.recoveryCodesLeft} recovery code{status.recoveryCodesLeft === 1 ? '' : 's'} left.
          {status.requiredBy.length ? ` Required by ${status.requiredBy.join(', ')}.` : ''}
        </p>
        {status.requiredBy.length === 0 ? (
          <form
            className="flex flex-col gap-3"
            aria-label="Turn off two-factor sign-in"
            onSubmit={(e) => {
              e.preventDefault();
              void run(
                () => actions.turnOff({ code }),
                () => {
                  setCode('');
                  setDone('Two-factor sign-in is off.');
                  router.refresh();
                },
              );
            }}
          >
            <FormError message={error} />
            <Field id="tf-off-code" label="Code from your app (or a recovery code)" error={fieldError}>
              <Input autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} {...describedBy('tf-off-code', fieldError)} />
            </Field>
            <Button type="submit" variant="secondary" disabled={busy}>
              Turn off two-factor sign-in
            </Button>
          </form>
        ) : null}
        <FormSuccess message={done} />
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      {status.requiredBy.length ? (
        <p role="alert" className="rounded-lg border-2 border-hold bg-hold-soft p-3 font-semibold text-hold">
          Required by {status.requiredBy.join(', ')}: set it up to keep working there.
        </p>
      ) : null}
      <FormSuccess message={done} />
      {!setup ? (
        <>
          <p className="text-muted">Off. With it on, signing in also takes a 6-digit code from an authenticator app on your phone.</p>
          <FormError message={error} />
          <Button type="button" disabled={busy} onClick={() => void run(actions.start, (d) => setSetup({ secret: d.secret, qr: d.qr }))}>
            Set up two-factor sign-in
          </Button>
        </>
      ) : (
        <form
          className="flex flex-col gap-3"
          aria-label="Confirm two-factor sign-in"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () => actions.confirm({ code }),
              (d) => {
                setCode('');
                setSetup(undefined);
                setCodes(d.recoveryCodes);
              },
            );
          }}
        >
          <p>1. Scan this code with your authenticator app (or type the key below).</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server; nothing to optimise */}
          <img src={setup.qr} alt="QR code for your authenticator app" width={200} height={200} className="rounded border border-line bg-white p-1" />
          <p className="text-sm">
            Key: <span className="font-mono break-all" data-testid="totp-secret">{setup.secret}</span>
          </p>
          <FormError message={error} />
          <Field id="tf-code" label="2. Enter the 6 digits your app shows" error={fieldError}>
            <Input autoComplete="one-time-code" inputMode="numeric" value={code} onChange={(e) => setCode(e.target.value)} {...describedBy('tf-code', fieldError)} />
          </Field>
          <Button type="submit" disabled={busy}>
            Turn on two-factor sign-in
          </Button>
        </form>
      )}
    </div>
  );
}
