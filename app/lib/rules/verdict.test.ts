import { describe, expect, it } from 'vitest';
import { safetyVerdict, type VerdictFacts } from './verdict';

const none: VerdictFacts = {
  holds: 0, untriagedCritical: 0, untriagedCriticalId: null, overdueLegal: 0, overdueActions: 0, weaponsNotBack: 0,
  untriagedOther: 0, openCritical: 0, recentFlags: 0, checksAwaitingWitness: 0, compliance: null,
};
const v = (f: Partial<VerdictFacts>) => safetyVerdict({ ...none, ...f });

describe('the safety verdict is the worst state (rule 4)', () => {
  it('is clear only when nothing needs a person', () => {
    expect(v({})).toEqual({ level: 'clear', headline: 'Clear: nothing needs a person', reasons: [] });
    expect(v({ compliance: 1 }).level).toBe('clear');
  });

  it('is not clear to shoot while a hold stands', () => {
    const r = v({ holds: 1 });
    expect(r).toMatchObject({ level: 'stop', headline: 'Not clear to shoot' });
    expect(r.reasons).toEqual([{ level: 'stop', text: expect.stringMatching(/^A stop-work hold stands/), target: { screen: 'hold' } }]);
  });

  it('is not clear to shoot while a critical or live-ammunition report is untriaged, linking to it', () => {
    expect(v({ untriagedCritical: 1, untriagedCriticalId: 'i1' })).toMatchObject({
      level: 'stop',
      reasons: [{ level: 'stop', text: '1 critical or live-ammunition report is not yet triaged.', target: { screen: 'incident', id: 'i1' } }],
    });
    expect(v({ untriagedCritical: 2 }).reasons[0]).toMatchObject({ text: '2 critical or live-ammunition reports are not yet triaged.', target: { screen: 'incidents', status: 'reported', severity: 'critical' } });
  });

  it('is not clear to shoot while a legal deadline is overdue', () => {
    expect(v({ overdueLegal: 1 })).toMatchObject({ level: 'stop', reasons: [{ text: '1 legal deadline is overdue.', target: { screen: 'dashboard', card: 'card-deadlines' } }] });
  });

  it.each<[string, Partial<VerdictFacts>, RegExp]>([
    ['an overdue corrective action', { overdueActions: 2 }, /^2 corrective actions are overdue/],
    ['a weapon not back since an earlier day', { weaponsNotBack: 1 }, /^1 weapon is not back/],
    ['an untriaged lesser report', { untriagedOther: 3 }, /^3 reports wait for triage/],
    ['a critical report being worked on', { openCritical: 1 }, /^1 critical report is still open/],
    ['a recent rule-3 escalation', { recentFlags: 1 }, /^1 rule-3 escalation/],
    ['a check waiting for a witness', { checksAwaitingWitness: 1 }, /^1 check waits for a witness/],
    ['check compliance under 100 %', { compliance: 0.5 }, /^Check compliance is 50%/],
  ])('asks for attention, saying which, for %s', (_name, facts, text) => {
    const r = v(facts);
    expect(r).toMatchObject({ level: 'attention', headline: 'Attention' });
    expect(r.reasons).toHaveLength(1);
    expect(r.reasons[0]).toMatchObject({ level: 'attention', text: expect.stringMatching(text) });
  });

  it('the worst state wins, and every reason is listed, the stopping ones first', () => {
    // The case: two open critical incidents, one an untriaged live round, 50 % compliance.
    const r = v({ untriagedCritical: 1, untriagedCriticalId: 'live', openCritical: 1, compliance: 0.5 });
    expect(r.level).toBe('stop');
    expect(r.headline).toBe('Not clear to shoot');
    expect(r.reasons.map((x) => x.level)).toEqual(['stop', 'attention', 'attention']);
    const all = v({ holds: 1, untriagedCritical: 2, overdueLegal: 1, overdueActions: 1, weaponsNotBack: 1, untriagedOther: 1, openCritical: 1, recentFlags: 1, checksAwaitingWitness: 1, compliance: 0.9 });
    expect(all.level).toBe('stop');
    expect(all.reasons.map((x) => x.level)).toEqual(['stop', 'stop', 'stop', ...Array(7).fill('attention')]);
  });
});
