'use client';
// A tab row that scrolls sideways opens at its start, so on a phone a later tab (the Rust case's
// sources, corrections) would be current but off-screen. This brings it into the row's view,
// centred where the row allows, moving the row only: never the page.
import { useEffect, useRef } from 'react';

export function RevealCurrentTab({ current }: { current: string }) {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const row = marker.current?.previousElementSibling;
    const tab = row?.querySelector('[aria-current="page"]');
    if (!row || !tab) return;
    const r = row.getBoundingClientRect();
    const t = tab.getBoundingClientRect();
    row.scrollLeft += t.left - r.left - (r.width - t.width) / 2;
  }, [current]);
  return <span ref={marker} hidden />;
}
