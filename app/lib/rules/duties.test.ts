import { describe, expect, it } from 'vitest';
import { CUSTODIAN_POSITIONS, DUTIES, POSITIONS } from '../enums';
import { evaluateHandoff, canReceive, canWitness, type HandoffFacts } from './custody';
import { armorerOtherPositions, canCollect, CUSTODIAN_POSITION_KEYS, doublingState, isCustodian, otherDutyReasons, type OtherDutyFacts } from './duties';

const at = new Date(Date.UTC(2026, 10, 24, 9));
const none: OtherDutyFacts = { giverId: 'arm', custodianRecipientId: null, duties: [] };

describe('rule 9: no other duties while weapons are out (§9153(a)(3))', () => {
  it('allows a hand-out when the setup records no duty for a custodian', () => {
    expect(otherDutyReasons(none)).toEqual([]);
    expect(otherDutyReasons({ ...none, duties: [{ userId: 'cam', duty: 'camera' }] })).toEqual([]);
  });
  it('refuses when the plan records the armorer on another duty for this setup', () => {
    expect(otherDutyReasons({ ...none, duties: [{ userId: 'arm', duty: 'props' }] })).toEqual(['armorer_other_duty']);
  });
  it('refuses when the receiving property master is recorded on another duty', () => {
    expect(otherDutyReasons({ ...none, custodianRecipientId: 'pm', duties: [{ userId: 'pm', duty: 'camera' }] })).toEqual(['custodian_other_duty']);
  });
  it('gives both reasons when both custodians are on other duties', () => {
    expect(otherDutyReasons({ giverId: 'arm', custodianRecipientId: 'pm', duties: [{ userId: 'arm', duty: 'props' }, { userId: 'pm', duty: 'other' }] })).toEqual([
      'armorer_other_duty',
      'custodian_other_duty',
    ]);
  });
  it('a performer recorded on a duty is not a custodian: their duty refuses nothing', () => {
    expect(otherDutyReasons({ ...none, custodianRecipientId: null, duties: [{ userId: 'actor', duty: 'stunt_performer' }] })).toEqual([]);
  });

  const passing = { id: 'c1', phase: 'before_use' as const, scene: '12A', result: 'pass' as const, performedAt: at, witnesses: [{ userId: 'actor', confirmedAt: at }] };
  const ok: HandoffFacts = {
    giver: { userId: 'arm', role: 'armorer' },
    recipient: { userId: 'actor', positions: ['actor'] },
    firearm: { id: 'f1', status: 'locked_up' },
    scene: '12A',
    checks: [passing],
    lastReturnAt: null,
    holdStanding: false,
    meetingsToday: [{ firearmsOnSet: true }],
  };
  it('joins evaluateHandoff: the hand-out is refused and no check is returned', () => {
    expect(evaluateHandoff({ ...ok, duties: none })).toMatchObject({ allowed: true, reasons: [] });
    expect(evaluateHandoff({ ...ok, duties: { ...none, duties: [{ userId: 'arm', duty: 'props' }] } })).toEqual({ allowed: false, reasons: ['armorer_other_duty'], check: null });
  });
  it('a property master or assistant may receive a weapon (custody), but never witness a check', () => {
    expect(evaluateHandoff({ ...ok, recipient: { userId: 'pm', positions: ['property_master'] } }).reasons).toEqual([]);
    expect(evaluateHandoff({ ...ok, recipient: { userId: 'apm', positions: ['assistant_property_master'] } }).reasons).toEqual([]);
    expect(evaluateHandoff({ ...ok, recipient: { userId: 'p', positions: ['props'] } }).reasons).toEqual(['recipient_not_eligible']);
    expect(canReceive(['property_master'])).toBe(true);
    expect(canWitness(['property_master', 'assistant_property_master'])).toBe(false);
  });
});

describe('custodians (§9153(a)(1)–(2))', () => {
  it('the rule module and the closed sets name the same custodian positions', () => {
    expect([...CUSTODIAN_POSITION_KEYS].sort()).toEqual([...CUSTODIAN_POSITIONS].sort());
    for (const p of CUSTODIAN_POSITIONS) expect(POSITIONS).toContain(p);
  });
  it('a duty is never a custodian position, so custody itself is not "another duty"', () => {
    for (const d of DUTIES) expect(CUSTODIAN_POSITIONS).not.toContain(d);
    expect([...DUTIES, ...CUSTODIAN_POSITIONS].sort()).toEqual([...POSITIONS].sort());
  });
  it('only the armorer, a property master or an assistant collects a weapon', () => {
    expect(canCollect({ role: 'armorer', positions: [] })).toBe(true);
    expect(canCollect({ role: 'crew', positions: ['property_master'] })).toBe(true);
    expect(canCollect({ role: 'crew', positions: ['assistant_property_master', 'camera'] })).toBe(true);
    expect(canCollect({ role: 'crew', positions: ['props'] })).toBe(false);
    expect(canCollect({ role: 'producer', positions: ['first_ad'] })).toBe(false);
    expect(canCollect({ role: 'crew', positions: ['actor'] })).toBe(false);
    expect(canCollect(null)).toBe(false);
    expect(isCustodian(['props', 'other'])).toBe(false);
  });
});

describe('the dashboard flag on an armorer with other positions, and the producer’s decision', () => {
  it('names the positions an armorer holds, and nothing for other roles', () => {
    expect(armorerOtherPositions({ role: 'armorer', positions: ['props'] })).toEqual(['props']);
    expect(armorerOtherPositions({ role: 'crew', positions: ['props'] })).toEqual([]);
  });
  it('is flagged until a standing decision covers every position held', () => {
    expect(doublingState([], [])).toBe('none');
    expect(doublingState(['props'], [])).toBe('flagged');
    expect(doublingState(['props'], [{ positions: ['props'], revoked: false }])).toBe('decided');
  });
  it('a revoked decision no longer covers the flag', () => {
    expect(doublingState(['props'], [{ positions: ['props'], revoked: true }])).toBe('flagged');
  });
  it('a position added after the decision reopens the flag', () => {
    expect(doublingState(['props', 'camera'], [{ positions: ['props'], revoked: false }])).toBe('flagged');
    expect(doublingState(['camera'], [{ positions: ['props', 'camera'], revoked: false }])).toBe('decided');
  });
});
