// npm run audit:verify [-- --json] [-- --chain <id>]
// Walks every audit hash chain and compares its end with the head kept outside the database
// (ARCHITECTURE.md: audit trail). Exit code 0 when intact (warnings included), 1 when tampering is
// found, 2 when the database cannot be opened.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { verifyDatabase } from '../db/audit-chains';
import { chainHeadsPath, databasePath } from '../db/paths';

function main(): number {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const chainArg = args.indexOf('--chain');
  const chains = chainArg >= 0 && args[chainArg + 1] ? [args[chainArg + 1]] : undefined;
  const file = databasePath();
  if (!fs.existsSync(file)) {
    console.error(`No database at ${file} (set DATABASE_PATH).`);
    return 2;
  }
  // Read-only: verification must never be the thing that changes the evidence.
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const t0 = performance.now();
  const report = verifyDatabase(sqlite, { headsFile: chainHeadsPath(), chains });
  const ms = performance.now() - t0;
  sqlite.close();

  if (json) {
    console.log(JSON.stringify({ database: file, heads: chainHeadsPath(), ms: Math.round(ms), ...report }, null, 2));
  } else {
    console.log(`Database: ${file}`);
    console.log(`Heads:    ${chainHeadsPath()}${fs.existsSync(chainHeadsPath()) ? '' : ' (missing)'}`);
    for (const c of report.chains) {
      const mark = c.status === 'intact' ? 'OK  ' : c.status === 'warning' ? 'WARN' : 'FAIL';
      console.log(`${mark} ${c.chain}: ${c.status === 'tampered' ? `tampered, ${c.entries} entries` : `intact, ${c.entries} entries`}`);
      for (const f of c.findings) console.log(`       - [${f.kind}] ${f.message}`);
      for (const w of c.warnings) console.log(`       ! [${w.kind}] ${w.message}`);
    }
    console.log(`${report.summary} (${ms.toFixed(0)} ms)`);
  }
  return report.status === 'tampered' ? 1 : 0;
}

process.exitCode = main();
