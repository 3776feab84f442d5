// npm run bench — the performance benchmark (ARCHITECTURE.md: performance budget). Every figure is printed beside a floor
// measured in the same run on the same machine, because these machines are noisy.
//
//   npm run bench                   full scale: 100k incidents, 1M checks, 200k hand-offs, 2M audit entries
//   npm run bench -- --smoke        tiny data, seconds (part of npm test so the script cannot rot)
//   flags: --no-build  --duration <s>  --port <n>  --gen-only
//          --only <parts>  comma-separated: filing, open, dashboard, js, export, growth (default: all), and
//                          lighthouse: Lighthouse alone, at any scale (the full run has it inside js)
//          --pages <names> with --only lighthouse: which of js's pages, by slug (sign-in, incident-form,
//                          anonymous-report, dashboard, rust-case); --paths /a,/b adds public paths;
//                          --runs <n> repeats each (the load average is printed beside every run)
//          --lighthouse-runs <n>  the full run's Lighthouse passes over its pages (default 3; the median counts)
//          --scale <f>     full scale times f (e.g. 0.25), when a full generation does not fit the time
//          --keep <folder> keep the generated data there; a later run with it skips generation
//          --cpu-prof <dir> run the server under V8's CPU profiler; the profile is written there when it stops
//
// Data lives in a fresh folder under data/ (git-ignored) and is removed at the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import autocannon from 'autocannon';
import { chromium } from '@playwright/test';
import { stringify } from 'csv-stringify/sync';
import { killServer, signInCookie, startServer, type Server } from './lib/server';
import { generateAudit, generateProduction, type Scale } from './lib/bench-data';
import { CONNECTION_PRAGMAS } from '../db/client';
import { CHUNK_ROWS } from '../app/lib/export-format';

const has = (f: string) => process.argv.includes(`--${f}`);
const num = (f: string, d: number) => {
  const i = process.argv.indexOf(`--${f}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const SMOKE = has('smoke');
const DURATION = num('duration', SMOKE ? 2 : 10);
const PORT = num('port', 3320);
const CONNECTIONS = 50;
const ONLY = (() => {
  const i = process.argv.indexOf('--only');
  return i > 0 ? new Set(process.argv[i + 1].split(',')) : null;
})();
const part = (name: 'filing' | 'open' | 'dashboard' | 'js' | 'export' | 'growth') => !ONLY || ONLY.has(name);
const list = (f: string) => {
  const i = process.argv.indexOf(`--${f}`);
  return i > 0 ? process.argv[i + 1].split(',').filter(Boolean) : null;
};
/** `--only lighthouse`: Lighthouse on chosen pages, at any scale; the full run keeps it inside js. */
const LIGHTHOUSE_ONLY = !!ONLY?.has('lighthouse');
const slugOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
/** Open-loop arrival rates (requests per second, whole server), stepped up until p99 passes the bound. */
const RATES = SMOKE ? [10, 40] : [10, 25, 50, 75, 100, 150, 200, 300, 400];
const LATENCY_BOUND_MS = 50;
const FACTOR = num('scale', 1);
const SCALE: Scale = SMOKE
  ? { incidents: 2_000, checks: 10_000, handoffs: 2_000, firearms: 20, days: 730, audit: 30_000 }
  : (() => {
      const full = { incidents: 100_000, checks: 1_000_000, handoffs: 200_000, firearms: 200, days: 730, audit: 2_000_000 };
      const f = (n: number) => Math.round(n * FACTOR);
      return { ...full, incidents: f(full.incidents), checks: f(full.checks), handoffs: f(full.handoffs), audit: f(full.audit) };
    })();
const PASSWORD = 'setsafe-demo-2026';
// Under the checkout (data/ is git-ignored): same disk as a real install, and never another run's folder.
const DATA_ROOT = path.resolve('data');

type Row = { measure: string; value: number; unit: string; floor?: string; ratio?: number; target?: string; met?: boolean };

function rawInsertFloor(seconds: number): { opsPerSec: number; p99ms: number } {
  // Raw better-sqlite3, the app's pragmas (WAL, synchronous=FULL, …), one incident row per transaction.
  const dir = fs.mkdtempSync(path.join(DATA_ROOT, 'bench-floor-'));
  const db = new Database(path.join(dir, 'floor.db'));
  for (const p of CONNECTION_PRAGMAS) db.pragma(p);
  for (const f of fs.readdirSync('db/migrations').filter((f) => f.endsWith('.sql')).sort()) {
    for (const stmt of fs.readFileSync(path.join('db/migrations', f), 'utf8').split('--> statement-breakpoint')) if (stmt.trim()) db.exec(stmt);
  }
  db.prepare("insert into productions (id, title, company, time_zone, phase, report_token, created_at) values ('p', 'Floor', 'Floor', 'UTC', 'shooting', 't', 0)").run();
  const ins = db.prepare(
    `insert into incidents (id, production_id, number, anonymous, type, severity, status, reported_at, location, scene, description, immediate_actions, people_involved, updated_at)
     values (?, 'p', ?, 0, 'unsafe_condition', 'unrated', 'reported', ?, 'Stage 2', '', 'bench floor', '', '', ?)`,
  );
  const one = db.transaction((n: number) => ins.run(randomUUID(), n, Date.now(), Date.now()));
  one.immediate(0);
  const lat: number[] = [];
  const end = Date.now() + seconds * 1000;
  let n = 1;
  while (Date.now() < end) {
    const t = process.hrtime.bigint();
    one.immediate(n++);
    lat.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  lat.sort((a, b) => a - b);
  return { opsPerSec: lat.length / seconds, p99ms: lat[Math.floor(lat.length * 0.99)] };
}

async function load(opts: autocannon.Options) {
  const r = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts });
  // autocannon reports p50, p90, p97.5 and p99; p95 is interpolated between p90 and p97.5.
  const l = r.latency as unknown as Record<string, number>;
  const p95 = l.p90 + ((l.p97_5 - l.p90) * (95 - 90)) / (97.5 - 90);
  // errors = timeouts (autocannon gives up after 10 s) and socket errors; non2xx = answers other than 2xx.
  return { rps: r.requests.average, p50: r.latency.p50, p95, p99: r.latency.p99, max: r.latency.max, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts, total: r.requests.total, statusCodes: r.statusCodeStats };
}

type OpenRequest = { url: string; method: 'GET' | 'POST'; headers?: Record<string, string>; body?: () => string };

/**
 * One step of the open loop: `rate` requests per second, each sent at its own scheduled instant
 * (evenly spaced) whatever the answers' pace, its latency counted from that instant — so a request
 * the client sent late because the machine was busy, or that waited behind others in the server,
 * counts its wait. Answers are awaited in parallel (fetch keeps as many connections open as needed).
 *
 * Not autocannon's `overallRate`: it gives each connection a quota per second that is reset by
 * timers all started together, so the whole second's requests leave in one burst at each tick
 * (10 req/s over 10 connections = 10 simultaneous requests once a second, the last waiting behind
 * nine); and its coordinated-omission correction records a response of d ms with an expected
 * interval of ceil(1 / rate) = 1 ms, i.e. as d samples (d, d−1, … 1), so one slow answer outweighs
 * hundreds of fast ones. Both made a sustainable rate of 10 req/s look unreachable.
 */
async function openLoopStep(req: OpenRequest, rate: number, count: number) {
  const interval = 1000 / rate;
  const lat: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let lastDone = 0;
  const inflight: Promise<void>[] = [];
  const t0 = performance.now() + 20;
  for (let i = 0; i < count; i++) {
    const due = t0 + i * interval;
    const wait = due - performance.now();
    if (wait > 0.5) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      fetch(req.url, { method: req.method, headers: req.headers, body: req.body?.(), signal: AbortSignal.timeout(10_000) }).then(
        async (res) => {
          await res.arrayBuffer();
          lastDone = performance.now();
          if (res.status >= 200 && res.status < 300) lat.push(lastDone - due);
          else non2xx++;
        },
        () => void errors++,
      ),
    );
  }
  await Promise.all(inflight);
  lat.sort((x, y) => x - y);
  const at = (p: number) => (lat.length ? +lat[Math.min(lat.length - 1, Math.ceil(lat.length * p) - 1)].toFixed(1) : Infinity);
  return { achieved: +((lat.length * 1000) / Math.max(1, lastDone - t0)).toFixed(1), p50: at(0.5), p99: at(0.99), max: at(1), non2xx, errors };
}

/**
 * Open loop: steps the arrival rate up and stops one step after p99 passes the bound; the highest
 * rate whose p99 stayed under it (with every answer a 2xx and the rate achieved) is the sustainable
 * rate. Each step sends at least 200 requests, so its p99 is not just its slowest answer. A warm-up
 * (untimed) first: a service is judged warm, not on its first requests after a start.
 */
async function openLoop(req: OpenRequest, seconds: number) {
  await openLoopStep(req, RATES[0], SMOKE ? 10 : 50);
  const curve: { rate: number; achieved: number; p50: number; p99: number; max: number; non2xx: number; errors: number }[] = [];
  let sustainable = 0;
  for (const rate of RATES) {
    const point = { rate, ...(await openLoopStep(req, rate, Math.max(SMOKE ? 20 : 200, Math.round(rate * seconds)))) };
    curve.push(point);
    const ok = point.p99 < LATENCY_BOUND_MS && point.non2xx === 0 && point.errors === 0 && point.achieved >= rate * 0.9;
    if (ok) sustainable = rate;
    else break;
  }
  return { sustainable, curve };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
/**
 * One turn of the event loop, for its I/O poll: after a long synchronous read in this process,
 * a keep-alive socket the server closed meanwhile is seen closed before the next request picks it.
 */
const settle = () => new Promise<void>((resolve) => setTimeout(() => setImmediate(resolve), 0)); // timers, then the poll, then this

/**
 * The dashboard with its figures really computed. The page keeps each figure per data version
 * (db/queries/dashboard-memo.ts), so repeating the same GET measures a cache hit. Here one report is
 * filed (not timed) before every timed GET: the production's audit chain moves, every figure is
 * recomputed, as it is for the first producer to look after any change.
 */
async function coldDashboard(base: string, productionId: string, producer: string, filer: string, seconds: number) {
  const lat: number[] = [];
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end || lat.length < 10) {
    const f = await fetch(`${base}/api/productions/${productionId}/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: filer },
      body: JSON.stringify({ id: randomUUID(), type: 'unsafe_condition', description: 'Bench: change before a dashboard view', location: 'Stage 2' }),
    });
    if (f.status !== 201) throw new Error(`filing before the dashboard answered ${f.status}`);
    const t = performance.now();
    const r = await fetch(`${base}/productions/${productionId}/dashboard`, { headers: { cookie: producer } });
    await r.text(); // the whole streamed page, every card resolved
    if (r.status !== 200) throw new Error(`dashboard answered ${r.status}`);
    lat.push(performance.now() - t);
  }
  lat.sort((a, b) => a - b);
  return { n: lat.length, p50: pct(lat, 0.5), p95: pct(lat, 0.95) };
}

async function firstLoadJs(base: string, cookie: string, urlPath: string): Promise<{ bytes: number; scripts: number }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const context = await browser.newContext();
  if (cookie) await context.addCookies(
    cookie.split('; ').map((c) => {
      const i = c.indexOf('=');
      return { name: c.slice(0, i), value: c.slice(i + 1), url: base };
    }),
  );
  const page = await context.newPage();
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (req) => {
    // The compressed script as sent (the body), as Next's own "First Load JS" counts it. Response
    // headers (about 440 bytes a script here) are transport, not JavaScript: counted until
    // 2 December 2026, they priced each extra chunk like 0.4 kB of code.
    if (req.resourceType() === 'script') sizes.push(req.sizes().then((s) => s.responseBodySize));
  });
  await page.goto(`${base}${urlPath}`, { waitUntil: 'networkidle' });
  const all = await Promise.all(sizes);
  await browser.close();
  return { bytes: all.reduce((a, b) => a + b, 0), scripts: all.length };
}

/**
 * Lighthouse (pinned 12.2.3) with its default mobile settings — a mid-range phone, simulated slow
 * 4G and a 4× slower CPU — on /usr/bin/chromium driven over the DevTools port. Signed-in pages get
 * the session cookie as a request header. Returns the performance score (0–100) and total blocking time.
 */
type LighthouseFigures = { score: number; tbt: number; busy: number; longest: string };

/** Share of the last `ms` the machine's CPUs were busy (from /proc/stat; 0 where it cannot be read). */
async function cpuBusy(ms: number): Promise<number> {
  const read = () => {
    try {
      const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      return { idle: f[3] + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) };
    } catch {
      return null;
    }
  };
  const a = read();
  await new Promise((r) => setTimeout(r, ms));
  const b = read();
  if (!a || !b || b.total === a.total) return 0;
  return 1 - (b.idle - a.idle) / (b.total - a.total);
}

/**
 * Lighthouse times the page's tasks on this machine and multiplies them by its CPU slow-down, so
 * anything else running (the server still draining a part's outbox, a checkpoint, another
 * process) lands in total blocking time fourfold. Each pass waits, up to a minute, for a second in
 * which the machine is at most 15 % busy, and reports how busy it was.
 */
async function waitForQuiet(): Promise<number> {
  let busy = 1;
  for (const until = Date.now() + 60_000; Date.now() < until; ) if ((busy = await cpuBusy(1000)) <= 0.15) break;
  return busy;
}

async function lighthouseRun(base: string, cookie: string, urlPath: string): Promise<LighthouseFigures> {
  const { default: lighthouse } = (await import('lighthouse')) as typeof import('lighthouse');
  const port = 9300 + Math.floor(Math.random() * 500);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', `--remote-debugging-port=${port}`],
  });
  try {
    const busy = await waitForQuiet();
    const result = await lighthouse(`${base}${urlPath}`, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${urlPath}`);
    const lhr = result.lhr;
    // What shows why: the page's three longest main-thread tasks (as Lighthouse simulates them)
    // and what each ran, so a missed TBT names its script rather than only its sum.
    type LongTask = { url?: string; duration?: number };
    const tasks = ((lhr.audits['long-tasks']?.details as { items?: LongTask[] } | undefined)?.items ?? [])
      .slice()
      .sort((x, y) => (y.duration ?? 0) - (x.duration ?? 0))
      .slice(0, 3)
      .map((t) => `${String(t.url ?? '?').replace(base, '').replace(/^.*\/_next\/static\/chunks\//, 'chunk ')} ${Math.round(t.duration ?? 0)}`);
    return {
      score: Math.round((lhr.categories.performance.score ?? 0) * 100),
      tbt: lhr.audits['total-blocking-time'].numericValue ?? 0,
      busy,
      longest: tasks.join(', '),
    };
  } finally {
    await browser.close();
  }
}

/** Resident memory of the server's whole process group (next start and its workers), in bytes. */
function groupRss(pgid: number): number {
  const ps = spawnSync('ps', ['-o', 'rss=', '-g', String(pgid)], { encoding: 'utf8' });
  return ps.stdout.split('\n').reduce((a, l) => a + (Number(l.trim()) || 0), 0) * 1024;
}

/** Downloads one export, counting bytes, while sampling the server's memory; peak growth over the start. */
async function exportRun(base: string, cookie: string, url: string, pgid: number) {
  const before = groupRss(pgid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, groupRss(pgid))), 100);
  const t = performance.now();
  const res = await fetch(`${base}${url}`, { headers: { cookie } });
  if (res.status !== 200 || !res.body) throw new Error(`export ${url} answered ${res.status}`);
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  const ms = performance.now() - t;
  clearInterval(timer);
  peak = Math.max(peak, groupRss(pgid));
  return { ms, bytes, growth: peak - before };
}

/**
 * The floor: the same checks read by a raw SELECT and written as CSV, in this process, to nowhere,
 * in batches of `batchRows`; with this process's own peak RSS growth over it (sampled every batch:
 * the read is synchronous, a timer would never fire), the memory floor of a streamed read.
 */
function rawCsvFloor(file: string, productionId: string, batchRows: number): { ms: number; rows: number; growth: number } {
  const db = new Database(file, { readonly: true });
  const before = process.memoryUsage.rss();
  let peak = before;
  const t = performance.now();
  let rows = 0;
  let batch: unknown[][] = [];
  let bytes = 0;
  for (const r of db.prepare('select * from firearm_checks where production_id = ? order by performed_at').raw().iterate(productionId) as IterableIterator<unknown[]>) {
    batch.push(r);
    rows++;
    if (batch.length === batchRows) {
      bytes += stringify(batch).length;
      batch = [];
      peak = Math.max(peak, process.memoryUsage.rss());
    }
  }
  bytes += stringify(batch).length;
  const ms = performance.now() - t;
  db.close();
  return { ms, rows: bytes >= 0 ? rows : 0, growth: peak - before };
}

async function main() {
  const started = Date.now();
  const loadAtStart = os.loadavg().map((x) => +x.toFixed(2));
  if (!has('no-build')) {
    console.log('Building for production…');
    const b = spawnSync(path.join('node_modules', '.bin', 'next'), ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  fs.mkdirSync(DATA_ROOT, { recursive: true });
  // --keep <folder>: generate once into that folder and keep it; a later run with the same folder
  // measures it again without generating (a copy kept from a run of this same version).
  const keep = process.argv.includes('--keep') ? path.resolve(process.argv[process.argv.indexOf('--keep') + 1]) : null;
  const dir = keep ?? fs.mkdtempSync(path.join(DATA_ROOT, 'bench-'));
  process.env.DATABASE_PATH = path.join(dir, 'setsafe.db');
  let productionId: string;
  let genSeconds = 0;
  if (keep && fs.existsSync(path.join(keep, 'production-id'))) {
    productionId = fs.readFileSync(path.join(keep, 'production-id'), 'utf8').trim();
    console.log(`Measuring the production kept in ${keep}`);
  } else {
    fs.mkdirSync(dir, { recursive: true });
    const { seedDemo } = await import('../db/seed/demo');
    productionId = (await seedDemo()).productionId;
    const genStart = Date.now();
    const counts = { ...generateProduction(process.env.DATABASE_PATH, productionId, SCALE), ...generateAudit(process.env.DATABASE_PATH, productionId, SCALE.audit, SCALE.days) };
    genSeconds = (Date.now() - genStart) / 1000;
    console.log(`Generated ${JSON.stringify(counts)} in ${genSeconds.toFixed(1)} s`);
    if (keep) fs.writeFileSync(path.join(keep, 'production-id'), productionId);
  }

  if (has('gen-only')) {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    return;
  }
  const raw = part('filing') ? rawInsertFloor(Math.min(DURATION, 5)) : { opsPerSec: 0, p99ms: 0 };
  let server: Server | null = null;
  const rows: Row[] = [];
  const curves: Record<string, unknown> = {};
  try {
    const profDir = process.argv.includes('--cpu-prof') ? path.resolve(process.argv[process.argv.indexOf('--cpu-prof') + 1]) : null;
    const serverOptions = {
      port: PORT,
      nodeArgs: profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : undefined,
      env: { DATABASE_PATH: process.env.DATABASE_PATH, SETSAFE_BENCH: '1', SETSAFE_BENCH_PRODUCTION: productionId, NEXTAUTH_URL: `http://127.0.0.1:${PORT}` },
    };
    server = await startServer(serverOptions);
    const base = server.base;
    const crew = await signInCookie(base, 'crew@setsafe.test', PASSWORD);
    const producer = await signInCookie(base, 'producer@setsafe.test', PASSWORD);

    const r = (x: number, d = 1) => +x.toFixed(d);
    const ratio = (a: number, b: number) => r(a / Math.max(b, 1), 2); // latencies are whole ms; 0 ms means under 1 ms
    const fileRequest = {
      url: `${base}/api/productions/${productionId}/incidents`,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', cookie: crew },
      requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: JSON.stringify({ id: randomUUID(), type: 'unsafe_condition', description: 'Bench: cable across the fire exit', location: 'Stage 2' }) }) }],
    };

    if (part('filing')) {
      const bare = await load({ url: `${base}/api/bench/floor`, method: 'POST' });
      const filing = await load(fileRequest);
      // Unloaded: one request at a time, so latency is the work of one filing with no queue in front.
      // A fixed number of requests rather than a duration: enough samples for a p99 even when slow.
      const ONE_CONN = SMOKE ? 30 : 300;
      const bare1 = await load({ url: `${base}/api/bench/floor`, method: 'POST', connections: 1, amount: ONE_CONN });
      const filing1 = await load({ ...fileRequest, connections: 1, amount: ONE_CONN });
      rows.push(
        { measure: 'floor: raw better-sqlite3 insert (1 tx each)', value: r(raw.opsPerSec), unit: 'ops/s' },
        { measure: 'floor: bare Next route insert, 50 conns', value: r(bare.rps), unit: 'req/s', floor: 'raw insert', ratio: ratio(bare.rps, raw.opsPerSec) },
        { measure: 'floor: bare Next p50, 50 conns', value: bare.p50, unit: 'ms' },
        { measure: 'floor: bare Next p99, 50 conns', value: bare.p99, unit: 'ms' },
        { measure: 'filing throughput, 50 conns', value: r(filing.rps), unit: 'req/s', floor: 'bare Next', ratio: ratio(filing.rps, bare.rps), target: '≥ 0.5 of bare Next', met: filing.rps / bare.rps >= 0.5 },
        { measure: 'filing p50, 50 conns', value: filing.p50, unit: 'ms', floor: 'bare Next p50', ratio: ratio(filing.p50, bare.p50) },
        { measure: 'filing p95, 50 conns', value: r(filing.p95), unit: 'ms', floor: 'bare Next p95', ratio: ratio(filing.p95, bare.p95) },
        // 50 closed-loop connections on a small machine measure the queue, not the work: no target here (see the open-loop rows).
        { measure: 'filing p99, 50 conns', value: filing.p99, unit: 'ms', floor: 'bare Next p99', ratio: ratio(filing.p99, bare.p99) },
        { measure: 'filing answers other than 2xx', value: filing.non2xx + filing1.non2xx, unit: `count (${JSON.stringify({ ...filing.statusCodes })})`, target: '0', met: filing.non2xx + filing1.non2xx === 0 },
        { measure: 'filing requests timed out (10 s) / socket errors', value: filing.errors + filing1.errors, unit: `count (${filing.timeouts + filing1.timeouts} timeouts; max latency ${filing.max} ms)` },
        { measure: 'floor: bare Next p50 / p99, 1 conn', value: bare1.p50, unit: `ms / ${bare1.p99} ms` },
        { measure: 'filing p50, 1 conn (unloaded)', value: filing1.p50, unit: 'ms', floor: 'bare Next 1 conn', ratio: ratio(filing1.p50, bare1.p50) },
        { measure: 'filing p99, 1 conn (unloaded)', value: filing1.p99, unit: 'ms', floor: 'bare Next 1 conn', ratio: ratio(filing1.p99, bare1.p99), target: '< 50 ms', met: filing1.p99 < 50 },
        { measure: 'filing throughput, 1 conn', value: r(filing1.rps), unit: 'req/s', floor: 'bare Next 1 conn', ratio: ratio(filing1.rps, bare1.rps) },
      );
    }

    if (part('open')) {
      const seconds = Math.max(1, Math.min(DURATION, 5));
      const bareOpen = await openLoop({ url: `${base}/api/bench/floor`, method: 'POST' }, seconds);
      const filingOpen = await openLoop(
        {
          url: fileRequest.url,
          method: 'POST',
          headers: fileRequest.headers,
          body: () => JSON.stringify({ id: randomUUID(), type: 'unsafe_condition', description: 'Bench: cable across the fire exit', location: 'Stage 2' }),
        },
        seconds,
      );
      curves.bareNext = bareOpen.curve;
      curves.filing = filingOpen.curve;
      rows.push(
        { measure: `floor: bare Next sustainable rate (open loop, p99 < ${LATENCY_BOUND_MS} ms)`, value: bareOpen.sustainable, unit: 'req/s' },
        {
          measure: `filing sustainable rate (open loop, p99 < ${LATENCY_BOUND_MS} ms)`, value: filingOpen.sustainable, unit: 'req/s', floor: 'bare Next sustainable rate',
          ratio: ratio(filingOpen.sustainable, bareOpen.sustainable), target: '≥ 0.5 of bare Next', met: filingOpen.sustainable >= 0.5 * bareOpen.sustainable && filingOpen.sustainable > 0,
        },
      );
    }

    if (part('dashboard')) {
      // Page latency is measured one request at a time (no queueing), against a trivial page.
      const signInPage = await load({ url: `${base}/sign-in`, connections: 1 });
      const dashCold = await coldDashboard(base, productionId, producer, crew, DURATION);
      const dashboard = await load({ url: `${base}/productions/${productionId}/dashboard`, headers: { cookie: producer }, connections: 1 });
      // 50 viewers at once, beside the sign-in page under the same 50 connections.
      const signIn50 = await load({ url: `${base}/sign-in` });
      const dashboard50 = await load({ url: `${base}/productions/${productionId}/dashboard`, headers: { cookie: producer } });
      rows.push(
        { measure: `dashboard p50, recomputed (1 conn, n=${dashCold.n})`, value: r(dashCold.p50), unit: 'ms', floor: 'sign-in page p50', ratio: ratio(dashCold.p50, signInPage.p50) },
        { measure: `dashboard p95, recomputed (1 conn, n=${dashCold.n})`, value: r(dashCold.p95), unit: 'ms', floor: 'sign-in page p95', ratio: ratio(dashCold.p95, signInPage.p95), target: '< 50 ms', met: dashCold.p95 < 50 },
        { measure: 'dashboard p50, figures kept (1 conn)', value: dashboard.p50, unit: 'ms', floor: 'sign-in page p50', ratio: ratio(dashboard.p50, signInPage.p50) },
        { measure: 'dashboard p95, figures kept (1 conn)', value: r(dashboard.p95), unit: 'ms', floor: 'sign-in page p95', ratio: ratio(dashboard.p95, signInPage.p95) },
        { measure: 'floor: sign-in page throughput, 50 conns', value: r(signIn50.rps), unit: 'req/s' },
        {
          measure: 'dashboard throughput, 50 viewers', value: r(dashboard50.rps), unit: 'req/s', floor: 'sign-in page, 50 conns', ratio: ratio(dashboard50.rps, signIn50.rps),
          target: '≥ 0.5 of sign-in page', met: dashboard50.rps >= 0.5 * signIn50.rps,
        },
        { measure: 'dashboard p95, 50 viewers (queueing)', value: r(dashboard50.p95), unit: 'ms', floor: 'sign-in page p95, 50 conns', ratio: ratio(dashboard50.p95, signIn50.p95) },
      );
    }

    if (part('export')) {
      // Counted before any request: a synchronous read of a large table blocks this process, and a
      // keep-alive socket the server closes meanwhile would be reused by the next request.
      const counts = new Database(process.env.DATABASE_PATH!, { readonly: true });
      const n = {
        checks: counts.prepare('select count(*) from firearm_checks where production_id = ?').pluck().get(productionId) as number,
        incidents: counts.prepare('select count(*) from incidents where production_id = ?').pluck().get(productionId) as number,
        audit: counts.prepare('select count(*) from audit_log where chain = ?').pluck().get(productionId) as number,
        custody: counts.prepare('select (select count(*) from handoffs where production_id = ?) + (select count(*) from refused_handoffs where production_id = ?)').pluck().get(productionId, productionId) as number,
      };
      counts.close();
      await settle(); // the keep-alive socket the server closed while this process counted
      // Checks as CSV and JSON; the incidents, audit and custody exports stream too (a page at a time in key order), as CSV.
      const runs: { ds: keyof typeof n; fmt: 'csv' | 'json'; x: Awaited<ReturnType<typeof exportRun>> }[] = [];
      for (const [i, [ds, fmt]] of ([['checks', 'csv'], ['checks', 'json'], ['incidents', 'csv'], ['audit', 'csv'], ['custody', 'csv']] as const).entries()) {
        // Each export on a server of its own: the JavaScript heap a download leaves grown (garbage
        // not yet collected, room V8 keeps) would be counted in the next one's "before", and every
        // export after the first would look smaller than it is. A fresh server makes each figure
        // the worst case, the first large download after a start.
        if (i > 0) {
          await killServer(server);
          server = await startServer(serverOptions);
        }
        // Warm-up: the route's first hit loads and compiles its code; an export of no rows (a
        // weapon that does not exist) takes that out of the measured run.
        const warm = await fetch(`${base}/api/productions/${productionId}/export/checks.csv?firearm=${randomUUID()}`, { headers: { cookie: producer } });
        await warm.text();
        if (warm.status !== 200) throw new Error(`export warm-up answered ${warm.status}`);
        runs.push({ ds, fmt, x: await exportRun(base, producer, `/api/productions/${productionId}/export/${ds}.${fmt}`, server.proc.pid!) });
      }
      // The firearms report's files carry every row of its growing tables (failed checks, rule-1
      // reports, refusals, meeting days) and stream the same way; each on a fresh server too, its
      // route's code loaded first by a file name it refuses (404).
      const reportRuns: { fmt: 'csv' | 'json'; x: Awaited<ReturnType<typeof exportRun>> }[] = [];
      for (const fmt of ['csv', 'json'] as const) {
        await killServer(server);
        server = await startServer(serverOptions);
        const warm = await fetch(`${base}/api/productions/${productionId}/firearms-report/warm-up.csv`, { headers: { cookie: producer } });
        await warm.text();
        if (warm.status !== 404) throw new Error(`firearms report warm-up answered ${warm.status}`);
        reportRuns.push({ fmt, x: await exportRun(base, producer, `/api/productions/${productionId}/firearms-report/firearms-report.${fmt}`, server.proc.pid!) });
      }
      // The floor last: it blocks this process for as long as it reads, and a keep-alive socket the
      // server closes meanwhile would be reused by the next request.
      const floor = rawCsvFloor(process.env.DATABASE_PATH!, productionId, CHUNK_ROWS);
      await settle();
      const per100k = (ms: number, rowsN: number) => (ms * 100_000) / Math.max(1, rowsN);
      const floorPer = per100k(floor.ms, floor.rows);
      rows.push(
        { measure: `floor: raw SELECT → CSV of ${floor.rows} checks, per 100k rows`, value: r(floorPer, 0), unit: 'ms' },
        { measure: `floor: raw SELECT → CSV, ${CHUNK_ROWS} rows a batch, this process's peak RSS growth`, value: r(floor.growth / 2 ** 20), unit: 'MB' },
      );
      for (const { ds, fmt, x } of runs) {
        const name = `${ds} export ${fmt.toUpperCase()} (${n[ds]} rows, ${(x.bytes / 2 ** 20).toFixed(0)} MB)`;
        rows.push(
          { measure: `${name}, per 100k rows`, value: r(per100k(x.ms, n[ds]), 0), unit: 'ms', floor: 'raw SELECT → CSV (checks)', ratio: ratio(per100k(x.ms, n[ds]), floorPer) },
          { measure: `${ds} export ${fmt.toUpperCase()}, server peak RSS growth`, value: r(x.growth / 2 ** 20), unit: 'MB', target: '< 100 MB', met: x.growth < 100 * 2 ** 20 },
        );
      }
      for (const { fmt, x } of reportRuns) {
        rows.push(
          { measure: `firearms report ${fmt.toUpperCase()}, every row (${(x.bytes / 2 ** 20).toFixed(1)} MB)`, value: r(x.ms, 0), unit: 'ms' },
          { measure: `firearms report ${fmt.toUpperCase()}, server peak RSS growth`, value: r(x.growth / 2 ** 20), unit: 'MB', target: '< 100 MB', met: x.growth < 100 * 2 ** 20 },
        );
      }
    }

    if (part('growth')) {
      // What happens as a production's records grow: each page one request at a time (no queue),
      // beside the sign-in page measured the same way now; audit:verify beside a raw read of its rows.
      // One request at a time, for `DURATION` seconds and at least 5, after one untimed first view
      // (whose time is kept: the audit screen's first view after a start counts its filter options).
      const timedGets = async (url: string, cookie: string) => {
        const get = async () => {
          const t = performance.now();
          const res = await fetch(`${base}${url}`, { headers: { cookie } });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
          return performance.now() - t;
        };
        const first = await get();
        const lat: number[] = [];
        const end = Date.now() + DURATION * 1000;
        while (Date.now() < end || lat.length < 5) lat.push(await get());
        lat.sort((a, b) => a - b);
        return { first, n: lat.length, p50: pct(lat, 0.5), p95: pct(lat, 0.95) };
      };
      const db = new Database(process.env.DATABASE_PATH!, { readonly: true });
      const nAudit = db.prepare('select count(*) from audit_log where chain = ?').pluck().get(productionId) as number;
      const nIncidents = db.prepare('select count(*) from incidents where production_id = ?').pluck().get(productionId) as number;
      const midDay = new Date(db.prepare('select at from audit_log where chain = ? and seq = ?').pluck().get(productionId, Math.ceil(nAudit / 2)) as number).toISOString().slice(0, 10);
      db.close();
      await settle();
      const signInPage = await timedGets('/sign-in', '');
      rows.push(
        { measure: `floor: sign-in page p50 (1 conn, n=${signInPage.n})`, value: r(signInPage.p50), unit: 'ms' },
        { measure: 'floor: sign-in page p95 (1 conn)', value: r(signInPage.p95), unit: 'ms' },
      );
      const armorer = await signInCookie(base, 'armorer@setsafe.test', PASSWORD);
      const prod = `/productions/${productionId}`;
      const pages: [string, string, string][] = [
        [`audit screen, first page (${nAudit} entries)`, producer, `${prod}/audit`],
        // The deepest page the screen's pager reaches: the oldest entries.
        [`audit screen, last page (${nAudit} entries)`, producer, `${prod}/audit?page=${Math.max(1, Math.ceil(nAudit / 25))}`],
        [`audit screen, one day's entries (from/to ${midDay})`, producer, `${prod}/audit?from=${midDay}&to=${midDay}`],
        [`audit screen, one kind of change (action=handoff.out)`, producer, `${prod}/audit?action=handoff.out`],
        [`incidents list, first page (${nIncidents} incidents)`, producer, `${prod}/incidents`],
        [`incidents search, a rare term (${nIncidents} incidents)`, producer, `${prod}/incidents?q=${encodeURIComponent('report 4242:')}`],
        ['custody log', armorer, `${prod}/custody`],
        // The post-filming report: figures from tallies and covering indexes, the page's growing
        // tables cut to their latest rows, the CSV with every row (docs/ARCHITECTURE.md).
        ['firearms report page', producer, `${prod}/firearms-report`],
        ['firearms report CSV, every row', producer, `/api/productions/${productionId}/firearms-report/firearms-report.csv`],
      ];
      for (const [name, cookie, url] of pages) {
        const x = await timedGets(url, cookie);
        rows.push(
          { measure: `${name}, first view after start`, value: r(x.first), unit: 'ms' },
          { measure: `${name} p50 (1 conn, n=${x.n})`, value: r(x.p50), unit: 'ms', floor: 'sign-in page p50', ratio: ratio(x.p50, signInPage.p50) },
          { measure: `${name} p95 (1 conn)`, value: r(x.p95), unit: 'ms', floor: 'sign-in page p95', ratio: ratio(x.p95, signInPage.p95) },
        );
      }

      // audit:verify as an operator runs it (its own process), on this production's chain.
      const v = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['scripts/audit-verify.ts', '--json', '--chain', productionId], {
        encoding: 'utf8', env: { ...process.env, DATABASE_PATH: process.env.DATABASE_PATH }, maxBuffer: 64 * 2 ** 20,
      });
      if (v.status !== 0) throw new Error(`audit:verify exited ${v.status}: ${v.stderr || v.stdout}`);
      const verify = JSON.parse(v.stdout) as { ms: number; entries: number; status: string; memory: { rssBeforeMb: number; peakRssMb: number } };
      // The floor: the same rows, the same SELECT, read and dropped (no hashing).
      const raw = new Database(process.env.DATABASE_PATH!, { readonly: true });
      const t = performance.now();
      let read = 0;
      for (const _row of raw.prepare(
        `select chain, seq, at, actor_id as actorId, actor_label as actorLabel, entity, entity_id as entityId, action, before, after, prev_hash as prevHash, hash from audit_log where chain = ? order by seq`,
      ).iterate(productionId)) read++;
      const floorMs = performance.now() - t;
      raw.close();
      const per100k = (ms: number, n: number) => (ms * 100_000) / Math.max(1, n);
      const growth = Math.max(0, verify.memory.peakRssMb - verify.memory.rssBeforeMb);
      rows.push(
        { measure: `floor: raw SELECT of the chain's ${read} entries, per 100k`, value: r(per100k(floorMs, read), 0), unit: 'ms' },
        {
          measure: `audit:verify (${verify.entries} entries, ${verify.status}), per 100k`, value: r(per100k(verify.ms, verify.entries), 0), unit: 'ms',
          floor: 'raw SELECT of the same rows', ratio: ratio(per100k(verify.ms, verify.entries), per100k(floorMs, read)),
        },
        { measure: 'audit:verify peak RSS growth', value: r(growth), unit: `MB (peak ${verify.memory.peakRssMb} MB)`, target: '< 100 MB', met: growth < 100 },
      );
    }

    const token = new Database(process.env.DATABASE_PATH!, { readonly: true }).prepare('select report_token from productions where id = ?').pluck().get(productionId) as string;
    const pages: [string, string, string][] = [
      ['sign-in', '', '/sign-in'],
      ['incident form', crew, `/productions/${productionId}/incidents/new`],
      ['anonymous report', '', `/report/${token}`],
      ['dashboard', producer, `/productions/${productionId}/dashboard`],
      ['Rust case', '', '/reference/rust'],
    ];
    if (part('js')) {
      // The floor: an App Router page with nothing of its own under the shared root layout.
      const floor = await firstLoadJs(base, '', '/bench/empty');
      rows.push({ measure: `floor: empty App Router page first-load JS (${floor.scripts} scripts)`, value: r(floor.bytes / 1024), unit: 'kB' });
      for (const [name, cookie, urlPath] of pages) {
        const js = await firstLoadJs(base, cookie, urlPath);
        rows.push({
          measure: `${name} first-load JS (${js.scripts} scripts)`, value: r(js.bytes / 1024), unit: 'kB', floor: 'empty page', ratio: ratio(js.bytes, floor.bytes),
          target: 'floor + 25 kB', met: js.bytes - floor.bytes <= 25 * 1024,
        });
      }
      // Lighthouse takes tens of seconds a page: the full run only (the smoke run proves the rest).
      // One pass moves a page's TBT by up to 80 ms on these machines, so the full run makes
      // --lighthouse-runs passes (the floor and every page in turn, so a drift in load reaches all
      // alike) and reports each page's median, with the passes beside it.
      if (!SMOKE && !LIGHTHOUSE_ONLY) {
        const passes = Math.max(1, num('lighthouse-runs', 3));
        const targets: [string, string, string][] = [['floor', '', '/bench/empty'], ...pages];
        const seen = new Map<string, LighthouseFigures[]>();
        for (let pass = 0; pass < passes; pass++) {
          for (const [name, cookie, urlPath] of targets) seen.set(name, [...(seen.get(name) ?? []), await lighthouseRun(base, cookie, urlPath)]);
        }
        const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
        const of = (name: string) => {
          const xs = seen.get(name)!;
          // The median pass's longest tasks, and how busy the machine was before each pass.
          const mid = [...xs].sort((a, b) => a.tbt - b.tbt)[Math.floor(xs.length / 2)];
          return {
            score: median(xs.map((x) => x.score)),
            tbt: median(xs.map((x) => x.tbt)),
            each: `${xs.map((x) => `${r(x.tbt, 0)} (CPU ${Math.round(x.busy * 100)} % busy before)`).join(' / ')}; longest tasks of the median pass: ${mid.longest || 'none'}`,
          };
        };
        const floorLh = of('floor');
        rows.push({ measure: `floor: empty page Lighthouse mobile performance / TBT (median of ${passes}; TBT ${floorLh.each} ms)`, value: floorLh.score, unit: `/ 100, TBT ${r(floorLh.tbt, 0)} ms` });
        for (const [name] of pages) {
          const lh = of(name);
          rows.push(
            { measure: `${name} Lighthouse mobile performance (median of ${passes})`, value: lh.score, unit: '/ 100', floor: 'empty page', ratio: ratio(lh.score, floorLh.score), target: '≥ 90', met: lh.score >= 90 },
            { measure: `${name} total blocking time (mobile; median of ${passes}: ${lh.each} ms)`, value: r(lh.tbt, 0), unit: 'ms', floor: 'empty page TBT', ratio: ratio(lh.tbt, floorLh.tbt), target: '< 200 ms', met: lh.tbt < 200 },
          );
        }
      }
    }
    if (LIGHTHOUSE_ONLY) {
      // Each run beside the empty page's run just before it, with the load average at that moment:
      // on a shared machine the floor moves with the load, and a lone figure means little.
      const wanted = list('pages');
      const chosen = [...pages.filter(([name]) => !wanted || wanted.includes(slugOf(name))), ...(list('paths') ?? []).map((p): [string, string, string] => [p, '', p])];
      for (let run = 1; run <= num('runs', 1); run++) {
        const load1 = () => os.loadavg()[0].toFixed(2);
        const floorLh = await lighthouseRun(base, '', '/bench/empty');
        rows.push({ measure: `run ${run}: floor: empty page Lighthouse mobile performance / TBT (load ${load1()}; CPU ${Math.round(floorLh.busy * 100)} % busy before)`, value: floorLh.score, unit: `/ 100, TBT ${r(floorLh.tbt, 0)} ms` });
        for (const [name, cookie, urlPath] of chosen) {
          const lh = await lighthouseRun(base, cookie, urlPath);
          rows.push(
            { measure: `run ${run}: ${name} Lighthouse mobile performance (load ${load1()})`, value: lh.score, unit: '/ 100', floor: 'empty page', ratio: ratio(lh.score, floorLh.score), target: '≥ 90', met: lh.score >= 90 },
            { measure: `run ${run}: ${name} total blocking time (mobile; CPU ${Math.round(lh.busy * 100)} % busy before; longest tasks: ${lh.longest || 'none'})`, value: r(lh.tbt, 0), unit: 'ms', floor: 'empty page TBT', ratio: ratio(lh.tbt, floorLh.tbt), target: '< 200 ms', met: lh.tbt < 200 },
          );
        }
      }
    }
  } finally {
    // SIGINT lets Node write a CPU profile on the way out (--cpu-prof).
    if (server) await killServer(server, process.argv.includes('--cpu-prof') ? 'SIGINT' : 'SIGTERM');
  }

  const result = {
    when: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    // Other work on the machine shows here; every figure's ratio is to a floor of this same run.
    loadAverage: { atStart: loadAtStart, atEnd: os.loadavg().map((x) => +x.toFixed(2)) },
    smoke: SMOKE,
    scale: SCALE,
    generatedSeconds: genSeconds,
    durationPerLoadSeconds: DURATION,
    connections: CONNECTIONS,
    rows,
    openLoopCurves: curves,
    only: ONLY ? [...ONLY] : 'all',
    totalSeconds: (Date.now() - started) / 1000,
  };
  console.table(rows.map((x) => ({ measure: x.measure, value: `${x.value} ${x.unit}`, 'vs floor': x.floor ? `${x.ratio}× ${x.floor}` : '', target: x.target ?? '', met: x.met === undefined ? '' : x.met ? 'yes' : 'NO' })));
  fs.mkdirSync('bench', { recursive: true });
  // A partial run (--only) never overwrites a whole run's results.
  const out = `results${SMOKE ? '-smoke' : ''}${ONLY ? '-partial' : ''}.json`;
  fs.writeFileSync(path.join('bench', out), JSON.stringify(result, null, 2));
  console.log(`Machine: ${result.machine}; load average ${loadAtStart.join(' ')} at start, ${result.loadAverage.atEnd.join(' ')} at end.`);
  console.log(`Wrote bench/${out} (${result.totalSeconds.toFixed(0)} s in all).`);
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  // The smoke run proves the script works end to end; the figures are not asserted.
  const broken = rows.filter((x) => x.measure.startsWith('filing answers other than 2xx') || x.measure.startsWith('filing requests timed out'));
  if (SMOKE && broken.some((x) => x.value > 0)) {
    console.error('Smoke run: filings failed under load.');
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
