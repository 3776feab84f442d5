// @ts-check
const { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } = require('next/constants');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Separate build folders let several checkouts or test runs build side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // authInterrupts: pages answer a real 403 (forbidden()) when a member's role may not open them.
  experimental: { serverActions: { bodySizeLimit: '12mb' }, authInterrupts: true },
  // `next start` prints no per-request lines. `next dev` prints each request's URL (the report link's
  // token) and each server action's arguments (receipt codes, report text) unless the request is
  // ignored here: anonymous reports stay out of the terminal there too (ARCHITECTURE.md: anonymous reports).
  logging: { incomingRequests: { ignore: [/^\/report\//, /^\/api\/report\//] } },
  async headers() {
    return [
      {
        // The service worker must never be served stale, or a fix to it waits a day to arrive.
        source: '/sw.js',
        headers: [{ key: 'Cache-Control', value: 'no-cache, no-store, must-revalidate' }],
      },
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
        ],
      },
      {
        // The policies that govern a document, on everything but the build's hashed scripts and
        // styles: on those they do nothing, and on a weak signal every byte of a first load counts.
        // The Content-Security-Policy is set per request by proxy.ts: it carries the script nonce.
        source: '/:path((?!_next/static/).*)',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(self), geolocation=(), microphone=()' },
        ],
      },
    ];
  },
};

// The service worker is bundled beside the app whenever Next builds it (see scripts/build-sw.cjs).
module.exports = (/** @type {string} */ phase) => {
  if (phase === PHASE_PRODUCTION_BUILD || phase === PHASE_DEVELOPMENT_SERVER) {
    require('./scripts/build-sw.cjs').buildServiceWorker(__dirname, { dev: phase === PHASE_DEVELOPMENT_SERVER });
  }
  return nextConfig;
};
