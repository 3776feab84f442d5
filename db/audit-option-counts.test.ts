// audit_option_counts is kept by a trigger on audit_log (ARCHITECTURE.md: performance budget,
// growth): after any run of entries, by any writer, it equals the entries counted afresh.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase, writeWith } from './client';
import { appendAudit } from '../app/lib/audit';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-option-counts-'));
const file = path.join(dir, 'setsafe.db');
process.env.DATABASE_PATH = file; // the chain head file lands beside it
const handle = openDatabase(file);

const FRESH = `select chain, entity, action, coalesce(actor_id, '') as actorKey, max(actor_label) as label, count(*) as n
  from audit_log group by chain, entity, action, coalesce(actor_id, '') order by 1, 2, 3, 4`;
const KEPT = 'select chain, entity, action, actor_key as actorKey, label, n from audit_option_counts order by 1, 2, 3, 4';

describe('audit_option_counts', () => {
  it('equals the entries counted afresh, people without an account and renamed people included', () => {
    const entry = fc.record({
      chain: fc.constantFrom('p1', 'p2', 'site'),
      entity: fc.constantFrom('incident', 'hold'),
      action: fc.constantFrom('incident.update', 'hold.call'),
      actor: fc.option(fc.constantFrom('u1', 'u2'), { nil: null }),
      label: fc.constantFrom('Ann', 'Ann B.', 'Bob'),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (entries) => {
        writeWith(handle.db, (tx) => {
          for (const e of entries)
            appendAudit(tx, {
              chain: e.chain, actorId: e.actor, actorLabel: e.label, entity: e.entity, entityId: 'x',
              action: e.action as 'incident.update' | 'hold.call', after: {}, at: new Date(0),
            });
        });
        expect(handle.sqlite.prepare(KEPT).all()).toEqual(handle.sqlite.prepare(FRESH).all());
      }),
      { numRuns: 50 },
    );
  });
});
