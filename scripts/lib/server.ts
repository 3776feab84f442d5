// Helpers for scripts that drive a real production server: start/stop `next start` in its own
// process group, and sign in through next-auth's credentials flow to get a session cookie.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export type Server = { proc: ChildProcess; port: number; base: string; output: string[] };

/** `nodeArgs` (e.g. `--cpu-prof`) start Next's script under this Node directly: NODE_OPTIONS refuses them. */
export async function startServer(opts: { port: number; env: Record<string, string>; root?: string; nodeArgs?: string[] }): Promise<Server> {
  const root = opts.root ?? process.cwd();
  const output: string[] = [];
  const args = ['start', '-p', String(opts.port)];
  const [cmd, argv] = opts.nodeArgs?.length
    ? [process.execPath, [...opts.nodeArgs, path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), ...args]]
    : [path.join(root, 'node_modules', '.bin', 'next'), args];
  const proc = spawn(cmd, argv, {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...opts.env },
    detached: true, // its own process group, so a kill reaches next-server too
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.on('data', (d) => output.push(String(d)));
  proc.stderr?.on('data', (d) => output.push(String(d)));
  const base = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 180_000; // a start reads the database into the page cache first (up to 60 s)
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited early:\n${output.join('')}`);
    try {
      const r = await fetch(`${base}/sign-in`);
      if (r.status === 200) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { proc, port: opts.port, base, output };
}

export function killServer(s: Server, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (s.proc.exitCode !== null || s.proc.signalCode !== null) return resolve();
    s.proc.once('exit', () => resolve());
    try {
      process.kill(-s.proc.pid!, signal);
    } catch {
      resolve();
    }
  });
}

function cookiesFrom(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs in with email + password; returns the Cookie header value of the session. */
export async function signInCookie(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  cookiesFrom(csrfRes, jar);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  cookiesFrom(res, jar);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in failed for ${email} (HTTP ${res.status})`);
  return cookieHeader(jar);
}
