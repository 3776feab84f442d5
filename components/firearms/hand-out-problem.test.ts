import { describe, expect, it } from 'vitest';
import { planProblem, handOutProblem, namedSetups, SETUPS_NAMED } from './hand-out-problem';

const gun = { id: 'f1', tag: 'DC-01' };
const ready = ['12A'];
const awaiting = [{ firearmId: 'f1', scene: '14B', waitingFor: ['Cal Actor', 'Dee First-AD'] }];

describe('what the hand-out form says before submitting (rule 2)', () => {
  it('says nothing until a weapon and a setup are chosen, and nothing for a cleared pair (any case, spaces)', () => {
    expect(handOutProblem(undefined, '12A', ready, awaiting)).toBeNull();
    expect(handOutProblem(gun, '  ', ready, awaiting)).toBeNull();
    expect(handOutProblem(gun, ' 12a ', ready, awaiting)).toBeNull();
  });
  it('names the witnesses a passing check still waits for', () => {
    expect(handOutProblem(gun, '14b', ready, awaiting)).toBe('The check of DC-01 for 14B still waits for Cal Actor, Dee First-AD to confirm it (rule 2).');
  });
  it('says there is no check for another setup or another weapon', () => {
    expect(handOutProblem(gun, '9C', ready, awaiting)).toMatch(/^DC-01 has no passing, witnessed check for “9C”/);
    expect(handOutProblem({ id: 'f2', tag: 'DC-02' }, '12A', [], awaiting)).toMatch(/^DC-02 has no passing/);
  });
});

describe('namedSetups: a weapon ready for many setups', () => {
  it('names them all up to the limit, then the newest and how many more', () => {
    expect(namedSetups(['12A'])).toBe('12A');
    const many = Array.from({ length: SETUPS_NAMED + 3 }, (_, i) => `S${i}`);
    expect(namedSetups(many.slice(0, SETUPS_NAMED))).toBe(many.slice(0, SETUPS_NAMED).join(', '));
    expect(namedSetups(many)).toBe(`${many.slice(0, SETUPS_NAMED).join(', ')} and 3 more`);
  });
});

describe('planProblem: rule 8 said before the hand-out is sent', () => {
  const gate = {
    plansInUse: true,
    plans: [{ scene: '14B', armorerSigned: true, advisorSigned: true, approved: true, weapons: [{ firearmId: 'f1', handlerId: 'cal', load: 'blank' as const, rounds: 6 }] }],
    meetingScenesToday: ['14B'],
    qualifications: [{ userId: 'cal', kind: 'firearms_safety_training', issuedOn: '2026-01-01', expiresOn: '2027-01-01' }],
    today: '2026-12-01',
  };
  const ask = (a: Partial<Parameters<typeof planProblem>[1]> = {}, g: typeof gate | null = gate) =>
    planProblem(g, { firearmId: 'f1', handlerId: 'cal', scene: '14b', lotKind: 'blank', rounds: 6, ...a });
  it('nothing to say for what the approved plan names, or before the form is filled, or without plans', () => {
    expect(ask()).toBeNull();
    expect(ask({ handlerId: '' })).toBeNull();
    expect(ask({}, null)).toBeNull();
    expect(ask({ scene: '22C' }, { ...gate, plansInUse: false, plans: [], meetingScenesToday: [], qualifications: [] })).toBeNull();
  });
  it('says what rule 8 would refuse', () => {
    expect(ask({ scene: '22C' })).toMatch(/no scene plan for this setup.*No safety meeting today covered firearms in this scene/);
    expect(ask({ lotKind: 'dummy' })).toMatch(/differs from the load/);
    expect(ask({ rounds: 7 })).toMatch(/differs from the load/);
    expect(ask({ lotKind: null, rounds: 0 })).toMatch(/differs from the load/);
    expect(ask({ handlerId: 'sky' })).toMatch(/no firearms safety training or handler permit/);
  });
});
