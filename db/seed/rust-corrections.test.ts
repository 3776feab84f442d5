import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COPY_HOSTS } from '@/app/lib/rust/outlets';
import { RUST_CASE, RUST_CORRECTIONS, RUST_EVENTS, RUST_SOURCES } from './rust-case';

// Each correction of the review against original outlets, pinned to the source that carries it.
const event = (key: string) => {
  const e = RUST_EVENTS.find((x) => x.key === key);
  if (!e) throw new Error(`no event ${key}`);
  return e;
};
const source = (key: string) => RUST_SOURCES.find((s) => s.key === key);
const allText = JSON.stringify(RUST_CASE);

describe('corrections after the first release, each pinned to its source', () => {
  it('1. the hand-off stays disputed; Halls\u2019 sworn account is the 29 Feb 2024 trial testimony (SFNM-0229, AP-0301)', () => {
    const h = event('handoff');
    expect(h.disputed?.sources).toEqual(expect.arrayContaining(['SFNM-0229', 'AP-0301', 'AFFID-1027']));
    expect(h.disputed?.note).toContain('29 February 2024');
    const rec = h.records.find((r) => r.kind === 'handoff_attempt');
    const sworn = rec && rec.kind === 'handoff_attempt' ? rec.accounts.find((a) => a.giver.role === 'armorer') : undefined;
    expect(sworn?.sources).toEqual(['SFNM-0229', 'AP-0301']);
    expect(sworn?.label).toContain('29 Feb 2024');
    expect(source('SFNM-0229')).toMatchObject({ publication: 'Santa Fe New Mexican', date: '29 Feb 2024' });
    expect(source('AP-0301')).toMatchObject({ date: '1 Mar 2024' });
    const t = event('halls-testimony');
    expect(t).toMatchObject({ dateLabel: '29 Feb 2024', sources: ['SFNM-0229', 'AP-0301'] });
    expect(t.summary).toContain('"three or four" dummy rounds');
    // The plea hearing is no longer cited as his sworn account.
    expect(allText).not.toContain('HALLS-PLEA');
  });

  it('2. an incomplete check, never "without the armorer\u2019s check" (AFFID-1027, SFNM-0229)', () => {
    expect(allText).not.toMatch(/without (the|an) armorer(\u2019|')s check/i);
    expect(event('handoff').summary).toContain('incomplete check');
    const fp6 = RUST_CASE.failurePoints.find((f) => f.key === 'FP6')!;
    expect(fp6.summary).toContain('incomplete check');
    expect(fp6.sources).toEqual(expect.arrayContaining(['AFFID-1027', 'SFNM-0229']));
    expect(RUST_CASE.info.intro?.paragraphs.join(' ')).toContain('after an incomplete check');
  });

  it('3. the written warnings, with the count of earlier discharges disputed (LAT-1022-TEXT, CNN-LUPER, DEADLINE-CONTEST)', () => {
    expect(event('discharges-text')).toMatchObject({ sources: ['LAT-1022-TEXT'] });
    expect(event('discharges-text').summary).toContain('"We\u2019ve now had 3 accidental discharges. This is super unsafe."');
    expect(event('luper-email')).toMatchObject({ sources: ['CNN-LUPER'] });
    expect(event('luper-email').summary).toContain('"there are no safety meetings these days"');
    const early = event('early-oct-discharge');
    expect(early.disputed?.note).toMatch(/two or three/);
    expect(early.disputed?.note).toContain('"popper" noise');
    expect(early.disputed?.sources).toEqual(['LAT-1022-TEXT', 'CNN-LUPER', 'DEADLINE-CONTEST']);
    expect(RUST_CASE.info.facts.find((f) => f.term === 'Earlier discharges')?.sources).toEqual(['LAT-1022-TEXT', 'CNN-LUPER', 'DEADLINE-CONTEST']);
    expect(source('LAT-1022-TEXT')).toMatchObject({ publication: 'Los Angeles Times', date: '22 Oct 2021', url: null });
    expect(source('CNN-LUPER')).toMatchObject({ publication: 'CNN', url: null });
  });

  it('4. the armorer\u2019s post-trial rulings carry exact dates: 29 Mar 2024 (KOB-0329) and 30 Sep 2024 (SFNM-0930)', () => {
    expect(event('new-trial-denied')).toMatchObject({ dateLabel: '29 Mar 2024', sortKey: '2024-03-29T12:00', approximate: false });
    expect(event('new-trial-denied').sources).toContain('KOB-0329');
    expect(event('second-new-trial-denied')).toMatchObject({ dateLabel: '30 Sep 2024', sortKey: '2024-09-30T12:00', approximate: false });
    expect(event('second-new-trial-denied').sources).toContain('SFNM-0930');
    expect(event('dismissal-upheld')).toMatchObject({ dateLabel: '24 Oct 2024', sources: ['AP-UPHOLD'] });
    expect(RUST_EVENTS.some((e) => e.key === 'post-trial-rulings')).toBe(false);
  });

  it('5. the firearm enhancement was dropped in February 2023 (HILL-0222), not July 2024', () => {
    const e = event('enhancement-dropped');
    expect(e).toMatchObject({ sortKey: '2023-02-20T12:00', sources: ['HILL-0222'] });
    expect(e.dateLabel).toContain('Feb 2023');
    expect(source('HILL-0222')).toMatchObject({ publication: 'The Hill', date: '22 Feb 2023' });
    expect(event('charges-filed').summary).not.toMatch(/enhancement/);
    expect(allText).not.toContain('INDIEWIRE-0724');
  });

  it('6. original outlets: the verdict cites SFR-0329; weak outlets and the wire rewrite are gone or unlinked', () => {
    expect(event('armorer-verdict').sources).toEqual(['SFR-0329']);
    expect(source('SFR-0329')?.url).toMatch(/^https:\/\/www\.sfreporter\.com\//);
    for (const gone of ['DAILYDIG', 'JTN', 'EPOCH-0420', 'CINEMABLEND', 'MOVIEWEB-0420']) expect(allText).not.toContain(`"${gone}"`);
    expect(source('SUN-OHSB')?.url).toBeNull();
    expect(source('NMED-PR')?.url).toBe(source('NMED-PAGE')?.url);
    expect(event('charges-dropped').sources).toEqual(['ABC-0119']);
    expect(event('baldwin-dismissed').sources).toEqual(['AP-DISMISS']);
  });

  it('7. the undated early-October discharge sits between 6 and 15 Oct (SFNM-TL, LAT-1022)', () => {
    const e = event('early-oct-discharge');
    expect(e.range).toEqual({ from: '2021-10-06', to: '2021-10-15' });
    expect(e.sortKey.slice(0, 10)).toBe('2021-10-06');
    expect(event('filming-announced')).toMatchObject({ dateLabel: '6 Oct 2021', sources: ['SFNM-TL'] });
    expect(e.sources).toContain('LAT-1022');
  });

  it('8. one event, one report: 16 October is one incident; the shooting one incident with two injured people', () => {
    expect(event('oct-16-discharges').records).toEqual([expect.objectContaining({ kind: 'incident', type: 'accidental_discharge' })]);
    const d = event('discharge').records;
    expect(d.filter((r) => r.kind === 'incident')).toHaveLength(1);
    expect(d.filter((r) => r.kind === 'injury').map((r) => r.kind === 'injury' && [r.person, r.died])).toEqual([
      ['Halyna Hutchins', true],
      ['Joel Souza', false],
    ]);
    // Since version 3 a live production records several injured people too: no longer a limit.
    expect(RUST_CASE.info.modelLimits?.some((l) => /one injured person/.test(l.text))).toBe(false);
    expect(RUST_CASE.info.modelLimits?.[0].text).toMatch(/two injured people, each an OSHA case/);
  });

  it('9. the clocks are New Mexico\u2019s (OHSB, the bureau that cited the production), said in version 3 of the log', () => {
    expect(RUST_CASE.info.jurisdiction).toBe('new_mexico');
    const v3 = RUST_CORRECTIONS.find((c) => c.version === 3)!;
    expect(v3.items.map((i) => i.sources.flat()).flat()).toEqual(expect.arrayContaining(['NMED-PAGE', 'NMED-PR']));
    expect(v3.items.some((i) => /New Mexico/.test(i.text))).toBe(true);
  });

  it('the correction log names a cited source for every item, and every correction above is in it', () => {
    const keys = new Set(RUST_SOURCES.map((s) => s.key));
    const [v2] = RUST_CORRECTIONS;
    expect(v2).toMatchObject({ version: 2, date: '2026-12-01' });
    expect(v2.items).toHaveLength(8);
    for (const item of v2.items) for (const k of item.sources) expect(keys.has(k), k).toBe(true);
  });
});

describe('no link to a mirror or syndication site anywhere in the app', () => {
  const root = path.resolve(__dirname, '../..');
  // The frozen copy of version 1 is test data (the upgrade test seeds it); the page never links
  // its withdrawn URLs, because every source link passes isLinkableSource.
  const skip = new Set([path.join(root, 'db/seed/fixtures'), path.join(root, 'app/lib/rust/outlets.ts')]);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, ent.name);
      if (skip.has(p)) continue;
      if (ent.isDirectory()) walk(p);
      else if (/\.(tsx?|mjs|js|json|css|md|html|svg|webmanifest)$/.test(ent.name)) files.push(p);
    }
  };
  for (const d of ['app', 'components', 'db', 'public', 'scripts']) walk(path.join(root, d));
  files.push(path.join(root, 'README.md'));

  it(`no file under app, components, db, public or scripts names a copy host (${files.length} files read)`, () => {
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((f) => {
      const text = fs.readFileSync(f, 'utf8');
      return COPY_HOSTS.filter((h) => text.includes(h)).map((h) => `${path.relative(root, f)}: ${h}`);
    });
    expect(offenders).toEqual([]);
  });
});
