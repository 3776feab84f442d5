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
  dataset: Dataset;
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

export function toCsv(meta: ExportMeta, columns: Column[], rows: Row[], opts: { headLine?: boolean } = {}): string {
  const body = stringify(rows, {
    header: true,
    columns,
    cast: {
      string: (v) => neutraliseFormula(v),
      boolean: (v) => (v ? 'yes' : 'no'),
      // Numbers stay numbers: a negative count is data, not a formula, and is written unquoted.
      number: (v) => String(v),
    },
    record_delimiter: '\r\n',
    // csv-stringify quotes a cell holding the record delimiter ("\r\n"), the field delimiter or a
    // quote, but not a lone "\n" or "\r": any line break must be quoted too, or it starts a row.
    quoted_match: /[\r\n]/,
  });
  return opts.headLine ? `${chainHeadLine(meta)}\r\n${body}` : body;
}

export function toJson(meta: ExportMeta, rows: Row[]): string {
  return JSON.stringify(
    {
      dataset: meta.dataset,
      production: meta.production,
      takenAt: meta.takenAt.toISOString(),
      chainHead: meta.chainHead,
      filters: meta.filters,
      count: rows.length,
      rows,
    },
    null,
    2,
  );
}
