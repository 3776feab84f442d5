'use client';
// The Rust case folds its long lists into <details> so a phone reads the summary first; a link
// to something inside a folded list (a failure point, an event, a rule) opens the fold it lands in.
// The case was once one page: a link to an anchor that now lives on another of its pages (an old
// /reference/rust#src-… or #corrections) is sent on to that page, keeping the version read.
import { useEffect } from 'react';
import { pageOfAnchor, rustPageHref } from '@/app/lib/rust/pages';

export function OpenOnHash() {
  useEffect(() => {
    const open = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      const el = id ? document.getElementById(id) : null;
      if (!el) {
        const target = id ? pageOfAnchor(id) : undefined;
        if (target === undefined) return;
        const path = rustPageHref(target);
        if (path !== window.location.pathname) window.location.replace(`${path}${window.location.search}#${encodeURIComponent(id)}`);
        return;
      }
      let fold = el.closest('details');
      let opened = false;
      while (fold) {
        if (!fold.open) {
          fold.open = true;
          opened = true;
        }
        fold = fold.parentElement?.closest('details') ?? null;
      }
      if (opened) el.scrollIntoView();
    };
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, []);
  return null;
}
