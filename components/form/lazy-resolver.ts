'use client';

import type { FieldValues, Resolver } from 'react-hook-form';

/**
 * A react-hook-form resolver whose code loads on first use (ARCHITECTURE.md: performance budget; first-load JS). zod and its
 * resolver are about 30 kB compressed and are not needed to show a form, only to check it: the
 * form calls `preload` when it is first touched, long before anything is submitted. The schema is
 * still the one shared with the server action, which checks every submission whatever happens
 * here; so if the code cannot load (the phone went offline before it ever had it), the form lets
 * the values through and the server's field errors come back on the form instead.
 */
export function lazyResolver<T extends FieldValues>(load: () => Promise<Resolver<T>>): { resolver: Resolver<T>; preload: () => void } {
  let loading: Promise<Resolver<T> | null> | null = null;
  const get = () =>
    (loading ??= load().catch(() => {
      loading = null; // try again next time
      return null;
    }));
  const resolver: Resolver<T> = async (values, context, options) => {
    const real = await get();
    return real ? real(values, context, options) : { values, errors: {} };
  };
  return { resolver, preload: () => void get() };
}
