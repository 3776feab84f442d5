'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { FormError, Input } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { TWO_FACTOR_REQUIRED, WRONG_CODE } from '@/app/lib/schemas/two-factor-messages';

/** Uses the link (next-auth's 'link' provider); asks for the second factor when the account has one. */
export function FollowLinkForm({ token }: { token: string }) {
  const [error, setError] = useState<string>();
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const router = useRouter();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setBusy(true);
    const res = await signIn('link', { token, ...(askCode ? { otp: code } : {}), redirect: false });
    setBusy(false);
    if (res?.ok && !res.error) {
      router.replace('/');
      router.refresh();
      return;
    }
    if (res?.error === TWO_FACTOR_REQUIRED || res?.error === WRONG_CODE) {
      if (askCode || res.error === WRONG_CODE) setError(res.error === WRONG_CODE ? WRONG_CODE : 'Enter the code.');
      setAskCode(true);
      return;
    }
    setError(res?.error && !res.error.startsWith('Error') && res.error !== 'CredentialsSignin' ? res.error : 'This sign-in link did not work. Ask for a new one.');
  };
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <FormError message={error} />
      {askCode ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="otp" className="font-semibold">
            Code from your authenticator app
          </label>
          <p id="otp-help" className="text-sm text-muted">
            {TWO_FACTOR_REQUIRED} A recovery code works once.
          </p>
          <Input id="otp" name="otp" autoComplete="one-time-code" autoFocus aria-describedby="otp-help" value={code} onChange={(e) => setCode(e.target.value)} />
        </div>
      ) : null}
      <Button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : askCode ? 'Verify and sign in' : 'Sign in'}
      </Button>
    </form>
  );
}
