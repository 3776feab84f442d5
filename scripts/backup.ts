// npm run backup [-- <target folder>] — a consistent online copy while the app runs.
//
// The database is copied with SQLite's online backup API (better-sqlite3 `backup()`), which
// yields a transactionally consistent snapshot even while other connections write. The chain
// heads are read BEFORE the snapshot, so every head in the copy is at or behind its database
// (a restored copy verifies as intact). Attachments, certificate scans, the auth secret and the heads go beside it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { attachmentsDir, authSecretPath, certificatesDir, chainHeadsPath, databasePath } from '../db/paths';

export async function backup(target?: string): Promise<{ dir: string; bytes: number; attachments: number }> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = path.resolve(target ?? path.join(path.dirname(databasePath()), '..', 'backups', `setsafe-${stamp}`));
  fs.mkdirSync(dir, { recursive: true });

  const heads = fs.existsSync(chainHeadsPath()) ? fs.readFileSync(chainHeadsPath()) : null;
  // Attachments are written before their row commits, so files listed now cover every row the
  // snapshot can hold (stray extra files are harmless).
  const attachments = fs.existsSync(attachmentsDir()) ? fs.readdirSync(attachmentsDir()) : [];
  const certificates = fs.existsSync(certificatesDir()) ? fs.readdirSync(certificatesDir()) : [];

  const src = new Database(databasePath(), { fileMustExist: true });
  src.pragma('busy_timeout = 5000');
  const dest = path.join(dir, path.basename(databasePath()));
  // One step copies every page: a step-by-step copy restarts whenever the app writes between
  // steps and could chase a busy database forever.
  await src.backup(dest, { progress: () => 0x7fffffff });
  src.close();

  if (heads) fs.writeFileSync(path.join(dir, 'chain-heads.json'), heads);
  if (fs.existsSync(authSecretPath())) fs.copyFileSync(authSecretPath(), path.join(dir, 'auth-secret'));
  if (attachments.length) {
    fs.mkdirSync(path.join(dir, 'attachments'), { recursive: true });
    for (const f of attachments) fs.copyFileSync(path.join(attachmentsDir(), f), path.join(dir, 'attachments', f));
  }
  if (certificates.length) {
    fs.mkdirSync(path.join(dir, 'certificates'), { recursive: true });
    for (const f of certificates) fs.copyFileSync(path.join(certificatesDir(), f), path.join(dir, 'certificates', f));
  }
  // The copy must be a single self-contained file: fold any WAL into it.
  const check = new Database(dest);
  check.pragma('journal_mode = DELETE');
  const integrity = check.pragma('integrity_check', { simple: true });
  check.close();
  if (integrity !== 'ok') throw new Error(`backup integrity check failed: ${String(integrity)}`);
  fs.writeFileSync(
    path.join(dir, 'RESTORE.txt'),
    [
      'SetSafe backup',
      `taken: ${new Date().toISOString()}`,
      `from: ${databasePath()}`,
      '',
      'To restore: stop the app, then copy these files into an empty data folder:',
      `  ${path.basename(databasePath())} -> the DATABASE_PATH file`,
      '  chain-heads.json, auth-secret, attachments/, certificates/ -> the same folder',
      'Start the app (or `npm run audit:verify`) to check the audit chains.',
      '',
    ].join('\n'),
  );
  return { dir, bytes: fs.statSync(dest).size, attachments: attachments.length };
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join('scripts', 'backup.ts'))) {
  backup(process.argv[2]).then(
    (r) => console.log(`Backup written to ${r.dir} (${(r.bytes / 1024).toFixed(0)} KiB database, ${r.attachments} attachments). See RESTORE.txt there.`),
    (err) => {
      console.error(`Backup failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
