/// <reference lib="webworker" />
// The service worker, bundled to public/sw.js by scripts/build-sw.mjs (run from next.config.js
// whenever Next builds or starts in development, so `next build` alone produces it). Serwist owns
// installing and claiming pages; opening offline (network-first pages with kept copies) and push
// display live in their own modules, whose fetch handler answers before serwist's (which has no routes).
import { Serwist, type PrecacheEntry, type SerwistGlobalConfig } from 'serwist';
import { registerPushHandlers } from './sw/push';
import { registerOfflineHandlers } from './sw/offline';

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
registerOfflineHandlers(self);
serwist.addEventListeners();
