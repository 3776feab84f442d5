// npm start — the production server (run `npm run build` first). The database is created and
// migrated on first start; the auth secret is created in the data folder when none is set.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const port = process.env.PORT || '3000';
const child = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', port], {
  cwd: root,
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
