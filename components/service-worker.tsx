'use client';
import { useEffect } from 'react';

/** Registers the service worker (push display; offline caching) once the page has loaded. */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // A browser that refuses the worker (private mode, old engine) still runs the app in full.
    });
  }, []);
  return null;
}
