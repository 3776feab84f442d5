// For unit tests: a fresh data folder (database, chain heads, auth secret) per test file.
// Import this module FIRST in a test file (or call it from vi.hoisted) so DATABASE_PATH is set
// before any module reads it. Vitest runs each file in its own process (pool: forks).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function makeTempDatabase(): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-unit-'));
  const file = path.join(dir, 'setsafe.db');
  process.env.DATABASE_PATH = file;
  process.env.NEXTAUTH_SECRET = 'unit-test-secret-not-for-production';
  return { dir, file };
}

export const tempDb = makeTempDatabase();
