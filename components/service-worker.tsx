'use client';
import { useEffect } from 'react';

/**
 * Registers the service worker (push display; offline caching) once the page has loaded, and marks
 * the document as hydrated. The mark is how an automated browser knows the forms now belong to
 * React: typing before that races react-hook-form writing its default values back into the fields
 * (ARCHITECTURE.md: tests). This component sits last in the root layout, and its effect runs after
 * every form's registration in the same hydration pass.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // A browser that refuses the worker (private mode, old engine) still runs the app in full.
    });
  }, []);
  return null;
}
