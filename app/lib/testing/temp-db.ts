// For unit tests: a fresh data folder (database, chain heads, auth secret) per test file.
// Import this module FIRST in a test file so DATABASE_PATH is set before any module reads it
// (auth-options reads the data folder when it is imported). Vitest runs each file in its own process.
import path from 'node:path';
import { createTempDatabase } from '@/db/test-utils';

const dir = createTempDatabase();
process.env.NEXTAUTH_SECRET = 'unit-test-secret-not-for-production';

export const tempDb = { dir, file: path.join(dir, 'test.db') };
