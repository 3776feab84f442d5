// A small RFC 4180 reader for tests (the app writes CSV with csv-stringify; no parser is installed).
// Lines starting with '#' before the header are returned apart as comments.
export function parseCsv(text: string): { comments: string[]; header: string[]; rows: Record<string, string>[] } {
  const comments: string[] = [];
  let rest = text;
  while (rest.startsWith('#')) {
    const nl = rest.indexOf('\n');
    comments.push(rest.slice(0, nl < 0 ? undefined : nl).replace(/\r$/, ''));
    rest = nl < 0 ? '' : rest.slice(nl + 1);
  }
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (quoted) {
      if (c === '"' && rest[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && rest[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  const [header = [], ...body] = records;
  return { comments, header, rows: body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? '']))) };
}
