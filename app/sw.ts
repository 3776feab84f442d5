/// <reference lib="webworker" />
// The service worker, bundled to public/sw.js by scripts/build-sw.mjs (run from next.config.js
// whenever Next builds or starts in development, so `next build` alone produces it). Serwist owns
// the fetch side (caching is added here); push display lives in its own module.
import { Serwist, type PrecacheEntry, type SerwistGlobalConfig } from 'serwist';
import { registerPushHandlers } from './sw/push';

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST ?? [],
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [],
});

registerPushHandlers(self);
serwist.addEventListeners();
