import { describe, expect, it } from 'vitest';
import { onIncidentFiled, rule1Applies, rule1OnFiled, rule3OnFiled } from './incidents';
import type { HoldFact, IncidentFact } from './types';

const t0 = new Date('2026-10-16T12:00:00Z');
const days = (n: number) => new Date(t0.getTime() + n * 86_400_000);
const inc = (id: string, type: IncidentFact['type'], at: Date, dup: string | null = null): IncidentFact => ({ id, type, occurredAt: at, reportedAt: at, duplicateOfId: dup });
const hold: HoldFact = { id: 'h1', source: 'rule1', calledById: null, calledAt: t0, concurredById: null, liftedAt: null };

describe('rule 1', () => {
  it('an accidental discharge forces critical, calls a hold and notifies producers', () => {
    const kinds = rule1OnFiled(inc('a', 'accidental_discharge', t0), null).map((e) => e.kind);
    expect(kinds).toEqual(['force_severity', 'call_hold', 'notify_producers']);
  });
  it('live ammunition found does the same', () => {
    expect(rule1OnFiled(inc('a', 'live_ammunition_found', t0), null).map((e) => e.kind)).toContain('call_hold');
  });
  it('a critical filing on a production already on hold joins the standing hold', () => {
    const effects = rule1OnFiled(inc('a', 'accidental_discharge', t0), hold);
    expect(effects).toContainEqual({ kind: 'join_hold', rule: 1, holdId: 'h1' });
    expect(effects.map((e) => e.kind)).not.toContain('call_hold');
  });
  it('other kinds do not fire rule 1', () => {
    for (const type of ['near_miss', 'misfire_malfunction', 'injury', 'custody_breach', 'unsafe_condition', 'other'] as const) {
      expect(rule1OnFiled(inc('a', type, t0), null)).toEqual([]);
    }
  });
});

describe('rule 1: a firearm injury', () => {
  it('a shooting filed as an injury with a weapon linked stops work (critical, hold, producers told)', () => {
    const effects = rule1OnFiled({ ...inc('a', 'injury', t0), firearmLinked: true }, null);
    expect(effects.map((e) => e.kind)).toEqual(['force_severity', 'call_hold', 'notify_producers']);
    expect(effects[1]).toMatchObject({ reason: 'Firearm injury reported (rule 1)' });
  });
  it('someone hurt on a firearm-related kind (misfire, custody breach) stops work too; joins a standing hold', () => {
    expect(rule1OnFiled({ ...inc('a', 'misfire_malfunction', t0), injured: true }, null).map((e) => e.kind)).toContain('call_hold');
    expect(rule1OnFiled({ ...inc('a', 'custody_breach', t0), injured: true }, hold)).toContainEqual({ kind: 'join_hold', rule: 1, holdId: 'h1' });
  });
  it('an injury with no weapon, or a weapon with nobody hurt, is not rule 1', () => {
    expect(rule1OnFiled({ ...inc('a', 'injury', t0), firearmLinked: false, injured: true }, null)).toEqual([]);
    expect(rule1OnFiled({ ...inc('a', 'near_miss', t0), firearmLinked: true, injured: false }, null)).toEqual([]);
    expect(rule1OnFiled({ ...inc('a', 'unsafe_condition', t0), injured: true }, null)).toEqual([]);
  });
  it('rule1Applies says the same', () => {
    expect(rule1Applies({ type: 'injury', firearmLinked: true })).toBe(true);
    expect(rule1Applies({ type: 'other', firearmLinked: true, injured: true })).toBe(true);
    expect(rule1Applies({ type: 'other', firearmLinked: true })).toBe(false);
    expect(rule1Applies({ type: 'accidental_discharge' })).toBe(true);
  });
});

describe('rule 3', () => {
  it('two counted incidents exactly 7 days apart escalate', () => {
    const e = rule3OnFiled(inc('b', 'near_miss', days(7)), [inc('a', 'misfire_malfunction', t0)], []);
    expect(e.map((x) => x.kind)).toEqual(['flag_pattern', 'notify_producers']);
    const flag = e[0];
    expect(flag.kind === 'flag_pattern' && flag.incidentIds).toEqual(['a', 'b']);
  });
  it('7 days and one millisecond apart do not', () => {
    const later = new Date(days(7).getTime() + 1);
    expect(rule3OnFiled(inc('b', 'near_miss', later), [inc('a', 'near_miss', t0)], [])).toEqual([]);
  });
  it('an earlier occurrence filed late still counts (window looks both ways)', () => {
    expect(rule3OnFiled(inc('b', 'near_miss', days(-3)), [inc('a', 'accidental_discharge', t0)], [])).toHaveLength(2);
  });
  it('duplicates do not count, on either side', () => {
    expect(rule3OnFiled(inc('b', 'near_miss', days(1)), [inc('a', 'near_miss', t0, 'x')], [])).toEqual([]);
    expect(rule3OnFiled(inc('b', 'near_miss', days(1), 'a'), [inc('a', 'near_miss', t0)], [])).toEqual([]);
  });
  it('kinds outside near miss, misfire and discharge do not count', () => {
    expect(rule3OnFiled(inc('b', 'injury', days(1)), [inc('a', 'near_miss', t0)], [])).toEqual([]);
    expect(rule3OnFiled(inc('b', 'near_miss', days(1)), [inc('a', 'custody_breach', t0)], [])).toEqual([]);
  });
  it('fires once per window', () => {
    const flags = [{ windowStart: t0, windowEnd: days(7) }];
    expect(rule3OnFiled(inc('c', 'near_miss', days(3)), [inc('a', 'near_miss', t0), inc('b', 'near_miss', days(1))], flags)).toEqual([]);
  });
  it('a new window after the old one escalates again', () => {
    const flags = [{ windowStart: t0, windowEnd: days(7) }];
    expect(rule3OnFiled(inc('d', 'near_miss', days(20)), [inc('c', 'near_miss', days(18))], flags)).toHaveLength(2);
  });
  it('the threshold is a parameter', () => {
    const others = [inc('a', 'near_miss', t0)];
    expect(rule3OnFiled(inc('b', 'near_miss', days(1)), others, [], { patternWindowDays: 7, patternThreshold: 3 })).toEqual([]);
    expect(rule3OnFiled(inc('b', 'near_miss', days(1)), others, [], { patternWindowDays: 0.5, patternThreshold: 2 })).toEqual([]);
  });
  it('uses the report time when the occurrence time is unknown', () => {
    const b: IncidentFact = { id: 'b', type: 'near_miss', occurredAt: null, reportedAt: days(2), duplicateOfId: null };
    expect(rule3OnFiled(b, [inc('a', 'near_miss', t0)], [])).toHaveLength(2);
  });
});

describe('onIncidentFiled', () => {
  it('a second discharge within 7 days fires rules 1 and 3 together', () => {
    const e = onIncidentFiled(inc('b', 'accidental_discharge', days(2)), { openHold: hold, others: [inc('a', 'accidental_discharge', t0)], flags: [] });
    expect(e.map((x) => `${x.rule}:${x.kind}`)).toEqual(['1:force_severity', '1:join_hold', '1:notify_producers', '3:flag_pattern', '3:notify_producers']);
  });
});
