import { describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { CHUNK_ROWS, chunkStream, csvChunks, jsonTextChunks, neutraliseFormula, type Column, type Row } from './export-format';

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

// The firearms report's JSON file is written around row sources read as it goes; its text must
// stay what JSON.stringify writes of the same value with every source read into an array.
describe('jsonTextChunks', () => {
  /** A row source as the report's growing tables give one: iterable, not an array, re-readable. */
  const source = <T>(items: T[]) => ({ *[Symbol.iterator]() { yield* items; } });
  const rows = Array.from({ length: CHUNK_ROWS * 2 + 3 }, (_, i) => ({ n: i, text: i % 2 ? 'line\nbreak "quoted"' : 'é 漢字', none: null, nested: { a: [i, { b: 'x' }] } }));
  const value = (make: <T>(items: T[]) => Iterable<T> | T[]) => ({
    at: new Date(0),
    skipped: undefined,
    fn: () => 1,
    figures: [{ key: 'k', value: 1 }],
    sections: [
      { key: 'a', note: undefined, tables: [{ rows: make(rows), total: 3 }, { rows: make([]), empty: 'none' }] },
      { key: 'b', tables: [], list: [1, [2, 3], {}], empty: {} },
    ],
    top: make([1, 'two', null]),
  });

  it('writes the same text as JSON.stringify(…, null, 2) of the value read whole, CHUNK_ROWS rows a chunk', () => {
    const chunks = [...jsonTextChunks(value(source))];
    expect(chunks.join('')).toBe(JSON.stringify(value((x) => x), null, 2));
    // The long source leaves in chunks of CHUNK_ROWS rows, not in one piece.
    expect(chunks.filter((c) => c.includes('"n": ')).length).toBeGreaterThanOrEqual(3);
  });

  it('stringifies a value with no row source in one piece', () => {
    const plain = { a: [1, { b: null }], c: 'd' };
    expect([...jsonTextChunks(plain)]).toEqual([JSON.stringify(plain, null, 2)]);
    expect([...jsonTextChunks(source([]))].join('')).toBe('[]');
  });
});

describe('chunkStream', () => {
  const read = async (s: ReadableStream<Uint8Array>) => new TextDecoder().decode(new Uint8Array(await new Response(s).arrayBuffer()));

  it('writes every chunk and closes the source once at the end', async () => {
    let closed = 0;
    expect(await read(chunkStream(['a', 'b', 'c'][Symbol.iterator](), () => closed++))).toBe('abc');
    expect(closed).toBe(1);
  });

  it('makes a chunk only when the one before is taken, and closes the source when the client gives up', async () => {
    let made = 0;
    let closed = 0;
    function* chunks() {
      for (;;) {
        made++;
        yield 'x';
      }
    }
    const reader = chunkStream(chunks(), () => closed++).getReader();
    await reader.read();
    const before = made;
    await reader.cancel();
    expect(closed).toBe(1);
    // An endless source: only what the stream's queue asked for was made.
    expect(before).toBeLessThanOrEqual(2);
  });

  it('closes the source and fails the stream when a chunk cannot be made', async () => {
    let closed = 0;
    function* broken(): Generator<string> {
      yield 'a';
      throw new Error('read failed');
    }
    await expect(read(chunkStream(broken(), () => closed++))).rejects.toThrow(/read failed/);
    expect(closed).toBe(1);
  });
});
