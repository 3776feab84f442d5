'use client';

import { useSyncExternalStore } from 'react';
import { THEME_KEY, THEMES, type Theme } from './theme';

const LABEL: Record<Theme, { title: string; hint: string }> = {
  system: { title: 'Follow this device', hint: 'Dark when the phone is set to dark, for night shoots.' },
  light: { title: 'Light', hint: 'Best in bright sunlight.' },
  dark: { title: 'Dark', hint: 'Easy on the eyes on a dark set.' },
};

function read(): Theme {
  try {
    const t = localStorage.getItem(THEME_KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

const listeners = new Set<() => void>();
function subscribe(fn: () => void) {
  listeners.add(fn);
  window.addEventListener('storage', fn);
  return () => {
    listeners.delete(fn);
    window.removeEventListener('storage', fn);
  };
}

function choose(t: Theme) {
  try {
    if (t === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, t);
  } catch {
    // Private browsing without storage: the choice lasts for this page only.
  }
  if (t === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = t;
  listeners.forEach((fn) => fn());
}

/** A device setting, not a record: kept in this browser only, so nothing is stored or audited. */
export function ThemeSwitch() {
  const theme = useSyncExternalStore(subscribe, read, () => 'system' as Theme);
  return (
    <fieldset>
      <legend className="mb-2 font-semibold">Theme on this device</legend>
      <div className="flex flex-col gap-2">
        {THEMES.map((t) => (
          <label key={t} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-line p-3 has-[:checked]:border-brand has-[:checked]:bg-brand-soft">
            <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => choose(t)} className="mt-1 size-5 accent-[var(--color-brand-solid)]" />
            <span>
              <span className="block font-semibold">{LABEL[t].title}</span>
              <span className="block text-sm text-muted">{LABEL[t].hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
