import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // server-only throws outside React Server Components; unit tests call server code directly.
      'server-only': path.resolve(import.meta.dirname, 'scripts/empty-module.js'),
    },
  },
  test: {
    include: ['app/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'components/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
  },
});
