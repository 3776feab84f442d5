'use client';

import { useState } from 'react';
import { forgetOfflineCopies } from '@/components/offline/offline-copies';

/**
 * The exchange next-auth/react's signOut() makes (a CSRF token, then POST /api/auth/signout),
 * without importing next-auth/react: that added ~12 kB of compressed JavaScript to every signed-in
 * page (ARCHITECTURE.md: performance budget). The server side is unchanged: next-auth clears the cookie and its signOut event
 * bumps the session version, ending every session of the user (ARCHITECTURE.md: session version).
 */
async function signOut(callbackUrl: string): Promise<void> {
  // No page of this member may stay on the device for the next person (ARCHITECTURE.md: phones and offline).
  await forgetOfflineCopies();
  const { csrfToken } = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await fetch('/api/auth/signout', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: 'true' }),
  });
  const { url } = (await res.json()) as { url?: string };
  window.location.assign(url ?? callbackUrl);
}

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="flex min-h-11 w-full items-center rounded-lg px-3 text-left font-semibold text-hold hover:bg-hold-soft"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        signOut('/sign-in').catch(() => {
          setBusy(false);
          // A full page load of next-auth's own sign-out page (a route handler, not an app page).
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination
          window.location.assign('/api/auth/signout');
        });
      }}
    >
      Sign out
    </button>
  );
}
