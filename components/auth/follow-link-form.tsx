'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { FormError } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { SecondFactorField, signInMessage, useSecondFactor } from './second-factor';

/** Uses the link (next-auth's 'link' provider); asks for the second factor when the account has one. */
export function FollowLinkForm({ token }: { token: string }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const factor = useSecondFactor();
  const router = useRouter();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setBusy(true);
    const res = await signIn('link', { token, ...factor.otp, redirect: false });
    setBusy(false);
    if (res?.ok && !res.error) {
      router.replace('/');
      router.refresh();
      return;
    }
    const second = factor.answer(res?.error);
    if (second !== undefined) return setError(second ?? undefined);
    setError(signInMessage(res?.error, 'This sign-in link did not work. Ask for a new one.'));
  };
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <FormError message={error} />
      {factor.askCode ? <SecondFactorField code={factor.code} onChange={factor.setCode} /> : null}
      <Button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : factor.askCode ? 'Verify and sign in' : 'Sign in'}
      </Button>
    </form>
  );
}
