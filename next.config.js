// @ts-check
const { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } = require('next/constants');
const isDev = process.env.NODE_ENV !== 'production';

// Next's hydration scripts are inline, hence 'unsafe-inline' for scripts; nothing loads from
// another origin, frames are refused and no plugin or base-uri tricks are allowed.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "manifest-src 'self'",
  "worker-src 'self'",
].join('; ');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Separate build folders let several checkouts or test runs build side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // authInterrupts: pages answer a real 403 (forbidden()) when a member's role may not open them.
  experimental: { serverActions: { bodySizeLimit: '12mb' }, authInterrupts: true },
  // `next start` prints no per-request lines. `next dev` prints each request's URL (the report link's
  // token) and each server action's arguments (receipt codes, report text) unless the request is
  // ignored here: anonymous reports stay out of the terminal there too (DESIGN: anonymous reports).
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
        source: '/:path((?!_next/static/).*)',
        headers: [
          { key: 'Content-Security-Policy', value: csp },
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
