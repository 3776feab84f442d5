import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prewarmPageCache } from './prewarm';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-prewarm-'));
const db = path.join(dir, 'setsafe.db');
fs.writeFileSync(db, Buffer.alloc(3 * (1 << 20) + 17, 1));
fs.writeFileSync(`${db}-wal`, Buffer.alloc(5000, 2));

describe('prewarmPageCache', () => {
  afterEach(() => {
    delete process.env.SETSAFE_PREWARM;
  });

  it('reads every byte of the database and its WAL; a missing file is passed over', async () => {
    const r = await prewarmPageCache([db, `${db}-wal`, `${db}-missing`]);
    expect(r).toMatchObject({ bytes: 3 * (1 << 20) + 17 + 5000 });
  });

  it('stops at its time limit and says how much it read of how much', async () => {
    const r = await prewarmPageCache([db, `${db}-wal`], Infinity, 0);
    expect(r).toEqual({ bytes: 1 << 20, ms: expect.any(Number), of: 3 * (1 << 20) + 17 + 5000 });
  });

  it('leaves files larger than its budget alone, and says why', async () => {
    const r = await prewarmPageCache([db], 1000);
    expect(r).toEqual({ skipped: expect.stringContaining('more than half the memory available') });
  });

  it('is off with SETSAFE_PREWARM=0', async () => {
    process.env.SETSAFE_PREWARM = '0';
    expect(await prewarmPageCache([db])).toEqual({ skipped: 'SETSAFE_PREWARM=0' });
  });
});
