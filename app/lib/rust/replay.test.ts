import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUST_EVENTS } from '@/db/seed/rust-case';
import { DEFAULT_RULES } from '../rules';
import { formatDays, replayRust } from './replay';
import type { RustEvent } from './types';

const base = replayRust(RUST_EVENTS);
const rulesOf = (key: string, r = base) => r.byKey[key]?.rules;

describe('Rust replay with the default rules', () => {
  it('the early-October discharge fires rule 1 and stops work', () => {
    expect(rulesOf('early-oct-discharge')).toEqual([1]);
    expect(base.byKey['early-oct-discharge'].firings[0].summary).toMatch(/stop-work hold called/);
  });

  it('the two discharges of 16 October fire rules 1 and 3', () => {
    expect(rulesOf('oct-16-discharges')).toEqual([1, 3]);
    const r3 = base.byKey['oct-16-discharges'].firings.find((f) => f.rule === 3);
    expect(r3?.summary).toContain('2 firearm incidents within 7 days');
  });

  it('the walk-out meets rule 5: a crew member may call a hold, and one is already standing', () => {
    expect(rulesOf('walk-out')).toEqual([5]);
    expect(base.byKey['walk-out'].firings[0].details[0]).toBe('A stop-work hold is already standing.');
  });

  it('the hand-off without the armorer\u2019s check fires rule 2 and rule 6 (and rule 5, since a hold stands)', () => {
    expect(rulesOf('handoff')).toEqual([2, 5, 6]);
    const r2 = base.byKey['handoff'].firings.find((f) => f.rule === 2);
    expect(r2?.details.some((d) => d.startsWith('There is no before-use check'))).toBe(true);
  });

  it('the disputed giver is replayed both ways: "only the armorer" applies only to the affidavit\u2019s account', () => {
    const r2 = base.byKey['handoff'].firings.find((f) => f.rule === 2)!;
    const onlyArmorer = r2.details.find((d) => d.startsWith('Only the armorer hands out'));
    expect(onlyArmorer).toContain('as the affidavit says');
    expect(base.byKey['handoff'].notes.join(' ')).toContain('Rules 2, 5 and 6 fire under every account');
  });

  it('the discharge on 21 October fires rule 1 and joins the standing hold', () => {
    expect(rulesOf('discharge')).toEqual([1]);
    expect(base.byKey['discharge'].firings[0].summary).toMatch(/joins the standing/);
  });

  it('the injury details start the legal clocks: the death is reported to OSHA within 8 hours', () => {
    const clocks = base.byKey['call-911'].clocks;
    expect(clocks.find((c) => c.person === 'Halyna Hutchins')?.items).toContain('Report the death to OSHA (8 hours)');
    expect(clocks.find((c) => c.person === 'Joel Souza')?.items).toEqual(['Complete OSHA Form 301 (7 days)']);
  });

  it('22\u201325 October: the hold stays, with no written lift', () => {
    expect(rulesOf('halted')).toEqual([5]);
  });

  it('the live rounds of 27 October fire rule 1, joining the standing hold', () => {
    expect(rulesOf('sheriff-ammo')).toEqual([1]);
    expect(base.byKey['sheriff-ammo'].firings[0].details.some((d) => d.startsWith('Joins the stop-work hold'))).toBe(true);
  });

  it('later legal events fire nothing', () => {
    for (const e of RUST_EVENTS.filter((x) => x.phase === 'after')) expect(rulesOf(e.key)).toEqual([]);
  });

  it('summary: the first stop is the early-October discharge (approximate), or 16 October among exactly dated events', () => {
    expect(base.summary.firstStop).toMatchObject({ eventKey: 'early-oct-discharge', approximate: true, dateUnverified: true });
    expect(base.summary.firstStopExactlyDated).toMatchObject({ eventKey: 'oct-16-discharges', approximate: false });
    expect(base.summary.holdsCalled).toBe(1);
    expect(base.summary.reportsJoiningHold).toBe(4);
    expect(base.summary.standingAtEnd?.joined).toBe(4);
  });

  it('summary: before the rule-1 hold could be lifted, a producer writes a resolution with someone else\u2019s concurrence', () => {
    const texts = base.summary.liftRequirements.map((r) => r.text);
    expect(texts).toContain('Only a producer can lift a stop-work hold.');
    expect(texts).toContain('Write the resolution: what was found and what changed.');
    expect(texts.some((t) => t.includes("armorer's or a second producer's concurrence"))).toBe(true);
    expect(base.summary.handoffRequirements.map((r) => r.rule)).toEqual([2, 2, 5, 6]);
  });

  it('the approximate date is tried on every day of its range, and a placement-dependent rule is reported', () => {
    const [check] = base.summary.placementChecks;
    expect(check).toMatchObject({ eventKey: 'early-oct-discharge', from: '2021-10-01', to: '2021-10-15', days: 15 });
    // Placed 9–14 Oct, the early discharge opens rule 3's window on 16 Oct, which ends before 21 Oct.
    expect(check.differences).toEqual([expect.objectContaining({ eventKey: 'discharge', rule: 3 })]);
    expect(formatDays(check.differences[0].firesOn)).toBe('9\u201314 Oct 2021');
  });
});

describe('the result depends on the rules, not on the data', () => {
  it('patternThreshold 3: 16 October no longer escalates; the third discharge on 21 October does', () => {
    const r = replayRust(RUST_EVENTS, { ...DEFAULT_RULES, patternThreshold: 3 });
    expect(rulesOf('oct-16-discharges', r)).toEqual([1]);
    expect(rulesOf('discharge', r)).toEqual([1, 3]);
  });

  it('patternThreshold 5: rule 3 never fires', () => {
    const r = replayRust(RUST_EVENTS, { ...DEFAULT_RULES, patternThreshold: 5 });
    expect(r.events.flatMap((e) => e.rules)).not.toContain(3);
    expect(r.summary.patternEscalations).toBe(0);
  });

  it('patternWindowDays 20: the early-October discharge enters the window and changes what the placement check finds', () => {
    const r = replayRust(RUST_EVENTS, { ...DEFAULT_RULES, patternWindowDays: 20 });
    const r3 = r.byKey['oct-16-discharges'].firings.find((f) => f.rule === 3);
    expect(r3?.record).toBe('First round');
    expect(r3?.details[0]).toContain('discharge in a stuntman\u2019s hand (Early October 2021)');
    // A 20-day window opened by the early discharge covers 21 Oct unless it is placed on 1 Oct.
    expect(r.summary.placementChecks[0].differences).toEqual([expect.objectContaining({ eventKey: 'discharge', rule: 3, firesOn: ['2021-10-01'] })]);
  });

  it('a safety meeting that day would take rule 6 off the hand-off', () => {
    const meeting: RustEvent = { ...RUST_EVENTS[0], key: 'meeting', seq: 999, sortKey: '2021-10-21T07:00', phase: 'on-set', records: [{ kind: 'safety_meeting', firearmsOnSet: true }] };
    const r = replayRust([...RUST_EVENTS, meeting]);
    expect(rulesOf('handoff', r)).toEqual([2, 5]);
  });

  it('a written lift with the armorer\u2019s concurrence after 16 October: the next discharge calls a new hold', () => {
    const lift: RustEvent = {
      ...RUST_EVENTS[0],
      key: 'lift',
      seq: 999,
      sortKey: '2021-10-17T09:00',
      records: [{ kind: 'hold_lift', resolution: 'Investigated both discharges; new check protocol in place.', concurrence: 'armorer' }],
    };
    const r = replayRust([...RUST_EVENTS, lift]);
    expect(r.byKey['lift'].firings[0].summary).toBe('Hold lifted by a producer, in writing');
    expect(rulesOf('walk-out', r)).toEqual([5]);
    expect(r.byKey['walk-out'].firings[0].summary).toMatch(/^Stop-work hold called by a camera crew member/);
    expect(r.summary.holdsCalled).toBe(2);
  });

  it('a lift without concurrence is refused and the hold stands', () => {
    const lift: RustEvent = { ...RUST_EVENTS[0], key: 'lift', seq: 999, sortKey: '2021-10-17T09:00', records: [{ kind: 'hold_lift', resolution: 'Looked into it and all is fine now.', concurrence: null }] };
    const r = replayRust([...RUST_EVENTS, lift]);
    expect(r.byKey['lift'].firings[0].summary).toBe('Lift refused: the hold stands');
    expect(r.summary.holdsCalled).toBe(1);
  });
});

describe('the replay module is pure', () => {
  const dir = path.dirname(new URL(import.meta.url).pathname);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  it.each(files)('%s imports no database, Next or clock', (file) => {
    const src = fs.readFileSync(path.join(dir, file), 'utf8');
    const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.some((i) => /db|next|server-only|node:/.test(i))).toBe(false);
    expect(src).not.toMatch(/Date\.now\(|new Date\(\)/);
  });
  it('nothing in the page or the seed names a rule outcome: the page renders replay output only', () => {
    const page = fs.readFileSync(path.resolve(dir, '../../reference/rust/page.tsx'), 'utf8');
    const seed = fs.readFileSync(path.resolve(dir, '../../../db/seed/rust-case.ts'), 'utf8');
    for (const src of [page, seed]) expect(src).not.toMatch(/fires?\s+rule|rule\s*\d\s*fires|rules:\s*\[\s*\d/i);
  });
});
