'use client';

// The second step of every sign-in (password or emailed link): once the first factor was right and
// the account has two-factor sign-in on, next-auth answers TWO_FACTOR_REQUIRED and the form asks for
// the code (ARCHITECTURE.md: invariants, sign-in). One hook and one field, so both ways in ask the same way.
import { useState } from 'react';
import { Input } from '@/components/form/field';
import { TWO_FACTOR_REQUIRED, WRONG_CODE } from '@/app/lib/schemas/two-factor-messages';

export function useSecondFactor() {
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState('');
  return {
    askCode,
    code,
    setCode,
    /** What the next attempt sends besides the first factor. */
    otp: askCode ? { otp: code } : {},
    /**
     * Reads next-auth's answer. `undefined`: it was not about the second factor. Otherwise the form
     * now asks for the code, and the value is the message to show (`null`: none, the first time).
     */
    answer(error: string | undefined | null): string | null | undefined {
      if (error !== TWO_FACTOR_REQUIRED && error !== WRONG_CODE) return undefined;
      const wasAsking = askCode;
      setAskCode(true);
      return error === WRONG_CODE ? WRONG_CODE : wasAsking ? 'Enter the code.' : null;
    },
  };
}

/** next-auth's own error names say nothing to a person: those fall back to `fallback`. */
export function signInMessage(error: string | undefined | null, fallback: string): string {
  return error && error !== 'CredentialsSignin' && !error.startsWith('Error') ? error : fallback;
}

export function SecondFactorField({ code, onChange }: { code: string; onChange: (code: string) => void }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="otp" className="font-semibold">
        Code from your authenticator app
      </label>
      <p id="otp-help" className="text-sm text-muted">
        {TWO_FACTOR_REQUIRED} A recovery code works once.
      </p>
      <Input id="otp" name="otp" autoComplete="one-time-code" inputMode="text" autoFocus aria-describedby="otp-help" value={code} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
