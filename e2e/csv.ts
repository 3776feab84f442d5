// Reads an export the way a real CSV reader does (csv-parse, RFC 4180). A leading '#' line (the
// chain head, when asked for with ?head=line) is returned apart as a comment.
import { parse } from 'csv-parse/sync';

export function parseCsv(text: string): { comments: string[]; header: string[]; rows: Record<string, string>[] } {
  const comments: string[] = [];
  let rest = text;
  while (rest.startsWith('#')) {
    const nl = rest.indexOf('\n');
    comments.push(rest.slice(0, nl < 0 ? undefined : nl).replace(/\r$/, ''));
    rest = nl < 0 ? '' : rest.slice(nl + 1);
  }
  const [header = [], ...body] = parse(rest, { relax_column_count: false }) as string[][];
  return { comments, header, rows: body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? '']))) };
}

/** What a spreadsheet would run: a cell, or any line of it, starting with a formula trigger (numbers aside). */
export function liveFormula(cell: string): boolean {
  return cell.split(/\r\n|\r|\n/).some((line) => /^[=+\-@\t]/.test(line) && !/^-?\d+(\.\d+)?$/.test(line));
}
