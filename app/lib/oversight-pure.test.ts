import { describe, expect, it } from 'vitest';
import { chainHeadLine, neutraliseFormula, toCsv, toJson, type ExportMeta } from './export-format';
import { diffEntry, fieldLabel, formatValue, redactPersonal, redactStored } from './audit-diff';
import { lastWeeks, mondayOf, dayRange, weeksUpTo } from './calendar';
import { auditFiltersSchema, flatParams, parseLenient } from './schemas/oversight';
import { parse } from 'csv-parse/sync';

const meta: ExportMeta = {
  dataset: 'incidents',
  production: { id: 'p1', title: 'Dry "Creek"\nShow', timeZone: 'America/Denver' },
  takenAt: new Date('2026-11-18T20:00:00Z'),
  chainHead: { seq: 42, hash: 'a'.repeat(64) },
  filters: {},
};

/** What a spreadsheet would run: a cell, or any line of it, starting with a formula trigger. */
const live = (cell: string) => cell.split(/\r\n|\r|\n/).some((line) => /^[=+\-@\t]/.test(line) && !/^-?\d+(\.\d+)?$/.test(line));

describe('CSV export', () => {
  it('neutralises every formula trigger at every line start, and nothing else', () => {
    for (const s of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ['plain', ' =1', "'already", '1-2', '', 'a = b\nc - d']) expect(neutraliseFormula(s)).toBe(s);
    expect(neutraliseFormula('ok\n=HYPERLINK("x")\r\n+1\r@a')).toBe(`ok\n'=HYPERLINK("x")\r\n'+1\r'@a`);
  });

  const columns = [{ key: 'a', header: 'alpha' }, { key: 'b', header: 'beta' }, { key: 'n', header: 'n' }];
  const rows = [
    { a: '=HYPERLINK("http://x")', b: 'line1\nline2, "quoted"', n: -3 },
    { a: 'a description\n=HYPERLINK("http://evil.example","open")', b: 'cr\r+SUM(1)', n: 1 },
    { a: true, b: null, n: 0 },
  ];

  it('a line break inside a cell never starts a row: a real CSV parser reads the same records back', () => {
    const csv = toCsv(meta, columns, rows);
    const records = parse(csv, { columns: true, relax_quotes: false }) as Record<string, string>[];
    expect(records).toHaveLength(rows.length);
    expect(records[0]).toEqual({ alpha: `'=HYPERLINK("http://x")`, beta: 'line1\nline2, "quoted"', n: '-3' });
    expect(records[1]).toEqual({ alpha: `a description\n'=HYPERLINK("http://evil.example","open")`, beta: "cr\r'+SUM(1)", n: '1' });
    expect(records[2]).toEqual({ alpha: 'yes', beta: '', n: '0' });
    expect(records.flatMap((r) => Object.values(r)).filter(live)).toEqual([]);
  });

  it('a spreadsheet that splits at every line break still meets no live formula', () => {
    const csv = toCsv(meta, columns, rows);
    // The rule a naive importer applies: one line, one row, cells split at commas.
    const lines = csv.split(/\r\n|\n|\r/);
    const cells = lines.flatMap((l) => l.split(',')).map((c) => c.replace(/^"/, ''));
    expect(cells.filter(live)).toEqual([]);
  });

  it('the first row is the header; the chain head line comes first only when asked for', () => {
    expect(toCsv(meta, columns, rows).split('\r\n')[0]).toBe('alpha,beta,n');
    const withHead = toCsv(meta, columns, rows, { headLine: true });
    expect(withHead.split('\r\n')[0]).toBe(
      `# SetSafe export dataset=incidents production="Dry  Creek  Show" production_id=p1 taken_at=2026-11-18T20:00:00.000Z chain_head seq=42 hash=${'a'.repeat(64)}`,
    );
    expect(withHead.split('\r\n')[0]).toBe(chainHeadLine(meta));
    expect(parse(withHead, { columns: true, comment: '#' })).toEqual(parse(toCsv(meta, columns, rows), { columns: true }));
  });

  it('JSON carries the head as a field', () => {
    const j = JSON.parse(toJson(meta, [{ a: '=x' }]));
    expect(j.chainHead).toEqual({ seq: 42, hash: 'a'.repeat(64) });
    expect(j.rows).toEqual([{ a: '=x' }]); // JSON is data, not a spreadsheet: left as written
    expect(j.count).toBe(1);
  });
});

describe('audit diff and injury privacy', () => {
  const before = JSON.stringify({ incidentId: 'i1', employeeName: 'Jo Private', physicianName: 'Dr X', injuryDescription: 'cut', died: false });
  const after = JSON.stringify({ incidentId: 'i1', employeeName: 'Jo Q. Private', physicianName: 'Dr X', facilityNameAddress: 'ER', injuryDescription: 'deep cut', died: false });

  it('shows only the fields that changed, field by field', () => {
    const d = diffEntry(before, after, { hidePersonal: false });
    expect(d.changes.map((c) => [c.field, c.kind])).toEqual([
      ['employeeName', 'changed'],
      ['injuryDescription', 'changed'],
      ['facilityNameAddress', 'added'],
    ]);
    expect(d.hidden).toBe(0);
  });

  it('leaves the personal Form 301 fields out for those who may not see them, and says how many', () => {
    const d = diffEntry(before, after, { hidePersonal: true });
    expect(d.changes.map((c) => c.field)).toEqual(['injuryDescription']);
    expect(d.hidden).toBe(3);
    expect(JSON.stringify(d)).not.toMatch(/Private|Dr X|ER"/);
  });

  it('recognises the dotted injury keys the incident core writes', () => {
    const d = diffEntry(JSON.stringify({ 'injury.employeeName': null, 'injury.howOccurred': null }), JSON.stringify({ 'injury.employeeName': 'Jo', 'injury.howOccurred': 'slipped' }), { hidePersonal: true });
    expect(d.changes.map((c) => c.field)).toEqual(['injury.howOccurred']);
    expect(d.hidden).toBe(1);
  });

  it('redacts at any depth and in snake_case', () => {
    expect(redactPersonal({ injury: { employee_address: '1 Road', caseNumber: '7' } })).toEqual({ value: { injury: { caseNumber: '7' } }, removed: 1 });
    expect(redactStored('{"employeeSex":"F","howOccurred":"fell"}')).toBe('{"howOccurred":"fell"}');
    expect(redactStored(null)).toBeNull();
  });

  it('a creation lists every field as added; nested checklists become lines', () => {
    const d = diffEntry(null, JSON.stringify({ result: 'pass', checklist: { bore_clear: true } }), { hidePersonal: false });
    expect(d.changes.map((c) => [c.label, c.kind])).toEqual([
      ['Result', 'added'],
      ['Checklist: bore clear', 'added'],
    ]);
  });

  it('formats values for people', () => {
    expect(formatValue('2026-11-18T20:00:00.000Z', 'America/Denver')).toMatch(/^18 Nov 2026, 13:00 /);
    expect(formatValue(true, 'UTC')).toBe('yes');
    expect(formatValue(null, 'UTC')).toBe('—');
    expect(formatValue(['a', 'b'], 'UTC')).toBe('a, b');
    // The trail shows the owner's name in that field, so the label names the role, not an id.
    expect(fieldLabel('ownerId')).toBe('Owner');
    expect(fieldLabel('firearmId')).toBe('Firearm');
    expect(fieldLabel('id')).toBe('ID');
    expect(fieldLabel('checklist.bore_clear')).toBe('Checklist: bore clear');
  });
});

describe('calendar weeks in the production zone', () => {
  it('Monday weeks, edges at local midnight across a DST change', () => {
    expect(mondayOf('2026-11-22')).toBe('2026-11-16'); // Sunday → the Monday before
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
    const w = lastWeeks(new Date('2026-11-04T12:00:00Z'), 'America/Denver', 2); // DST ended 1 Nov 2026
    expect(w.map((x) => [x.start, x.startAt.toISOString(), x.endAt.toISOString()])).toEqual([
      ['2026-10-26', '2026-10-26T06:00:00.000Z', '2026-11-02T07:00:00.000Z'],
      ['2026-11-02', '2026-11-02T07:00:00.000Z', '2026-11-09T07:00:00.000Z'],
    ]);
    expect(dayRange('2026-11-02', '2026-11-02', 'America/Denver')).toEqual({ start: new Date('2026-11-02T07:00:00Z'), end: new Date('2026-11-03T07:00:00Z') });
  });

  it('kept weeks are the weeks computed afresh, hour by hour across week ends, a DST change and zones off the hour', () => {
    for (const tz of ['America/Denver', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC']) {
      for (let t = Date.parse('2026-10-20T00:00:00Z'); t < Date.parse('2026-11-20T00:00:00Z'); t += 3_600_000) {
        const now = new Date(t);
        expect(lastWeeks(now, tz, 12)).toEqual(weeksUpTo(now, tz, 12));
        expect(lastWeeks(now, tz, 1)).toEqual(weeksUpTo(now, tz, 1));
      }
    }
    // Back in time too (a test clock, a report on an earlier week).
    expect(lastWeeks(new Date('2026-10-01T12:00:00Z'), 'America/Denver', 2)).toEqual(weeksUpTo(new Date('2026-10-01T12:00:00Z'), 'America/Denver', 2));
  });
});

describe('filters', () => {
  it('drops a bad value on screens and names it', () => {
    const r = parseLenient(auditFiltersSchema, flatParams({ from: '2026-13-45', action: 'incident.update', page: ['2', '3'] }));
    expect(r.value).toEqual({ action: 'incident.update', page: 2 });
    expect(r.ignored).toEqual(['from']);
    expect(auditFiltersSchema.safeParse({ from: '2026-11-10', to: '2026-11-01' }).success).toBe(false);
    expect(auditFiltersSchema.safeParse({ person: "x' or 1=1" }).success).toBe(false);
  });
});
