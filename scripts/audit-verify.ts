// npm run audit:verify [-- --json] [-- --chain <id>]
//   [-- --expect [<chain>:]<seq>:<hash>]...   a head an auditor noted down
//   [-- --against <export file>]...           the head printed on a JSON export or a CSV with ?head=line
//   [-- --receipt <file>]... [-- --public-key <pem file>]   a signed head receipt from the email
// Walks every audit hash chain and compares its end with the head kept outside the database
// (ARCHITECTURE.md: audit trail). The head file shares the server's disk, so whoever rewrites the
// chain can rewrite it too; heads kept elsewhere (--expect, --against, --receipt) cannot be reached
// that way, and a chain cut short or recomputed fails against them. Exit code 0 when intact
// (warnings included), 1 when tampering is found, 2 when the database or an input cannot be read.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { verifyDatabase } from '../db/audit-chains';
import { chainHeadsPath, databasePath } from '../db/paths';
import { headOfExport, parseExpect, type KeptHead } from '../app/lib/audit-verify';
import { parseReceipt, signatureValid } from '../app/lib/receipts/sign';

class InputError extends Error {}

function values(args: string[], flag: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== flag) continue;
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw new InputError(`${flag} needs a value.`);
    out.push(v);
  }
  return out;
}

function readFile(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`Cannot read the ${what} ${file}.`);
  }
}

/** The public key receipts are checked with: the one given, else the server's own signing key. */
async function receiptPublicKey(args: string[]): Promise<string> {
  const given = values(args, '--public-key')[0];
  if (given) return readFile(given, 'public key');
  const { getReceiptKey } = await import('../app/lib/receipts/keys');
  return getReceiptKey().publicKeyPem;
}

async function keptHeads(args: string[], chainArg: string | undefined): Promise<{ kept: KeptHead[]; notes: string[] }> {
  const kept: KeptHead[] = [];
  const notes: string[] = [];
  for (const v of values(args, '--expect')) {
    const e = parseExpect(v);
    if (!e) throw new InputError(`--expect ${v}: write it as <seq>:<hash> (or <chain>:<seq>:<hash>), the hash in 64 hex digits.`);
    kept.push({ chain: e.chain ?? chainArg ?? '', seq: e.seq, hash: e.hash, source: `the head you expect (#${e.seq})` });
  }
  for (const file of values(args, '--against')) {
    const h = headOfExport(readFile(file, 'export file'));
    if (!h) throw new InputError(`${file}: no chain head found (a JSON export, or a CSV exported with ?head=line).`);
    kept.push({ ...h, source: `the export ${file}` });
  }
  const receipts = values(args, '--receipt');
  if (receipts.length) {
    const publicKey = await receiptPublicKey(args);
    for (const file of receipts) {
      const r = parseReceipt(readFile(file, 'receipt'));
      if (!r.ok) throw new InputError(`${file}: ${r.message}`);
      if (!signatureValid(r.receipt, publicKey)) {
        // A forged receipt proves nothing either way: say so, and count it as a failure.
        notes.push(`FAIL receipt ${file}: the signature does not match the public key — not a receipt this server signed (or it was edited).`);
        continue;
      }
      notes.push(`OK   receipt ${file}: signature valid (${r.receipt.keyId}), signed ${r.receipt.signedAt}, head #${r.receipt.seq}`);
      kept.push({ chain: r.receipt.chain, seq: r.receipt.seq, hash: r.receipt.hash, source: `the receipt ${file} (signed ${r.receipt.signedAt})` });
    }
  }
  return { kept, notes };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const chainArg = values(args, '--chain')[0];
  const chains = chainArg ? [chainArg] : undefined;
  const file = databasePath();
  if (!fs.existsSync(file)) {
    console.error(`No database at ${file} (set DATABASE_PATH).`);
    return 2;
  }
  let kept: KeptHead[];
  let notes: string[];
  try {
    ({ kept, notes } = await keptHeads(args, chainArg));
  } catch (err) {
    if (err instanceof InputError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  const forged = notes.some((n) => n.startsWith('FAIL'));
  // Read-only: verification must never be the thing that changes the evidence.
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const report = verifyDatabase(sqlite, { headsFile: chainHeadsPath(), chains, kept });
  const ms = performance.now() - t0;
  // The walk streams (ARCHITECTURE.md: performance budget): the process's peak memory barely moves
  // whatever the chain's length. maxRSS is in kilobytes.
  const memory = { rssBeforeMb: +(rssBefore / 2 ** 20).toFixed(1), peakRssMb: +((process.resourceUsage().maxRSS * 1024) / 2 ** 20).toFixed(1) };
  sqlite.close();

  if (json) {
    console.log(JSON.stringify({ database: file, heads: chainHeadsPath(), ms: Math.round(ms), memory, receipts: notes, ...report }, null, 2));
  } else {
    console.log(`Database: ${file}`);
    console.log(`Heads:    ${chainHeadsPath()}${fs.existsSync(chainHeadsPath()) ? '' : ' (missing)'}`);
    for (const n of notes) console.log(n);
    for (const c of report.chains) {
      const mark = c.status === 'intact' ? 'OK  ' : c.status === 'warning' ? 'WARN' : 'FAIL';
      console.log(`${mark} ${c.chain}: ${c.status === 'tampered' ? `tampered, ${c.entries} entries` : `intact, ${c.entries} entries`}`);
      for (const k of (report.kept ?? []).filter((h) => h.chain === c.chain)) {
        const bad = c.findings.some((f) => f.message.includes(k.source));
        console.log(`       ${bad ? '✗' : '✓'} kept head #${k.seq} ${k.hash.slice(0, 12)}… from ${k.source}`);
      }
      for (const f of c.findings) console.log(`       - [${f.kind}] ${f.message}`);
      for (const w of c.warnings) console.log(`       ! [${w.kind}] ${w.message}`);
    }
    console.log(`${forged ? 'tampered: a receipt is forged or edited; ' : ''}${report.summary} (${ms.toFixed(0)} ms)`);
  }
  return report.status === 'tampered' || forged ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 2;
  },
);
