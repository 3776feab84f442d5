'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button
      type="button"
      className="flex min-h-11 w-full items-center rounded-lg px-3 text-left font-semibold text-hold hover:bg-hold-soft"
      onClick={() => signOut({ callbackUrl: '/sign-in' })}
    >
      Sign out
    </button>
  );
}
