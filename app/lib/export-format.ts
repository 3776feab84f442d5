// Export files (CSV and JSON) with the chain head they were taken at. Pure (no db, no Next).
//
// CSV layout: the first row is the header, then one row per record, so a spreadsheet opens it
// clean. The audit chain head (seq and hash, read in the same database snapshot as the rows) is in
// the X-SetSafe-Chain-Head response header and, on request (`?head=line`), on a leading '#'
// comment line that csv-parse reads with `comment: '#'` (README: Exports).
// JSON: { dataset, production, takenAt, chainHead: { seq, hash }, filters, rows }.
import { stringify } from 'csv-stringify/sync';

export const DATASETS = ['incidents', 'checks', 'custody', 'audit'] as const;
export type Dataset = (typeof DATASETS)[number];
export const FORMATS = ['csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export type Column = { key: string; header: string };
export type ExportMeta = {
  /** An export dataset, or the firearms report's CSV (db/queries/wrap-report.ts). */
  dataset: Dataset | 'firearms-report';
  production: { id: string; title: string; timeZone: string };
  takenAt: Date;
  chainHead: { seq: number; hash: string } | null;
  filters: Record<string, string>;
};
export type Row = Record<string, string | number | boolean | null>;

/**
 * Spreadsheet formula injection (CWE-1236): a line starting with = + - @, a tab or a carriage
 * return may run as a formula when opened. A leading single quote makes it plain text. Every line
 * start of the cell is neutralised, not only the first: a spreadsheet that splits a cell at its
 * line breaks (or a reader that mis-quotes it) would otherwise meet a live formula on line two.
 */
export function neutraliseFormula(s: string): string {
  return s.replace(/(?<=^|[\r\n])(?=[=+\-@\t\r])/g, "'");
}

export function chainHeadLine(meta: ExportMeta): string {
  const head = meta.chainHead ? `seq=${meta.chainHead.seq} hash=${meta.chainHead.hash}` : 'seq=0 hash=none';
  // The title is user text: keep it on one line and out of the key=value structure.
  const title = meta.production.title.replace(/[\r\n"]/g, ' ');
  return `# SetSafe export dataset=${meta.dataset} production="${title}" production_id=${meta.production.id} taken_at=${meta.takenAt.toISOString()} chain_head ${head}`;
}

const CSV_OPTIONS = {
  cast: {
    string: (v: string) => neutraliseFormula(v),
    boolean: (v: boolean) => (v ? 'yes' : 'no'),
    // Numbers stay numbers: a negative count is data, not a formula, and is written unquoted.
    number: (v: number) => String(v),
  },
  record_delimiter: '\r\n',
  // csv-stringify quotes a cell holding the record delimiter ("\r\n"), the field delimiter or a
  // quote, but not a lone "\n" or "\r": any line break must be quoted too, or it starts a row.
  quoted_match: /[\r\n]/,
} as const;

/**
 * Rows written per chunk of a streamed file, and read per page by the paged exports: what an
 * export holds at once (ARCHITECTURE.md: exports in constant memory). Small on purpose: the rows of
 * a chunk are alive from the first one's read until the chunk is written, and objects alive across
 * two young-generation collections are promoted to the old generation, which only a full
 * collection empties. At 1,000 rows (about 13 MB allocated while a chunk of checks is built) a
 * chunk outlived a collection, a tenth of every row's garbage was promoted, and the server grew by
 * 170 MB of dead rows before a full collection ran; at 100 almost nothing is promoted.
 */
export const CHUNK_ROWS = 100;

/**
 * The CSV file in chunks (ARCHITECTURE.md: exports in constant memory): the optional head line,
 * the header row, then CHUNK_ROWS rows at a time, each chunk made only when the one before was taken.
 */
export function* csvChunks(meta: ExportMeta, columns: Column[], rows: Iterable<Row>, opts: { headLine?: boolean } = {}): Generator<string> {
  if (opts.headLine) yield `${chainHeadLine(meta)}\r\n`;
  yield stringify([Object.fromEntries(columns.map((c) => [c.key, c.header]))], { ...CSV_OPTIONS, columns, header: false, cast: {} });
  // Each row becomes its line at once, as the JSON file's rows do: no chunk of row objects waits
  // for a csv-stringify call (which also allocates several arrays and objects per cell), so what a
  // chunk holds is its text, and the rows die young (ARCHITECTURE.md: exports in constant memory).
  let n = 0;
  let chunk = '';
  for (const row of rows) {
    chunk += csvLine(row, columns);
    if (++n % CHUNK_ROWS === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

const MUST_QUOTE = /[",\r\n]/;

/**
 * One record as csv-stringify writes it with CSV_OPTIONS (db/queries/exports.test.ts holds the two
 * equal): strings neutralised, booleans yes/no, numbers as written, null empty; a cell holding a
 * quote, a comma or any line break quoted, its quotes doubled; cells joined by commas, CRLF after.
 */
function csvLine(row: Row, columns: Column[]): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    const v = row[columns[i].key];
    const cell = typeof v === 'string' ? neutraliseFormula(v) : typeof v === 'boolean' ? (v ? 'yes' : 'no') : v === null || v === undefined ? '' : String(v);
    line += (i ? ',' : '') + (MUST_QUOTE.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  }
  return `${line}\r\n`;
}

export function toCsv(meta: ExportMeta, columns: Column[], rows: Row[], opts: { headLine?: boolean } = {}): string {
  return [...csvChunks(meta, columns, rows, opts)].join('');
}

/**
 * The JSON file in chunks, the same text JSON.stringify(…, null, 2) makes of the whole: the head
 * fields (with the row count, read in the same snapshot as the rows), then the rows, a source
 * `jsonTextChunks` reads CHUNK_ROWS at a time.
 */
export function jsonChunks(meta: ExportMeta, rows: Iterable<Row>, count: number): Generator<string> {
  const { dataset, production, takenAt, chainHead, filters } = meta;
  return jsonTextChunks({ dataset, production, takenAt: takenAt.toISOString(), chainHead, filters, count, rows });
}

export function toJson(meta: ExportMeta, rows: Row[]): string {
  return [...jsonChunks(meta, rows, rows.length)].join('');
}

/** An iterable that JSON.stringify cannot read (it is not an array): a source of rows read as it is written. */
const isRowSource = (v: unknown): v is Iterable<unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function';
const holdsRowSource = (v: unknown): boolean =>
  isRowSource(v) || (typeof v === 'object' && v !== null && !(v instanceof Date) && Object.values(v).some(holdsRowSource));

/**
 * `JSON.stringify(value, null, 2)` in chunks, where `value` may hold row sources (iterables that are
 * not arrays: the firearms report's growing tables): each is written as the array it would be,
 * CHUNK_ROWS rows a chunk, read only as it is written (ARCHITECTURE.md: exports in constant memory).
 * The text is that of stringifying the value with every row source read into an array; the parts
 * that hold none are stringified whole.
 */
export function* jsonTextChunks(value: unknown, pad = ''): Generator<string> {
  const inner = `${pad}  `;
  if (isRowSource(value)) {
    let n = 0;
    let chunk = '[';
    for (const item of value) {
      chunk += `${n++ ? ',' : ''}\n${inner}${(JSON.stringify(item, null, 2) ?? 'null').replaceAll('\n', `\n${inner}`)}`;
      if (n % CHUNK_ROWS === 0) {
        yield chunk;
        chunk = '';
      }
    }
    yield `${chunk}${n ? `\n${pad}` : ''}]`;
  } else if (!holdsRowSource(value)) {
    yield (JSON.stringify(value, null, 2) ?? 'null').replaceAll('\n', `\n${pad}`);
  } else if (Array.isArray(value)) {
    yield '[';
    for (const [i, item] of value.entries()) {
      yield `${i ? ',' : ''}\n${inner}`;
      yield* jsonTextChunks(item, inner);
    }
    yield `\n${pad}]`;
  } else {
    // What JSON.stringify leaves out of an object: undefined, functions and symbols.
    const entries = Object.entries(value as object).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
    yield '{';
    for (const [i, [key, v]] of entries.entries()) {
      yield `${i ? ',' : ''}\n${inner}${JSON.stringify(key)}: `;
      yield* jsonTextChunks(v, inner);
    }
    yield `\n${pad}}`;
  }
}

/**
 * A file's chunks as a response body that makes the next chunk only when the client has taken the
 * one before (backpressure), and calls `close` (the snapshot the rows are read from) when the file
 * is written, fails or is abandoned (ARCHITECTURE.md: exports in constant memory).
 */
export function chunkStream(chunks: Iterator<string>, close: () => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      try {
        const next = chunks.next();
        if (next.done) {
          close();
          controller.close();
        } else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        close();
        controller.error(err);
      }
    },
    cancel() {
      close();
    },
  });
}

/** A production's title as a file-name part: "Dry Creek (demo)" → "dry-creek-demo". */
export function fileSlug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'production';
}

/** A download of an export file: never cached, and the chain head it was read at in its header (README: Exports). */
export function downloadResponse(body: BodyInit, format: Format, name: string, chainHead: { seq: number; hash: string } | null): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
      'X-SetSafe-Chain-Head': chainHead ? `${chainHead.seq}:${chainHead.hash}` : '0:none',
    },
  });
}
