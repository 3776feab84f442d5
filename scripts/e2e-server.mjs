// Playwright's webServer: a fresh database for every run (demo production plus a second
// production for cross-production tests), then the production server.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dbPath = path.resolve(root, process.env.DATABASE_PATH || 'data/e2e/setsafe.db');
fs.rmSync(path.dirname(dbPath), { recursive: true, force: true });
// SETSAFE_TEST_CLOCK: rule 7's clock is driven by the tests (POST /api/test/clock), not a timer.
const env = { ...process.env, DATABASE_PATH: dbPath, NEXT_TELEMETRY_DISABLED: '1', SETSAFE_TEST_CLOCK: '1' };
const seed = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/e2e-seed.ts'], { cwd: root, env, stdio: 'inherit' });
if (seed.status !== 0) process.exit(seed.status ?? 1);
const port = process.env.PORT || '3100';
// exec-like: the server is this process's child in the same group; Playwright kills the group.
// Idle connections are kept ten minutes, not Node's five seconds: a test's request context that
// sat idle about five seconds could send on a socket the server was closing that instant
// (ECONNRESET), a race of timing, not of the app.
const child = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', port, '--keepAliveTimeout', '600000'], { cwd: root, env, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
