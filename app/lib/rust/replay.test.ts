import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUST_ASSUMPTIONS, RUST_CASE, RUST_EVENTS } from '@/db/seed/rust-case';
import { DEFAULT_RULES, injuryDeadlines } from '../rules';
import { checkAssumptions } from './assumptions';
import { formatDays, replayRust } from './replay';
import type { RustEvent } from './types';

const base = replayRust(RUST_EVENTS);
const rulesOf = (key: string, r = base) => r.byKey[key]?.rules;

describe('Rust replay with the default rules', () => {
  it('the early-October discharge fires rule 1 and stops work', () => {
    expect(rulesOf('early-oct-discharge')).toEqual([1]);
    expect(base.byKey['early-oct-discharge'].firings[0].summary).toMatch(/stop-work hold called/);
  });

  it('the stunt double\u2019s two rounds on 16 October are one report: rule 1 once, joining the standing hold', () => {
    const e = RUST_EVENTS.find((x) => x.key === 'oct-16-discharges')!;
    expect(e.records.filter((r) => r.kind === 'incident')).toHaveLength(1);
    expect(rulesOf('oct-16-discharges')).toEqual([1]);
    expect(base.byKey['oct-16-discharges'].firings).toHaveLength(1);
    expect(base.byKey['oct-16-discharges'].firings[0].record).toBeUndefined();
    expect(base.byKey['oct-16-discharges'].firings[0].summary).toMatch(/joins the standing/);
  });

  it('the walk-out meets rule 5: a crew member may call a hold, and one is already standing', () => {
    expect(rulesOf('walk-out')).toEqual([5]);
    expect(base.byKey['walk-out'].firings[0].details[0]).toBe('A stop-work hold is already standing.');
  });

  it('the hand-off after an incomplete check fires rules 2, 6 and 8 (and rule 5, since a hold stands)', () => {
    expect(rulesOf('handoff')).toEqual([2, 5, 6, 8]);
    const r2 = base.byKey['handoff'].firings.find((f) => f.rule === 2);
    expect(r2?.details.some((d) => d.startsWith('There is no before-use check'))).toBe(true);
  });

  it('rule 8 would have refused the hand-off: no scene plan (so no answer to whether a replica would do) and a live round in the load', () => {
    const r8 = base.byKey['handoff'].firings.find((f) => f.rule === 8)!;
    expect(r8.details).toEqual([
      expect.stringMatching(/^Live rounds are never a load/),
      expect.stringMatching(/^There is no scene plan for this setup: .*whether a non-firing replica would do/),
      expect.stringMatching(/^No safety meeting that day covered firearms in this scene/),
    ]);
    // The replicas come from the record (the sheriff's seizure list), not from the rule.
    expect(base.byKey['handoff'].notes.join(' ')).toContain('a modified, non-firing .45 revolver; a plastic non-firing revolver');
  });

  it('the disputed giver is replayed both ways: "only the armorer" applies only to the affidavit\u2019s account', () => {
    const r2 = base.byKey['handoff'].firings.find((f) => f.rule === 2)!;
    const onlyArmorer = r2.details.find((d) => d.startsWith('Only the armorer hands out'));
    expect(onlyArmorer).toContain('as the affidavit says');
    expect(base.byKey['handoff'].notes.join(' ')).toContain('Rules 2, 5, 6 and 8 fire under every account');
  });

  it('the written warnings add no report: they hold no record, and say why', () => {
    for (const key of ['discharges-text', 'luper-email']) {
      expect(rulesOf(key)).toEqual([]);
      expect(RUST_EVENTS.find((e) => e.key === key)?.replayNote).toBeTruthy();
    }
  });

  it('the shooting is one accidental-discharge report: rule 1 joins the hold, and rule 3 counts it with 16 October', () => {
    const e = RUST_EVENTS.find((x) => x.key === 'discharge')!;
    expect(e.records.filter((r) => r.kind === 'incident')).toEqual([expect.objectContaining({ type: 'accidental_discharge' })]);
    expect(rulesOf('discharge')).toEqual([1, 3]);
    expect(base.byKey['discharge'].firings[0].summary).toMatch(/joins the standing/);
    const r3 = base.byKey['discharge'].firings.find((f) => f.rule === 3)!;
    expect(r3.summary).toContain('2 firearm incidents within 7 days');
    expect(r3.details[0]).toContain('two rounds fired by the stunt double (Sat 16 Oct 2021)');
  });

  it('the one report carries two injured people, each with the clocks the live report computes (injuryDeadlines)', () => {
    const clocks = base.byKey['discharge'].clocks;
    const at = base.byKey['discharge'].at;
    expect(clocks.map((c) => c.person)).toEqual(['Halyna Hutchins', 'Joel Souza']);
    const live = (died: boolean) =>
      injuryDeadlines({ died, hospitalizedInpatient: null, amputation: false, lossOfEye: false, oshaReportedAt: null, form301CompletedAt: null }, at, at).map((d) => d.label);
    expect(clocks[0].items).toEqual(live(true));
    expect(clocks[0].items).toContain('Report the death to OSHA (8 hours)');
    expect(clocks[1].items).toEqual(live(false));
    expect(base.byKey['call-911'].records).toEqual([]);
  });

  it('under the case\u2019s own jurisdiction (New Mexico) the same clocks name the state bureau, as a live production there would', () => {
    const nm = replayRust(RUST_CASE.events, DEFAULT_RULES, { jurisdiction: RUST_CASE.info.jurisdiction });
    const at = nm.byKey['discharge'].at;
    const clocks = nm.byKey['discharge'].clocks;
    expect(RUST_CASE.info.jurisdiction).toBe('new_mexico');
    expect(clocks[0].items).toEqual(
      injuryDeadlines({ died: true, hospitalizedInpatient: null, amputation: false, lossOfEye: false, oshaReportedAt: null, form301CompletedAt: null }, at, at, 'new_mexico').map((d) => d.label),
    );
    expect(clocks[0].items).toContain('Report the death to the NMED OHSB (8 hours)');
    expect(nm.summary).toEqual(base.summary);
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

  it('summary: the first stop is the early-October discharge (date unverified), or 16 October among exactly dated events', () => {
    expect(base.summary.firstStop).toMatchObject({ eventKey: 'early-oct-discharge', approximate: true, dateUnverified: true });
    expect(base.summary.firstStopExactlyDated).toMatchObject({ eventKey: 'oct-16-discharges', approximate: false });
    expect(base.summary.holdsCalled).toBe(1);
    expect(base.summary.reportsJoiningHold).toBe(3);
    expect(base.summary.standingAtEnd?.joined).toBe(3);
    expect(base.summary.patternEscalations).toBe(1);
  });

  it('summary: before the rule-1 hold could be lifted, a producer writes a resolution with someone else\u2019s concurrence', () => {
    const texts = base.summary.liftRequirements.map((r) => r.text);
    expect(texts).toContain('Only a producer can lift a stop-work hold.');
    expect(texts).toContain('Write the resolution: what was found and what changed.');
    expect(texts.some((t) => t.includes("armorer's or a second producer's concurrence"))).toBe(true);
    expect(base.summary.handoffRequirements.map((r) => r.rule)).toEqual([2, 2, 5, 6, 8, 8, 8]);
  });

  it('the undated discharge is tried on every day from 6 to 15 October, and each placement-dependent rule is reported', () => {
    const [check] = base.summary.placementChecks;
    expect(check).toMatchObject({ eventKey: 'early-oct-discharge', from: '2021-10-06', to: '2021-10-15', days: 10 });
    // Placed 9–15 Oct it falls within 7 days of 16 Oct (rule 3 there); placed 15 Oct its window
    // already covers 21 Oct, so the shooting raises no second escalation.
    expect(check.differences).toEqual([
      expect.objectContaining({ eventKey: 'oct-16-discharges', rule: 3 }),
      expect.objectContaining({ eventKey: 'discharge', rule: 3 }),
    ]);
    expect(formatDays(check.differences[0].firesOn)).toBe('9\u201315 Oct 2021');
    expect(formatDays(check.differences[1].notOn)).toBe('15 Oct 2021');
  });
});

describe('each stated assumption, and what the rules return without it', () => {
  const checks = Object.fromEntries(checkAssumptions(RUST_EVENTS, RUST_ASSUMPTIONS, base).map((c) => [c.key, c]));
  const diff = (key: string, eventKey: string) => checks[key].differences.find((d) => d.eventKey === eventKey);

  it('every assumption names an event that exists, cites sources, and changes something', () => {
    const keys = new Set(RUST_EVENTS.map((e) => e.key));
    for (const a of RUST_ASSUMPTIONS) {
      expect(keys.has(a.eventKey), a.key).toBe(true);
      for (const c of a.without.changes) expect(keys.has(c.eventKey), a.key).toBe(true);
      expect(a.sources.length).toBeGreaterThan(0);
      expect(checks[a.key].differences.length, a.key).toBeGreaterThan(0);
    }
  });

  it('the early event as a discharge: without it ("popper" noise), the first stop is 16 October, whose report calls the hold', () => {
    expect(diff('early-event-was-a-discharge', 'early-oct-discharge')).toMatchObject({ withRules: [1], withoutRules: [] });
    expect(diff('early-event-was-a-discharge', 'oct-16-discharges')?.withoutSummaries).toEqual(['Rule 1: Critical: stop-work hold called']);
    expect(checks['early-event-was-a-discharge'].firstStopWithout).toMatchObject({ eventKey: 'oct-16-discharges' });
  });

  it('the hold standing for days: lifted in writing each day, 16 October calls a new hold and the walk-out calls its own', () => {
    expect(diff('hold-stood', 'oct-16-discharges')?.withoutSummaries).toEqual(['Rule 1: Critical: stop-work hold called', 'Rule 5: Hold lifted by a producer, in writing']);
    expect(diff('hold-stood', 'walk-out')?.withoutSummaries).toEqual(['Rule 5: Stop-work hold called by a camera crew member']);
    // The hand-off is refused either way: the walk-out's hold still stands at 1:40 p.m.
    expect(diff('hold-stood', 'handoff')).toBeUndefined();
  });

  it('the walk-out as a stop-work call: without it, the walk-out fires nothing', () => {
    expect(diff('walk-out-as-hold', 'walk-out')).toMatchObject({ withRules: [5], withoutRules: [] });
  });

  it('no meeting on 21 October: with a meeting covering firearms, rule 6 leaves the hand-off; rules 2, 5 and 8 stay', () => {
    expect(diff('no-meeting-on-21-oct', 'handoff')).toMatchObject({ withRules: [2, 5, 6, 8], withoutRules: [2, 5, 8] });
  });

  it('Souza not known as an in-patient: admitted, his report to OSHA is due in 24 hours', () => {
    const d = diff('souza-not-inpatient', 'discharge')!;
    expect(d.withRules).toEqual(d.withoutRules);
    expect(d.withoutClocks?.find((c) => c.person === 'Joel Souza')?.items[0]).toMatch(/\(24 hours\)$/);
  });

  it('taking an assumption away never touches the replayed case itself', () => {
    const before = JSON.stringify(RUST_EVENTS);
    checkAssumptions(RUST_EVENTS, RUST_ASSUMPTIONS, base);
    expect(JSON.stringify(RUST_EVENTS)).toBe(before);
  });
});

describe('the result depends on the rules, not on the data', () => {
  it('patternThreshold 3: with the undated discharge on 6 October, rule 3 fires nowhere; placed 15 October it would on 21 October', () => {
    const r = replayRust(RUST_EVENTS, { ...DEFAULT_RULES, patternThreshold: 3 });
    expect(r.events.flatMap((e) => e.rules)).not.toContain(3);
    expect(r.summary.placementChecks[0].differences).toEqual([expect.objectContaining({ eventKey: 'discharge', rule: 3, firesOn: ['2021-10-15'] })]);
  });

  it('patternThreshold 5: rule 3 never fires', () => {
    const r = replayRust(RUST_EVENTS, { ...DEFAULT_RULES, patternThreshold: 5 });
    expect(r.events.flatMap((e) => e.rules)).not.toContain(3);
    expect(r.summary.patternEscalations).toBe(0);
  });

  it('patternWindowDays 20: the early-October discharge enters the window on 16 October, which then covers 21 October', () => {
    const r = replayRust(RUST_EVENTS, { ...DEFAULT_RULES, patternWindowDays: 20 });
    const r3 = r.byKey['oct-16-discharges'].firings.find((f) => f.rule === 3);
    expect(r3?.details[0]).toContain('discharge in a stuntman\u2019s hand (Between 6 and 15 Oct 2021)');
    expect(rulesOf('discharge', r)).toEqual([1]);
  });

  it('a safety meeting that day would take rule 6 off the hand-off', () => {
    const meeting: RustEvent = { ...RUST_EVENTS[0], key: 'meeting', seq: 999, sortKey: '2021-10-21T07:00', phase: 'on-set', records: [{ kind: 'safety_meeting', firearmsOnSet: true }] };
    const r = replayRust([...RUST_EVENTS, meeting]);
    expect(rulesOf('handoff', r)).toEqual([2, 5, 8]);
  });

  it('a written lift with the armorer\u2019s concurrence after 16 October: the walk-out calls a new hold', () => {
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
