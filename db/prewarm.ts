// Reads the database file once at start, before the first request, so the OS page cache holds it when
// the first views need it (ARCHITECTURE.md: performance budget, a cold start). better-sqlite3
// answers synchronously on the server's one thread: on a cold cache every page a query touches is
// a random read from disk (≈ 10 ms each on these machines), and the first dashboard view of a
// long production held every request behind it for 20 s. Reading the file in order runs at the
// disk's sequential rate (≈ 240 MB/s here: 10 s for a 2.5 GB database).
import fs from 'node:fs/promises';
import os from 'node:os';

export type PrewarmResult = { bytes: number; ms: number; of: number } | { skipped: string };

const CHUNK = 1 << 20;

/**
 * Reads `files` (the database and its WAL) to the end, one chunk at a time. Skipped when
 * SETSAFE_PREWARM=0, or when they would take more than half the memory the OS says is available
 * (`budget`): warming must not push out what other processes have cached. It stops after
 * `limitMs` (SETSAFE_PREWARM_SECONDS, default 60), so a start is never held longer than that;
 * what was not read is read when a query needs it.
 */
export async function prewarmPageCache(
  files: string[],
  budget = os.freemem() / 2,
  limitMs = 1000 * (Number(process.env.SETSAFE_PREWARM_SECONDS) || 60),
): Promise<PrewarmResult> {
  if (process.env.SETSAFE_PREWARM === '0') return { skipped: 'SETSAFE_PREWARM=0' };
  const sizes = await Promise.all(files.map((f) => fs.stat(f).then((s) => s.size, () => 0)));
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total > budget) return { skipped: `${mb(total)} is more than half the memory available (${mb(budget * 2)})` };
  const started = performance.now();
  const buf = Buffer.allocUnsafe(CHUNK);
  let bytes = 0;
  let stopped = false;
  for (const f of files) {
    if (stopped) break;
    const handle = await fs.open(f, 'r').catch(() => null);
    if (!handle) continue;
    try {
      for (;;) {
        const { bytesRead } = await handle.read(buf, 0, CHUNK, null); // from where the last read ended
        if (bytesRead === 0) break;
        bytes += bytesRead;
        if (performance.now() - started > limitMs) {
          stopped = true;
          break;
        }
      }
    } finally {
      await handle.close();
    }
  }
  return { bytes, ms: Math.round(performance.now() - started), of: total };
}

export const mb = (n: number) => `${(n / 1e6).toFixed(n < 1e7 ? 1 : 0)} MB`;
