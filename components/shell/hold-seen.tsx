'use client';

import { useEffect } from 'react';
import { HOLD_SEEN_COOKIE } from './hold-seen-cookie';

/** Remembers on this device that the full banner of this hold was shown once; later pages show it compact. */
export function MarkHoldSeen({ holdId }: { holdId: string }) {
  useEffect(() => {
    document.cookie = `${HOLD_SEEN_COOKIE}=${encodeURIComponent(holdId)}; path=/; max-age=${60 * 60 * 24 * 30}; samesite=lax`;
  }, [holdId]);
  return null;
}
