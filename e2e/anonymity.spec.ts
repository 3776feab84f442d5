// Anonymity: "no one — not even someone with the database — can tell who filed it": files anonymously
// through a real `next start` (its own data folder, its own port, its output captured) from a
// browser that is ALSO signed in as crew, with a distinctive user agent and forwarded-for headers,
// then searches the database (every table, through SQL), the raw database, WAL and every other file
// in the data folder (attachments included), and the server's output for the reporter's account,
// address, user agent and the time of day. Positive controls then show that the same detectors do
// find a named action's user and exact time, and an address that the app stores on purpose.
// Then order (ARCHITECTURE.md: anonymity by order): a member files named → anonymous → named, the
// drop box is published, and every ordering signal is tried on the three.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PASSWORD, USERS, expectDayStart, signIn } from './helpers';
import { dayOnly } from '../app/lib/time';
import { fileAnonymously, gpsJpeg, openWithReceipt, publishSealed } from './anonymous-flow';
import { randomUUID } from 'node:crypto';
import { startSmtpSink, type SmtpSink } from '../app/lib/testing/smtp-sink';
import { openDb, readerOf } from './db';

test.describe.configure({ mode: 'serial' });

const ROOT = path.resolve(__dirname, '..');
const DATA = path.join(ROOT, 'data', 'e2e-anonymity');
const DB = path.join(DATA, 'setsafe.db');
const ZONE = 'America/Denver'; // the demo production's time zone
const UA = 'Mozilla/5.0 (SetSafeAnonymityProbe; UA-7f3a9c) Probe/7.3';
const FORWARDED = '203.0.113.77';
const REAL_IP = '198.51.100.23';
const PHONE = { width: 375, height: 812 };

let server: ChildProcess | null = null;
/** A real SMTP server the outbox worker sends to: the mail is an ordering signal too. */
let sink: SmtpSink | null = null;
let output = '';
let base = '';
let seededAt = 0;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  fs.rmSync(DATA, { recursive: true, force: true });
  fs.mkdirSync(DATA, { recursive: true });
  // SETSAFE_TEST_CLOCK: the drop box is published by the test (POST /api/test/clock), not a timer.
  sink = await startSmtpSink(await freePort());
  // DELIVERY_LEASE_MS: a delivery's lease (its claim time + the lease) is cleared once sent, but its
  // old bytes stay in the file's free pages, which this test reads raw. With the default minute, the
  // lease taken on the seeded mail as the server starts could fall inside the filing's window and
  // read as the filing's time (seen once). An hour puts every lease out of every window searched.
  const env = {
    ...process.env,
    DATABASE_PATH: DB,
    NEXT_TELEMETRY_DISABLED: '1',
    SETSAFE_TEST_CLOCK: '1',
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    DELIVERY_LEASE_MS: String(60 * 60_000),
  };
  delete env.NEXTAUTH_SECRET;
  const seed = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/e2e-seed.ts'], { cwd: ROOT, env, encoding: 'utf8' });
  expect(seed.status, seed.stderr).toBe(0);
  seededAt = Date.now();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // Its own process group, so the whole server (and nothing else) is stopped afterwards.
  server = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...env, NEXTAUTH_URL: base },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (d) => (output += d.toString()));
  server.stderr!.on('data', (d) => (output += d.toString()));
  await expect
    .poll(async () => (await fetch(`${base}/sign-in`).catch(() => null))?.status ?? 'not listening', { message: 'the server starts', timeout: 60_000 })
    .toBe(200);
});

test.afterAll(async () => {
  if (server?.pid) {
    const exited = new Promise((r) => server!.once('exit', r));
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  await sink?.close();
});

// ───────────────────────── detectors ─────────────────────────

type Snapshot = Map<string, string>;

/** Every row of every table, keyed by table and rowid, read through SQLite (WAL included). */
function snapshot(): Snapshot {
  const db = openDb(DB, { readonly: true });
  try {
    const out: Snapshot = new Map();
    const tables = db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    for (const { name } of tables) {
      // A WITHOUT ROWID table (the drop box, the dashboard tallies) has no rowid: its rows are keyed
      // by their primary key.
      const noRowid = !!db.prepare("select 1 from sqlite_master where name = ? and sql like '%WITHOUT ROWID%'").get(name);
      const pk = (db.prepare('select name from pragma_table_info(?) where pk > 0 order by pk').all(name) as { name: string }[]).map((c) => `"${c.name}"`);
      const key = noRowid ? `json_array(${pk.join(', ')})` : 'rowid';
      const rows = db.prepare(`select ${key} as __rowid, * from "${name}"`).all() as Record<string, unknown>[];
      for (const r of rows) {
        const { __rowid, ...rest } = r;
        out.set(`${name}#${__rowid}`, JSON.stringify(rest, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
      }
    }
    return out;
  } finally {
    db.close();
  }
}

/** Rows added or changed since `before`. */
function changed(before: Snapshot, after: Snapshot): [string, Record<string, unknown>][] {
  return [...after].filter(([k, v]) => before.get(k) !== v).map(([k, v]) => [k, JSON.parse(v)]);
}

function hhmm(at: number, timeZone: string) {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** Every "HH:MM" of the window, in the production's zone and in UTC. */
function clockNeedles(t0: number, t1: number): string[] {
  const set = new Set<string>();
  for (let t = t0 - 2000; t <= t1 + 2000; t += 1000) for (const z of [ZONE, 'UTC']) set.add(hhmm(t, z));
  return [...set];
}

/** "14:37" standing alone or after a 'T' (ISO), but not the "mm:ss" tail of some other time. */
function findClock(text: string, needles: string[]): string[] {
  return needles.filter((n) => new RegExp(`(?<![\\d:])${n}(?!\\d)`).test(text));
}

/** Integers stored by SQLite (6- or 8-byte big-endian) and decimal text, within [lo, hi] ms. */
function findInstant(buf: Buffer, lo: number, hi: number): string[] {
  const hits: string[] = [];
  for (let i = 0; i + 6 <= buf.length; i++) {
    const v6 = buf.readUIntBE(i, 6);
    if (v6 >= lo && v6 <= hi) hits.push(`int48@${i}=${v6}`);
    if (i + 8 <= buf.length && buf[i] === 0 && buf[i + 1] === 0) {
      const v8 = Number(buf.readBigUInt64BE(i));
      if (v8 >= lo && v8 <= hi) hits.push(`int64@${i}=${v8}`);
    }
  }
  const text = buf.toString('latin1');
  for (const m of text.matchAll(/(?<!\d)\d{13}(?!\d)/g)) if (+m[0] >= lo && +m[0] <= hi) hits.push(`ms-text=${m[0]}`);
  for (const m of text.matchAll(/(?<!\d)\d{10}(?!\d)/g)) if (+m[0] * 1000 >= lo - 999 && +m[0] * 1000 <= hi) hits.push(`s-text=${m[0]}`);
  return hits;
}

function dataFiles(dir = DATA): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? dataFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const isDatabaseFile = (f: string) => path.basename(f).startsWith('setsafe.db');

/**
 * Waits until the clock is in a minute in which nothing else was written (the seed ran in an earlier
 * one) with 30 s to spare, not at midnight (day-only values read "00:00"), and whose reading (this
 * minute or the next, in either zone) the data does not already hold: the Rust case's sourced
 * timeline stores readings such as "2021-10-21T13:00", which a filing at 13:00 UTC would otherwise
 * seem to have left behind.
 */
async function quietMinute(after: number) {
  const held = dataFiles().map((f) => fs.readFileSync(f).toString('latin1'));
  const quiet = () => {
    const now = Date.now();
    const sec = (now % 60_000) / 1000;
    const readings = [hhmm(now, ZONE), hhmm(now, 'UTC'), hhmm(now + 60_000, ZONE), hhmm(now + 60_000, 'UTC')];
    if (readings.includes('00:00')) return false;
    if (held.some((text) => findClock(text, readings).length > 0)) return false;
    return Math.floor((now - 2000) / 60_000) > Math.floor(after / 60_000) && sec < 30;
  };
  await expect.poll(quiet, { message: 'a quiet minute', timeout: 210_000, intervals: [500] }).toBe(true);
}

/** The production's time zone, in which its day-only stamps begin their day. */
const zoneOf = (productionId: string) => one<{ tz: string }>('select time_zone as tz from productions where id = ?', productionId).tz;

const { one, query } = readerOf(DB);

// ───────────────────────── the test ─────────────────────────

test('an anonymous report from a signed-in phone leaves no account, address, user agent or time of day', async ({ browser }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ baseURL: base, userAgent: UA, extraHTTPHeaders: { 'X-Forwarded-For': FORWARDED, 'X-Real-IP': REAL_IP }, viewport: PHONE });
  const page: Page = await context.newPage();
  await signIn(page, 'crew');
  const crew = one<{ id: string; email: string }>('select id, email from users where email = ?', USERS.crew);
  // The session is real: the signed-in shell shows who this browser is.
  await expect(page.getByLabel('Account: Cody Camera')).toBeVisible();
  const demo = one<{ id: string; token: string }>("select id, report_token as token from productions where title = 'Dry Creek (demo)'");

  await quietMinute(seededAt);
  const before = snapshot();
  const outputBefore = output.length;
  const t0 = Date.now();
  const { receipt } = await fileAnonymously(page, `/report/${demo.token}`, {
    type: 'Near miss',
    description: 'Anonymity probe: a weapon was pointed at the crew during a rehearsal.',
    location: 'Ranch exterior',
    photos: [{ name: 'probe.jpg', mimeType: 'image/jpeg', buffer: await gpsJpeg('#a33') }],
  });
  await openWithReceipt(page, receipt);
  await page.getByRole('textbox', { name: 'Add information' }).fill('Anonymity probe: it happened again after lunch.');
  await page.getByRole('button', { name: 'Send anonymously' }).click();
  await expect(page.getByText('Information sent anonymously.')).toBeVisible();
  await page.getByLabel('Choose photos').setInputFiles({ name: 'probe-2.jpg', mimeType: 'image/jpeg', buffer: await gpsJpeg('#33a') });
  await page.getByRole('button', { name: 'Add 1 photo anonymously' }).click();
  await expect(page.getByText('probe-2.jpg: added.')).toBeVisible();
  const t1 = Date.now();
  // Sealed (ARCHITECTURE.md: anonymity by order): so far the filing wrote the drop box and nothing else.
  expect(new Set(changed(before, snapshot()).map(([k]) => k.split('#')[0]))).toEqual(new Set(['drop_box']));
  expect(await publishSealed(page.request)).toMatchObject({ reports: 1, messages: 1, photos: 2 });
  // Anything the server would print about these requests is in `output` once a further round trip
  // to it adds nothing more.
  await expect
    .poll(async () => {
      const seen = output.length;
      await fetch(`${base}/sign-in`);
      return output.length === seen;
    }, { message: 'the server has printed all it would' })
    .toBe(true);
  const lo = t0 - 2000;
  const hi = t1 + 2000;
  const clocks = clockNeedles(t0, t1);

  // It was filed, anonymously, with both photos and the added information.
  const inc = one<{ id: string; reporter_id: string | null }>("select id, reporter_id from incidents where description like 'Anonymity probe:%'");
  expect(inc.reporter_id).toBeNull();
  expect(one<{ n: number }>('select count(*) as n from attachments where incident_id = ?', inc.id).n).toBe(2);
  expect(one<{ n: number }>("select count(*) as n from comments where incident_id = ? and kind = 'reporter_info'", inc.id).n).toBe(1);

  // 1. Through SQL: every row added or changed by the filing, in every table.
  const rows = changed(before, snapshot());
  const touched = new Set(rows.map(([k]) => k.split('#')[0]));
  for (const t of ['incidents', 'attachments', 'comments', 'audit_log', 'notifications']) expect(touched, `the filing wrote to ${t}`).toContain(t);
  const sqlFindings: string[] = [];
  for (const [key, r] of rows) {
    const text = JSON.stringify(r);
    for (const needle of [crew.id, crew.email, UA, 'UA-7f3a9c', FORWARDED, REAL_IP, '127.0.0.1', '::1', receipt, receipt.replace(/-/g, '')]) {
      if (text.includes(needle)) sqlFindings.push(`${key} contains ${needle}`);
    }
    for (const c of findClock(text, clocks)) sqlFindings.push(`${key} contains the time ${c}`);
    for (const [col, v] of Object.entries(r)) {
      if (typeof v === 'number' && v >= lo && v <= hi) sqlFindings.push(`${key}.${col} = ${v} (the exact instant)`);
      if (typeof v === 'number' && v * 1000 >= lo - 999 && v * 1000 <= hi) sqlFindings.push(`${key}.${col} = ${v} (the second)`);
    }
  }
  expect(sqlFindings).toEqual([]);

  // 2. Raw bytes: the database file, its WAL and shared memory, the photos, the chain heads, the secret.
  const files = dataFiles();
  expect(files.some((f) => f.includes(`${path.sep}attachments${path.sep}`))).toBe(true);
  expect(files.some((f) => f.endsWith('setsafe.db-wal'))).toBe(true);
  const rawFindings: string[] = [];
  for (const f of files) {
    const buf = fs.readFileSync(f);
    const text = buf.toString('latin1');
    const name = path.relative(DATA, f);
    for (const needle of [UA, 'UA-7f3a9c', FORWARDED, REAL_IP, '127.0.0.1', receipt, receipt.replace(/-/g, '')]) if (text.includes(needle)) rawFindings.push(`${name}: ${needle}`);
    // The account legitimately sits in the users table; outside the database it must not appear at all.
    if (!isDatabaseFile(f)) for (const needle of [crew.id, crew.email]) if (text.includes(needle)) rawFindings.push(`${name}: ${needle}`);
    for (const c of findClock(text, clocks)) rawFindings.push(`${name}: time ${c}`);
    for (const h of findInstant(buf, lo, hi)) rawFindings.push(`${name}: ${h}`);
    // A photo's own file times say the day only (its inode change time cannot be set by a program).
    if (name.startsWith('attachments')) expectDayStart(fs.statSync(f).mtimeMs, zoneOf(demo.id), name);
  }
  expect(rawFindings).toEqual([]);

  // 3. The server's output: `next start` prints nothing per request, so nothing at all during the filing.
  const during = output.slice(outputBefore);
  test.info().annotations.push({ type: 'server output (whole run so far)', description: output.trim() || '(empty)' });
  expect(during, 'next start printed something while the report was filed').toBe('');
  for (const needle of [crew.id, crew.email, UA, 'UA-7f3a9c', FORWARDED, REAL_IP, receipt, demo.token]) expect(output).not.toContain(needle);
  expect(findClock(output, clocks)).toEqual([]);
  await context.close();

  // ── Positive controls: the same detectors on the same database do find what a named action stores. ──
  const producer = await browser.newContext({ baseURL: base, viewport: PHONE });
  const pp = await producer.newPage();
  await signIn(pp, 'producer');
  const producerId = one<{ id: string }>('select id from users where email = ?', USERS.producer).id;
  const beforeNamed = snapshot();
  const n0 = Date.now();
  const asked = await pp.request.post(`/api/productions/${demo.id}/incidents/${inc.id}/questions`, { data: { body: 'Control: which rehearsal?' } });
  expect(asked.status()).toBe(201);
  const n1 = Date.now();
  const namedRows = changed(beforeNamed, snapshot());
  expect(namedRows.some(([, r]) => JSON.stringify(r).includes(producerId)), 'detector finds the named user in new rows').toBe(true);
  expect(
    namedRows.some(([, r]) => Object.values(r).some((v) => typeof v === 'number' && v >= n0 - 50 && v <= n1 + 50)),
    'detector finds the exact instant in new rows',
  ).toBe(true);
  const raw = Buffer.concat(files.filter(isDatabaseFile).map((f) => fs.readFileSync(f)));
  expect(findInstant(raw, n0 - 50, n1 + 50).length, 'raw detector finds the exact instant in the database/WAL').toBeGreaterThan(0);
  await producer.close();

  // A failed sign-in is recorded on purpose (throttling): the raw search must find that fresh
  // write, which proves it reads the WAL too; the address itself is kept only as a keyed hash.
  const probe = await browser.newContext({ baseURL: base, extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.99' } });
  const sp = await probe.newPage();
  await sp.goto('/sign-in');
  await sp.getByLabel('Email').fill(USERS.crew);
  await sp.getByLabel('Password').fill(`${PASSWORD}-wrong`);
  await sp.getByRole('button', { name: 'Sign in' }).click();
  await expect(sp.getByRole('main').getByRole('alert')).toBeVisible();
  await probe.close();
  const rawAfter = dataFiles().filter(isDatabaseFile).map((f) => fs.readFileSync(f).toString('latin1')).join('');
  expect(rawAfter.includes(`email:${USERS.crew.toLowerCase()}`), 'raw detector finds the throttle row the app stores').toBe(true);
  expect(rawAfter.includes('203.0.113.99'), 'the throttle keeps no address in the clear').toBe(false);
});

test('rule 1 holds for anonymous reports too, and the hold does not single out the reporter', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: base, viewport: PHONE });
  const page = await context.newPage();
  await signIn(page, 'crew');
  const demo = one<{ id: string; token: string }>("select id, report_token as token from productions where title = 'Dry Creek (demo)'");
  await fileAnonymously(page, `/report/${demo.token}`, { type: 'Accidental discharge', description: 'Anonymity probe: a blank fired during the reload.', location: 'Ranch' });
  await expect(page.getByText(/The production is now on a stop-work hold/)).toBeVisible();
  const inc = one<{ id: string; severity: string; reporter_id: string | null }>("select id, severity, reporter_id from incidents where description = 'Anonymity probe: a blank fired during the reload.'");
  expect(inc).toMatchObject({ severity: 'critical', reporter_id: null });
  const hold = one<{ id: string; source: string; called_by_id: string | null; called_at: number; lifted_at: number | null }>('select * from holds where incident_id = ?', inc.id);
  expect(hold).toMatchObject({ source: 'rule1', called_by_id: null, lifted_at: null });
  expectDayStart(hold.called_at, zoneOf(demo.id));
  // Everyone on the show is told, the signed-in reporter's own account included: leaving it out
  // (as a named filing does for its reporter) would point at them.
  const told = query<{ user_id: string }>("select user_id from notifications where kind = 'hold_called'").map((r) => r.user_id);
  const members = query<{ user_id: string }>("select user_id from memberships where production_id = ? and role in ('producer', 'armorer', 'crew')", demo.id).map((r) => r.user_id);
  expect(new Set(told)).toEqual(new Set(members));
  // The banner gives the day, not an invented time.
  await page.goto('/');
  const banner = page.getByTestId('hold-banner');
  await expect(banner).toBeVisible();
  await expect(banner).not.toContainText(/\d{2}:\d{2}/);
  await context.close();
});

// ───────────────────────── order ─────────────────────────

type Signal = { name: string; named1: number; anon: number; named2: number };

/** Reads one ordering signal of an incident (its rows in a table), null when it has none there. */
function rowidsOf(table: string, where: string, ...params: unknown[]): number[] {
  return query<{ r: number }>(`select rowid as r from "${table}" where ${where}`, ...params).map((x) => x.r);
}

test('named → anonymous → named by one member: after publication no ordering signal places the anonymous report between the two', async ({ browser }) => {
  test.setTimeout(240_000);
  // A producer takes new reports by email too, so each report also has outbox rows to compare.
  const producer = await browser.newContext({ baseURL: base, viewport: PHONE });
  const pp = await producer.newPage();
  await signIn(pp, 'producer');
  await pp.goto('/account');
  const prefs = pp.getByRole('form', { name: 'Alerts for Dry Creek (demo)' });
  await prefs.getByLabel('New reports and status changes by email').check();
  await prefs.getByRole('button', { name: 'Save alert choices' }).click();
  await expect(prefs.getByText('Saved for Dry Creek (demo).')).toBeVisible();
  await producer.close();

  const context = await browser.newContext({ baseURL: base, viewport: PHONE });
  const page = await context.newPage();
  await signIn(page, 'crew');
  const demo = one<{ id: string; token: string }>("select id, report_token as token from productions where title = 'Dry Creek (demo)'");
  const tz = zoneOf(demo.id);

  /** A named report with a photo, through the JSON route and the incident page, as this member. */
  async function named(label: string, color: string): Promise<string> {
    const id = randomUUID();
    const res = await page.request.post(`/api/productions/${demo.id}/incidents`, { data: { id, type: 'near_miss', description: `Order probe: ${label}`, location: 'Stage 3' } });
    expect(res.status()).toBe(201);
    await page.goto(`/productions/${demo.id}/incidents/${id}`);
    const photos = page.getByRole('region', { name: /^Photos/ });
    await photos.getByLabel('Take a photo').setInputFiles({ name: `${label}.jpg`, mimeType: 'image/jpeg', buffer: await gpsJpeg(color) });
    await photos.getByRole('button', { name: 'Add 1 photo' }).click();
    await expect(photos.getByText(`${label}.jpg: added.`)).toBeVisible();
    return id;
  }

  // The mail that announces each report, as the producer's inbox receives it: the order it arrived
  // in and its Date header.
  const mails = (id: string) => sink!.messages.map((m, i) => ({ i, m })).filter(({ m }) => m.text.includes(`/incidents/${id}`));
  const first = await named('named-before', '#1a1');
  // The worker sends a batch on several lanes, so two reports' mail in one batch may arrive in
  // either order; the first one's mail is in before the second report is filed, as a member's
  // day would space them, so arrival order is a signal that orders the named records.
  await expect.poll(() => mails(first).length > 0, { message: 'the first named report’s mail went out', timeout: 60_000 }).toBe(true);
  const { receipt } = await fileAnonymously(page, `/report/${demo.token}`, {
    type: 'Unsafe condition',
    description: 'Order probe: anonymous between',
    location: 'Stage 3',
    photos: [{ name: 'between.jpg', mimeType: 'image/jpeg', buffer: await gpsJpeg('#a1a') }],
  });
  await expect(page.getByText(/Sealed, will be published with today’s reports/)).toBeVisible();
  const second = await named('named-after', '#11a');
  // Still sealed: nothing about it exists but the drop box.
  expect(one<{ n: number }>("select count(*) as n from incidents where description = 'Order probe: anonymous between'").n).toBe(0);
  await openWithReceipt(page, receipt);
  await expect(page.getByTestId('sealed-note')).toBeVisible();

  // The named reports' mail leaves within a tick of filing; publication comes on a later day, so the
  // test waits for that mail before it publishes.
  await expect.poll(() => [first, second].map((id) => mails(id).length > 0), { message: 'the named reports’ mail went out', timeout: 60_000 }).toEqual([true, true]);
  expect((await publishSealed(page.request)).reports).toBeGreaterThanOrEqual(1);
  const anon = one<{ id: string }>("select id from incidents where description = 'Order probe: anonymous between'").id;

  const db = openDb(DB, { readonly: true });
  const q = <T,>(sql: string, ...p: unknown[]) => db.prepare(sql).get(...p) as T;
  const incident = (id: string) => q<{ rowid: number; number: number; reported_at: number }>('select rowid, number, reported_at from incidents where id = ?', id);
  const fileEntry = (id: string) => q<{ seq: number; id: number; at: number }>("select seq, rowid as id, at from audit_log where entity_id = ? and action = 'incident.file'", id);
  const photo = (id: string) => q<{ rowid: number; stored_name: string; created_at: number }>('select rowid, stored_name, created_at from attachments where incident_id = ?', id);
  const link = (id: string) => `%/incidents/${id}`;
  const signals: Signal[] = [];
  const add = (name: string, f: (id: string) => number | undefined) => {
    const [a, x, b] = [f(first), f(anon), f(second)];
    expect(a !== undefined && x !== undefined && b !== undefined, `${name} exists for all three`).toBe(true);
    signals.push({ name, named1: a!, anon: x!, named2: b! });
  };
  const agg = (values: number[], pick: 'min' | 'max') => (values.length ? Math[pick](...values) : undefined);
  add('incident number', (id) => incident(id).number);
  add('incidents rowid', (id) => incident(id).rowid);
  add('incident reported_at', (id) => incident(id).reported_at);
  add('audit seq of the filing', (id) => fileEntry(id).seq);
  add('audit rowid of the filing', (id) => fileEntry(id).id);
  add('audit time of the filing', (id) => fileEntry(id).at);
  add('attachments rowid', (id) => photo(id).rowid);
  add('attachment created_at', (id) => photo(id).created_at);
  add('attachment file mtime', (id) => fs.statSync(path.join(DATA, 'attachments', photo(id).stored_name)).mtimeMs);
  add('attachment file ctime', (id) => fs.statSync(path.join(DATA, 'attachments', photo(id).stored_name)).ctimeMs);
  add('attachment file atime', (id) => fs.statSync(path.join(DATA, 'attachments', photo(id).stored_name)).atimeMs);
  // Every row announcing the report: notifications and the outbox (email, push), by row order and time.
  for (const [table, cols] of [
    ['notifications', ['created_at']],
    ['deliveries', ['created_at', 'due_at']],
  ] as const) {
    add(`${table} first rowid`, (id) => agg(rowidsOf(table, 'link like ?', link(id)), 'min'));
    add(`${table} last rowid`, (id) => agg(rowidsOf(table, 'link like ?', link(id)), 'max'));
    for (const col of cols) add(`${table}.${col}`, (id) => agg((db.prepare(`select ${col} as t from "${table}" where link like ?`).all(link(id)) as { t: number }[]).map((r) => r.t), 'min'));
  }
  db.close();
  await expect
    .poll(() => [first, anon, second].map((id) => mails(id).length > 0), { message: 'the producer got mail about all three', timeout: 60_000 })
    .toEqual([true, true, true]);
  const dateOf = (raw: string) => Date.parse(/^Date:\s*(.*)$/im.exec(raw)?.[1] ?? '');
  add('mail arrival order', (id) => agg(mails(id).map((x) => x.i), 'min'));
  add('mail Date header', (id) => agg(mails(id).map((x) => dateOf(x.m.raw)), 'min'));
  const prose = (text: string) => text.replace(/https?:\/\/\S+/g, '');
  expect(mails(anon).map(({ m }) => prose(m.text)).filter((t) => /\d{1,2}:\d{2}/.test(t)), 'the mail about it names no time of day').toEqual([]);
  test.info().annotations.push({ type: 'ordering signals (named before, anonymous, named after)', description: signals.map((x) => `${x.name}: ${x.named1} / ${x.anon} / ${x.named2}`).join('\n') });

  // Each signal does order the two named records (so it would tell)…
  for (const x of signals) expect(x.named1, `${x.name} orders the named records`).toBeLessThanOrEqual(x.named2);
  expect(signals.filter((x) => x.named1 < x.named2).length, 'most signals separate the named records').toBeGreaterThan(signals.length / 2);
  // …and none puts the anonymous report strictly between them.
  const between = signals.filter((x) => x.anon > x.named1 && x.anon < x.named2);
  expect(between.map((x) => x.name)).toEqual([]);
  // Its own times are the day, nothing finer; every ordered value places it after both named ones.
  for (const x of signals.filter((y) => /reported_at|audit time|created_at|due_at|mtime/.test(y.name))) expectDayStart(x.anon, tz, x.name);
  // A file's access time is the day until someone opens the photo, then the time it was read.
  const atime = signals.find((y) => y.name === 'attachment file atime')!;
  expect(atime.anon === dayOnly(new Date(atime.anon), tz).getTime() || atime.anon > atime.named2, 'atime is the day or a read after publication').toBe(true);
  for (const x of signals.filter((y) => /number|rowid|seq|ctime|arrival/.test(y.name))) expect(x.anon, `${x.name}: published after both`).toBeGreaterThan(x.named2);
  await context.close();
});
