// npm run demo — builds if needed, creates and migrates the database, seeds the demo production,
// prints the demo accounts, then starts the app. Safe to run again: nothing is duplicated.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const distDir = process.env.NEXT_DIST_DIR || '.next';
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const bin = (n) => path.join(root, 'node_modules', '.bin', n);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'data' || entry.name === 'e2e') continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(tsx?|css|js|mjs|sql|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

const buildId = path.join(root, distDir, 'BUILD_ID');
const stale = !fs.existsSync(buildId) || ['app', 'components', 'db'].some((d) => newestSource(path.join(root, d)) > fs.statSync(buildId).mtimeMs);
if (stale) {
  console.log('Building SetSafe for production (about a minute the first time)…');
  run(bin('next'), ['build']);
}
run(bin('tsx'), ['scripts/seed-demo.ts']);
const port = process.env.PORT || '3000';
env.APP_URL ??= `http://localhost:${port}`;
// The demo's mail goes to a real development mail server (maildev 2.2.1) unless SMTP_URL points elsewhere.
if (!process.env.SMTP_URL) {
  const { default: MailDev } = await import('maildev');
  const smtp = Number(process.env.MAILDEV_SMTP_PORT || 1025);
  const web = Number(process.env.MAILDEV_WEB_PORT || 1080);
  const maildev = new MailDev({ smtp, web, ip: '127.0.0.1', webIp: '127.0.0.1', silent: true });
  await new Promise((resolve, reject) => maildev.listen((err) => (err ? reject(err) : resolve())));
  env.SMTP_URL = `smtp://127.0.0.1:${smtp}`;
  env.MAIL_FROM ??= 'SetSafe demo <safety-desk@setsafe.demo>';
  console.log(`The demo's email (alerts, invitations, the daily digest) can be read at http://localhost:${web}`);
}
console.log(`Starting SetSafe on http://localhost:${port} — sign in with an account above.`);
const child = spawn(bin('next'), ['start', '-p', port], { cwd: root, env, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
