import { describe, expect, it } from 'vitest';
import { canCallHold, canConcur, canLiftHold, needsConcurrence } from './holds';
import type { HoldFact } from './types';

const base: HoldFact = { id: 'h', source: 'manual', calledById: 'u1', calledAt: new Date(0), concurredById: null, liftedAt: null };
const rule1: HoldFact = { ...base, source: 'rule1', calledById: null };
const producer = { userId: 'p1', role: 'producer' as const };
const producer2 = { userId: 'p2', role: 'producer' as const };
const armorer = { userId: 'a1', role: 'armorer' as const };
const crew = { userId: 'c1', role: 'crew' as const };
const auditor = { userId: 'x1', role: 'auditor' as const };
const why = 'Checked every chamber; the lot was replaced.';

describe('rule 5', () => {
  it('any member but an auditor calls a hold, one at a time', () => {
    expect(canCallHold(crew, null).ok).toBe(true);
    expect(canCallHold(armorer, null).ok).toBe(true);
    expect(canCallHold(auditor, null).ok).toBe(false);
    expect(canCallHold(crew, base).ok).toBe(false);
  });
  it('only a producer lifts, in writing', () => {
    expect(canLiftHold(crew, base, why).ok).toBe(false);
    expect(canLiftHold(armorer, base, why).ok).toBe(false);
    expect(canLiftHold(producer, base, '').ok).toBe(false);
    expect(canLiftHold(producer, base, why).ok).toBe(true);
  });
  it('a rule-1 hold needs a concurrence by someone else first', () => {
    expect(canLiftHold(producer, rule1, why).ok).toBe(false);
    expect(canLiftHold(producer, { ...rule1, concurredById: 'p1' }, why).ok).toBe(false);
    expect(canLiftHold(producer, { ...rule1, concurredById: 'a1' }, why).ok).toBe(true);
    expect(canLiftHold(producer2, { ...rule1, concurredById: 'p1' }, why).ok).toBe(true);
  });
  it('the armorer or a producer concurs, once, only on rule-1 holds', () => {
    expect(canConcur(armorer, rule1).ok).toBe(true);
    expect(canConcur(producer2, rule1).ok).toBe(true);
    expect(canConcur(crew, rule1).ok).toBe(false);
    expect(canConcur(armorer, base).ok).toBe(false);
    expect(canConcur(armorer, { ...rule1, concurredById: 'p2' }).ok).toBe(false);
  });
  it('a lifted hold cannot be lifted or concurred again', () => {
    const lifted = { ...rule1, concurredById: 'a1', liftedAt: new Date(1) };
    expect(canLiftHold(producer, lifted, why).ok).toBe(false);
    expect(canConcur(armorer, lifted).ok).toBe(false);
  });
  it('a hold called by hand that a rule-1 report joined needs the same concurrence', () => {
    const joined: HoldFact = { ...base, rule1Joined: true };
    expect(needsConcurrence(base)).toBe(false);
    expect(needsConcurrence(rule1)).toBe(true);
    expect(needsConcurrence(joined)).toBe(true);
    expect(canLiftHold(producer, joined, why)).toMatchObject({ ok: false, reason: expect.stringMatching(/concurrence first/) });
    expect(canConcur(armorer, joined).ok).toBe(true);
    expect(canLiftHold(producer, { ...joined, concurredById: 'p1' }, why).ok).toBe(false);
    expect(canLiftHold(producer, { ...joined, concurredById: 'a1' }, why).ok).toBe(true);
  });
});
