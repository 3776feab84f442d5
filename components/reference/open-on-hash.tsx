'use client';
// The Rust case page folds its long lists into <details> so a phone reads the summary first; a link
// to something inside a folded list (a failure point, a source, a rule) opens the fold it lands in.
import { useEffect } from 'react';

export function OpenOnHash() {
  useEffect(() => {
    const open = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      const el = id ? document.getElementById(id) : null;
      if (!el) return;
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
