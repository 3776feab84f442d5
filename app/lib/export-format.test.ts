import { describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { CHUNK_ROWS, csvChunks, neutraliseFormula, type Column, type Row } from './export-format';

// csvChunks writes each record itself (no csv-stringify call per chunk, for the heap's sake:
// ARCHITECTURE.md, exports in constant memory); its text must stay what csv-stringify writes.
describe('csvChunks', () => {
  const columns: Column[] = ['a', 'b', 'c', 'd'].map((key) => ({ key, header: key.toUpperCase() }));
  const cells: Row[string][] = [
    '', 'plain', 'with, comma', 'say "hi"', '"', 'line\nbreak', 'carriage\rreturn', 'crlf\r\nend', 'ends\r', '=SUM(A1)', '+1', '-2', '@x', '\tTab',
    'ok\n=cmd', 'é ü 漢字', ' spaced ', null, true, false, 0, -3, 2.5, 1e21,
  ];
  const rows: Row[] = Array.from({ length: CHUNK_ROWS * 2 + 7 }, (_, i) => ({
    a: cells[i % cells.length], b: cells[(i * 7 + 3) % cells.length], c: cells[(i * 13 + 5) % cells.length], d: i,
  }));
  const meta = { dataset: 'checks' as const, production: { id: 'p', title: 'T', timeZone: 'UTC' }, takenAt: new Date(0), chainHead: null, filters: {} };

  it('writes the same text as one csv-stringify call, CHUNK_ROWS rows a chunk', () => {
    const chunks = [...csvChunks(meta, columns, rows)];
    expect(chunks.length).toBe(1 + Math.ceil(rows.length / CHUNK_ROWS));
    const expected = stringify(rows, {
      header: true, columns, record_delimiter: '\r\n', quoted_match: /[\r\n]/,
      cast: { string: neutraliseFormula, boolean: (v) => (v ? 'yes' : 'no'), number: (v) => String(v) },
    });
    expect(chunks.join('')).toBe(expected);
  });

  it('writes only the header for no rows', () => {
    expect([...csvChunks(meta, columns, [])].join('')).toBe('A,B,C,D\r\n');
  });
});
