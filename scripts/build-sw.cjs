// Bundles the service worker (app/sw.ts) to public/sw.js with esbuild. Next 16 builds with
// Turbopack, which @serwist/next's webpack hook does not reach, so the worker is its own small step;
// next.config.js calls it for `next build` and `next dev`, and `node scripts/build-sw.cjs` runs it alone.
const path = require('node:path');

function buildServiceWorker(root = path.resolve(__dirname, '..'), { dev = false } = {}) {
  const { buildSync } = require('esbuild');
  buildSync({
    entryPoints: [path.join(root, 'app', 'sw.ts')],
    outfile: path.join(root, 'public', 'sw.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: !dev,
    sourcemap: false,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
  });
}

module.exports = { buildServiceWorker };
if (require.main === module) buildServiceWorker();
