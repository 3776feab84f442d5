// The verifier against a real SQLite file that an attacker edits directly: triggers dropped in a
// raw connection first, exactly as someone with the file would do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, writeWith } from './client';
import { verifyDatabase } from './audit-chains';
import { readChainHeads } from './chain-heads';
import { appendAudit, entryHash, GENESIS, SITE_CHAIN, type HashedFields } from '../app/lib/audit';
import { addMembership, createProduction, createUser } from '../app/lib/site';
import { headOfExport, parseExpect, verifyChain, type ChainRow, type KeptHead } from '../app/lib/audit-verify';
import { generateKeyPairSync } from 'node:crypto';
import { toCsv, toJson } from '../app/lib/export-format';
import { receiptText, signReceipt } from '../app/lib/receipts/sign';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh database with one production chain of `extra` + 2 entries and a site chain. */
function fixture(extra = 10) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-verify-'));
  dirs.push(dir);
  const file = path.join(dir, 'setsafe.db');
  process.env.DATABASE_PATH = file; // the head file lands beside it
  const { db, sqlite } = openDatabase(file);
  const who = { userId: null, label: 'test' };
  const t0 = new Date('2026-03-01T12:00:00Z');
  const prod = writeWith(db, (tx) => {
    const p = createProduction(tx, who, { title: 'Verify Show', company: 'Co', timeZone: 'America/Denver' }, t0);
    const u = createUser(tx, who, { email: 'p@x.test', name: 'P', passwordHash: null }, t0);
    addMembership(tx, who, { productionId: p.id, userId: u.id, role: 'producer', positions: [] }, t0);
    return p;
  });
  for (let i = 0; i < extra; i++) {
    writeWith(db, (tx) =>
      appendAudit(tx, {
        chain: prod.id, actorId: null, actorLabel: 'Priya', entity: 'incident', entityId: `inc-${i}`, action: 'incident.update',
        before: { severity: 'low', n: i }, after: { severity: 'high', n: i }, at: new Date(t0.getTime() + (i + 1) * 60_000),
      }),
    );
  }
  sqlite.close();
  const headsFile = path.join(dir, 'chain-heads.json');
  return { file, headsFile, chain: prod.id, total: extra + 2 };
}

/** The attacker's connection: no app code, triggers gone. */
function attacker(file: string) {
  const raw = new Database(file);
  raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  return raw;
}

function verify(file: string, headsFile: string) {
  const ro = new Database(file, { readonly: true });
  try {
    return verifyDatabase(ro, { headsFile });
  } finally {
    ro.close();
  }
}

const chainOf = (r: ReturnType<typeof verify>, chain: string) => r.chains.find((c) => c.chain === chain)!;

type Raw = { id: number; seq: number; at: number; actor_id: string | null; actor_label: string; entity: string; entity_id: string; action: string; before: string | null; after: string | null; prev_hash: string; hash: string };
const fieldsOf = (r: Raw, chain: string): HashedFields => ({
  chain, seq: r.seq, at: r.at, actorId: r.actor_id, actorLabel: r.actor_label, entity: r.entity, entityId: r.entity_id, action: r.action, before: r.before, after: r.after,
});

describe('audit chain verification on a real SQLite file', () => {
  it('reports an untouched database as intact, with the entry count', () => {
    const f = fixture();
    const r = verify(f.file, f.headsFile);
    expect(r.status).toBe('intact');
    const c = chainOf(r, f.chain);
    expect(c.summary).toBe(`intact, ${f.total} entries`);
    expect(c.findings).toEqual([]);
    expect(c.warnings).toEqual([]);
    expect(chainOf(r, SITE_CHAIN).status).toBe('intact');
    expect(readChainHeads(f.headsFile)[f.chain].seq).toBe(f.total);
  });

  it('the triggers refuse UPDATE and DELETE until someone drops them', () => {
    const f = fixture(1);
    const raw = new Database(f.file);
    expect(() => raw.prepare('update audit_log set action = ? where chain = ? and seq = 1').run('x', f.chain)).toThrow(/append-only/);
    expect(() => raw.prepare('delete from audit_log where chain = ?').run(f.chain)).toThrow(/append-only/);
    raw.close();
  });

  it('names an edited entry', () => {
    const f = fixture();
    const raw = attacker(f.file);
    raw.prepare(`update audit_log set after = '{"severity":"low","n":4}' where chain = ? and seq = 7`).run(f.chain);
    raw.close();
    const c = chainOf(verify(f.file, f.headsFile), f.chain);
    expect(c.status).toBe('tampered');
    expect(c.findings).toHaveLength(1);
    expect(c.findings[0]).toMatchObject({ kind: 'edited', seqs: [7] });
    expect(c.findings[0].message).toMatch(/Entry #7 .* was edited/);
  });

  it('names an entry edited and re-hashed by itself (the next entry no longer links to it)', () => {
    const f = fixture();
    const raw = attacker(f.file);
    const row = raw.prepare('select * from audit_log where chain = ? and seq = 5').get(f.chain) as Raw;
    const forged = { ...fieldsOf(row, f.chain), actorLabel: 'Someone else' };
    raw.prepare('update audit_log set actor_label = ?, hash = ? where id = ?').run(forged.actorLabel, entryHash(row.prev_hash, forged), row.id);
    raw.close();
    const c = chainOf(verify(f.file, f.headsFile), f.chain);
    expect(c.findings).toHaveLength(1);
    expect(c.findings[0]).toMatchObject({ kind: 'edited', seqs: [5] });
    expect(c.findings[0].message).toMatch(/#5 was changed and re-hashed/);
  });

  it('names a removed entry', () => {
    const f = fixture();
    const raw = attacker(f.file);
    raw.prepare('delete from audit_log where chain = ? and seq = 6').run(f.chain);
    raw.close();
    const c = chainOf(verify(f.file, f.headsFile), f.chain);
    expect(c.status).toBe('tampered');
    expect(c.findings).toHaveLength(1);
    expect(c.findings[0]).toMatchObject({ kind: 'removed', seqs: [6] });
    expect(c.findings[0].message).toMatch(/Entry #6 was removed: the chain jumps from #5 to #7/);
  });

  it('names a removed entry even when the later ones were renumbered to hide the gap', () => {
    const f = fixture();
    const raw = attacker(f.file);
    raw.prepare('delete from audit_log where chain = ? and seq = 6').run(f.chain);
    // Shift down one at a time (the unique (chain, seq) index forbids a clash).
    for (let s = 7; s <= f.total; s++) raw.prepare('update audit_log set seq = ? where chain = ? and seq = ?').run(s - 1, f.chain, s);
    raw.close();
    const c = chainOf(verify(f.file, f.headsFile), f.chain);
    expect(c.findings).toHaveLength(1);
    expect(c.findings[0]).toMatchObject({ kind: 'removed', seqs: [6] });
    expect(c.findings[0].message).toMatch(/Entry #6 was removed and the entries after it renumbered/);
  });

  it('names two swapped entries (positions exchanged)', () => {
    const f = fixture();
    const raw = attacker(f.file);
    const swap = raw.transaction(() => {
      raw.prepare('update audit_log set seq = -1 where chain = ? and seq = 8').run(f.chain);
      raw.prepare('update audit_log set seq = 8 where chain = ? and seq = 9').run(f.chain);
      raw.prepare('update audit_log set seq = 9 where chain = ? and seq = -1').run(f.chain);
    });
    swap();
    raw.close();
    const c = chainOf(verify(f.file, f.headsFile), f.chain);
    expect(c.status).toBe('tampered');
    expect(c.findings).toEqual([{ kind: 'reordered', seqs: [8, 9], message: 'Entries #8 and #9 were swapped: each was written at the other\'s position.' }]);
  });

  it('names two swapped entries (contents exchanged, links left in place)', () => {
    const f = fixture();
    const raw = attacker(f.file);
    const a = raw.prepare('select * from audit_log where chain = ? and seq = 4').get(f.chain) as Raw;
    const b = raw.prepare('select * from audit_log where chain = ? and seq = 10').get(f.chain) as Raw;
    const set = raw.prepare('update audit_log set at = ?, actor_label = ?, entity_id = ?, before = ?, after = ? where id = ?');
    set.run(b.at, b.actor_label, b.entity_id, b.before, b.after, a.id);
    set.run(a.at, a.actor_label, a.entity_id, a.before, a.after, b.id);
    raw.close();
    const c = chainOf(verify(f.file, f.headsFile), f.chain);
    expect(c.findings).toEqual([{ kind: 'reordered', seqs: [4, 10], message: 'Entries #4 and #10 were swapped: each was written at the other\'s position.' }]);
  });

  it('says entries are missing at the end when the newest rows are deleted', () => {
    const f = fixture();
    const raw = attacker(f.file);
    raw.prepare('delete from audit_log where chain = ? and seq > ?').run(f.chain, f.total - 3);
    raw.close();
    const c = chainOf(verify(f.file, f.headsFile), f.chain);
    expect(c.status).toBe('tampered');
    expect(c.entries).toBe(f.total - 3);
    expect(c.findings).toHaveLength(1);
    expect(c.findings[0]).toMatchObject({ kind: 'truncated', seqs: [f.total - 2, f.total - 1, f.total] });
    expect(c.findings[0].message).toBe(
      `Entries #${f.total - 2}–#${f.total} are missing at the end: the database stops at #${f.total - 3}, the head kept outside it is #${f.total}.`,
    );
  });

  it('detects a whole chain rewritten consistently only through the head file', () => {
    const f = fixture();
    const raw = attacker(f.file);
    const rows = raw.prepare('select * from audit_log where chain = ? order by seq').all(f.chain) as Raw[];
    let prev = GENESIS;
    const upd = raw.prepare('update audit_log set after = ?, prev_hash = ?, hash = ? where id = ?');
    raw.transaction(() => {
      for (const r of rows) {
        const after = r.seq === 3 ? '{"severity":"low","n":0}' : r.after; // soften one entry, then recompute everything
        const hash = entryHash(prev, { ...fieldsOf(r, f.chain), after });
        upd.run(after, prev, hash, r.id);
        prev = hash;
      }
    })();
    raw.close();
    // Without the outside head the rewrite is invisible: every link is consistent.
    const rowsNow = new Database(f.file, { readonly: true });
    const noHead = verifyChain(f.chain, rowsNow.prepare(`select chain, seq, at, actor_id as actorId, actor_label as actorLabel, entity, entity_id as entityId, action, before, after, prev_hash as prevHash, hash from audit_log where chain = ? order by seq`).all(f.chain) as ChainRow[], undefined);
    rowsNow.close();
    expect(noHead.findings).toEqual([]);
    const c = chainOf(verify(f.file, f.headsFile), f.chain);
    expect(c.status).toBe('tampered');
    expect(c.findings).toHaveLength(1);
    expect(c.findings[0]).toMatchObject({ kind: 'rewritten', seqs: [f.total] });
    expect(c.findings[0].message).toMatch(/The chain was rewritten/);
  });

  it('detects a chain deleted whole', () => {
    const f = fixture(2);
    const raw = attacker(f.file);
    raw.prepare('delete from audit_log where chain = ?').run(f.chain);
    raw.close();
    const c = chainOf(verify(f.file, f.headsFile), f.chain);
    expect(c.findings[0]).toMatchObject({ kind: 'chain_missing' });
  });

  it('a head file lagging behind the database is a warning, not tampering', () => {
    const f = fixture();
    const heads = readChainHeads(f.headsFile);
    const raw = new Database(f.file, { readonly: true });
    const row = raw.prepare('select seq, hash from audit_log where chain = ? and seq = ?').get(f.chain, f.total - 2) as { seq: number; hash: string };
    raw.close();
    // As if the process died between the commit of the last two entries and the head write.
    fs.writeFileSync(f.headsFile, JSON.stringify({ ...heads, [f.chain]: row }));
    const r = verify(f.file, f.headsFile);
    const c = chainOf(r, f.chain);
    expect(c.status).toBe('warning');
    expect(c.findings).toEqual([]);
    expect(c.warnings[0].kind).toBe('head_lagging');
    expect(r.status).toBe('warning');
  });

  it('a missing head file is a warning for every chain', () => {
    const f = fixture(1);
    fs.rmSync(f.headsFile);
    const r = verify(f.file, f.headsFile);
    expect(r.status).toBe('warning');
    expect(r.chains.every((c) => c.warnings[0]?.kind === 'no_head')).toBe(true);
  });

  it('npm run audit:verify exits 0 when intact and 1 when tampering is found', () => {
    const f = fixture(3);
    const run = () =>
      spawnSync(path.join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['scripts/audit-verify.ts'], {
        cwd: process.cwd(),
        env: { ...process.env, DATABASE_PATH: f.file },
        encoding: 'utf8',
      });
    const ok = run();
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`${f.chain}: intact, ${f.total} entries`);
    const raw = attacker(f.file);
    raw.prepare('delete from audit_log where chain = ? and seq = ?').run(f.chain, f.total);
    raw.close();
    const bad = run();
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`Entry #${f.total} is missing at the end`);
  });
});

// Heads kept outside the server (ARCHITECTURE.md: audit trail, anchoring). Whoever holds the files
// can rewrite chain-heads.json along with the chain, so the old check says intact; a head an auditor
// kept (typed, in an export, in a signed receipt) still catches it.
describe('heads kept outside the server', () => {
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const cli = (file: string, args: string[]) =>
    spawnSync(tsx, ['scripts/audit-verify.ts', ...args], { cwd: process.cwd(), env: { ...process.env, DATABASE_PATH: file }, encoding: 'utf8' });

  /** What an auditor keeps before the attack: the head, as a note, an export file and a signed receipt. */
  function kept(f: ReturnType<typeof fixture>) {
    const head = readChainHeads(f.headsFile)[f.chain];
    const dir = path.dirname(f.file);
    const exportFile = path.join(dir, 'incidents-export.json');
    fs.writeFileSync(
      exportFile,
      toJson({ dataset: 'incidents', production: { id: f.chain, title: 'Verify Show', timeZone: 'America/Denver' }, takenAt: new Date(), chainHead: head, filters: {} }, []),
    );
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const publicKeyFile = path.join(dir, 'receipts.pub.pem');
    fs.writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
    const receipt = signReceipt({ production: { id: f.chain, title: 'Verify Show' }, chain: f.chain, seq: head.seq, hash: head.hash, signedAt: new Date().toISOString() }, privateKey);
    const receiptFile = path.join(dir, 'receipt.txt');
    fs.writeFileSync(receiptFile, `Keep this email.\n\n${receiptText(receipt)}\n`);
    return { head, exportFile, publicKeyFile, receiptFile, receipt };
  }

  /** Truncation: the newest entries deleted and the head file rewritten to the new end. */
  function truncate(f: ReturnType<typeof fixture>, n: number) {
    const raw = attacker(f.file);
    raw.prepare('delete from audit_log where chain = ? and seq > ?').run(f.chain, f.total - n);
    const end = raw.prepare('select seq, hash from audit_log where chain = ? order by seq desc limit 1').get(f.chain) as { seq: number; hash: string };
    raw.close();
    fs.writeFileSync(f.headsFile, JSON.stringify({ ...readChainHeads(f.headsFile), [f.chain]: end }));
  }

  /** One entry softened, every later one re-hashed, and the head file rewritten to match. */
  function rewrite(f: ReturnType<typeof fixture>, at: number) {
    const raw = attacker(f.file);
    const rows = raw.prepare('select * from audit_log where chain = ? order by seq').all(f.chain) as Raw[];
    let prev = GENESIS;
    const upd = raw.prepare('update audit_log set after = ?, prev_hash = ?, hash = ? where id = ?');
    raw.transaction(() => {
      for (const r of rows) {
        const after = r.seq === at ? '{"severity":"low","n":-1}' : r.after;
        const hash = entryHash(prev, { ...fieldsOf(r, f.chain), after });
        upd.run(after, prev, hash, r.id);
        prev = hash;
      }
    })();
    raw.close();
    fs.writeFileSync(f.headsFile, JSON.stringify({ ...readChainHeads(f.headsFile), [f.chain]: { seq: rows.at(-1)!.seq, hash: prev } }));
  }

  const verifyKept = (f: ReturnType<typeof fixture>, k: KeptHead[]) => {
    const ro = new Database(f.file, { readonly: true });
    try {
      return verifyDatabase(ro, { headsFile: f.headsFile, kept: k });
    } finally {
      ro.close();
    }
  };

  it('a kept head older than the end holds while the chain only grew', () => {
    const f = fixture(4);
    const head = readChainHeads(f.headsFile)[f.chain];
    const { db, sqlite } = openDatabase(f.file);
    writeWith(db, (tx) => appendAudit(tx, { chain: f.chain, actorId: null, actorLabel: 'Priya', entity: 'incident', entityId: 'later', action: 'incident.update', at: new Date('2026-03-02T12:00:00Z') }));
    sqlite.close();
    const c = chainOf(verifyKept(f, [{ chain: f.chain, ...head, source: 'a note' }]), f.chain);
    expect(c.status).toBe('intact');
    expect(c.summary).toBe(`intact, ${f.total + 1} entries; 1 kept head confirmed`);
  });

  it('truncation with the head file rewritten: intact by the old check, caught by a kept head', () => {
    const f = fixture();
    const k = kept(f);
    truncate(f, 3);
    expect(chainOf(verify(f.file, f.headsFile), f.chain).status).toBe('intact');
    const c = chainOf(verifyKept(f, [{ chain: f.chain, ...k.head, source: 'a note' }]), f.chain);
    expect(c.status).toBe('tampered');
    expect(c.findings).toEqual([
      { kind: 'truncated', seqs: [f.total - 2, f.total - 1, f.total], message: `The chain stops at #${f.total - 3}, but a note says it reached #${f.total} (hash ${k.head.hash.slice(0, 12)}…): entries were removed at the end.` },
    ]);
  });

  it('an edit re-hashed to the end with the head file rewritten: intact by the old check, caught by a kept head', () => {
    const f = fixture();
    const k = kept(f);
    rewrite(f, 5);
    expect(chainOf(verify(f.file, f.headsFile), f.chain).status).toBe('intact');
    const c = chainOf(verifyKept(f, [{ chain: f.chain, ...k.head, source: 'a note' }]), f.chain);
    expect(c.status).toBe('tampered');
    expect(c.findings).toHaveLength(1);
    expect(c.findings[0]).toMatchObject({ kind: 'rewritten', seqs: [f.total] });
    expect(c.findings[0].message).toMatch(/^The chain was rewritten: entry #\d+ has hash [0-9a-f]{12}…, but a note says/);
  });

  it('npm run audit:verify: --expect, --against and --receipt pass on the intact chain', () => {
    const f = fixture(3);
    const k = kept(f);
    for (const args of [['--expect', `${k.head.seq}:${k.head.hash}`], ['--against', k.exportFile], ['--receipt', k.receiptFile, '--public-key', k.publicKeyFile]]) {
      const run = cli(f.file, args);
      expect(run.status, `${args.join(' ')}\n${run.stdout}${run.stderr}`).toBe(0);
      expect(run.stdout).toContain(`OK   ${f.chain}: intact, ${f.total} entries`);
      expect(run.stdout).toContain(`✓ kept head #${k.head.seq}`);
    }
  });

  it('npm run audit:verify: truncation and a rewrite, each with the head file to match, fail against --expect, --against and --receipt', () => {
    for (const attack of ['truncate', 'rewrite'] as const) {
      const f = fixture(3);
      const k = kept(f);
      if (attack === 'truncate') truncate(f, 2);
      else rewrite(f, 2);
      const old = cli(f.file, []);
      expect(old.status, `${attack}: the old check is fooled`).toBe(0);
      for (const args of [['--expect', `${k.head.seq}:${k.head.hash}`], ['--against', k.exportFile], ['--receipt', k.receiptFile, '--public-key', k.publicKeyFile]]) {
        const run = cli(f.file, args);
        expect(run.status, `${attack} ${args[0]}\n${run.stdout}${run.stderr}`).toBe(1);
        expect(run.stdout).toContain(`FAIL ${f.chain}: tampered`);
        expect(run.stdout).toContain(attack === 'truncate' ? 'entries were removed at the end' : 'The chain was rewritten');
      }
    }
  });

  it('npm run audit:verify: an edited receipt fails its signature; a malformed --expect is an input error', () => {
    const f = fixture(2);
    const k = kept(f);
    const edited = path.join(path.dirname(f.file), 'edited.json');
    fs.writeFileSync(edited, JSON.stringify({ ...k.receipt, seq: k.receipt.seq - 1 }));
    const run = cli(f.file, ['--receipt', edited, '--public-key', k.publicKeyFile]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('the signature does not match the public key');
    const bad = cli(f.file, ['--expect', '12:not-a-hash']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('write it as <seq>:<hash>');
  });

  it('reads the head of a JSON export and of a CSV exported with ?head=line', () => {
    const head = { seq: 7, hash: 'a'.repeat(64) };
    const meta = { dataset: 'audit' as const, production: { id: 'p-1', title: 'A "quoted"\nShow', timeZone: 'UTC' }, takenAt: new Date(), chainHead: head, filters: {} };
    expect(headOfExport(toJson(meta, []))).toEqual({ chain: 'p-1', ...head });
    expect(headOfExport(toCsv(meta, [{ key: 'x', header: 'X' }], [{ x: 1 }], { headLine: true }))).toEqual({ chain: 'p-1', ...head });
    expect(headOfExport(toCsv(meta, [{ key: 'x', header: 'X' }], [{ x: 1 }]))).toBeNull();
    expect(parseExpect(`p-1:7:${'A'.repeat(64)}`)).toEqual({ chain: 'p-1', seq: 7, hash: 'a'.repeat(64) });
    expect(parseExpect('0:' + 'a'.repeat(64))).toBeNull();
  });
});
