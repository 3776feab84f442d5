import { describe, expect, it } from 'vitest';
import { evaluateHandoff, HANDOFF_REASONS, type HandoffFacts } from './custody';
import { dueQualificationReminders, isCurrent, meetingCoversScene, scenePlanReasons, type ScenePlanFacts } from './scene-plans';

const plan = {
  armorerSigned: true,
  advisorSigned: true,
  approved: true,
  weapons: [{ firearmId: 'f1', handlerId: 'actor', load: 'blank' as const, rounds: 6 }],
};
const ok: ScenePlanFacts = {
  plansInUse: true,
  plan,
  scene: '14B',
  firearmId: 'f1',
  handlerId: 'actor',
  load: 'blank',
  rounds: 6,
  meetingScenesToday: ['14B'],
  handlerQualifications: [{ kind: 'firearms_safety_training', issuedOn: '2026-01-10', expiresOn: '2027-01-10' }],
  today: '2026-12-01',
};
const reasons = (f: Partial<ScenePlanFacts>) => scenePlanReasons({ ...ok, ...f });

describe('rule 8: the firearm scene plan', () => {
  it('allows a hand-out the approved plan names, with a meeting for the scene and a qualified handler', () => {
    expect(reasons({})).toEqual([]);
  });
  it('asks nothing of a production that plans no scenes and records no qualifications', () => {
    expect(reasons({ plansInUse: false, plan: null, meetingScenesToday: [], handlerQualifications: [] })).toEqual([]);
  });
  it('refuses a setup without a plan once the production plans its scenes', () => {
    expect(reasons({ plan: null })).toEqual(['no_scene_plan']);
  });
  it('refuses a plan without both signatures and the approval', () => {
    expect(reasons({ plan: { ...plan, approved: false } })).toEqual(['plan_not_approved']);
    expect(reasons({ plan: { ...plan, advisorSigned: false } })).toEqual(['plan_not_approved']);
    expect(reasons({ plan: { ...plan, armorerSigned: false } })).toEqual(['plan_not_approved']);
  });
  it('refuses a weapon, a handler or a load the plan does not name', () => {
    expect(reasons({ firearmId: 'f2' })).toEqual(['plan_weapon_not_named']);
    expect(reasons({ handlerId: 'stunt' })).toEqual(['plan_handler_not_named']);
    expect(reasons({ load: 'dummy' })).toEqual(['plan_load_mismatch']);
    expect(reasons({ load: 'none', rounds: 0 })).toEqual(['plan_load_mismatch']);
    expect(reasons({ rounds: 7 })).toEqual(['plan_load_mismatch']);
    expect(reasons({ rounds: 4 })).toEqual([]);
  });
  it('refuses without a meeting that covered this scene today (Bulletin #1: before firearms are used in a scene)', () => {
    expect(reasons({ meetingScenesToday: [] })).toEqual(['no_scene_meeting']);
    expect(reasons({ meetingScenesToday: ['22C'] })).toEqual(['no_scene_meeting']);
    expect(reasons({ meetingScenesToday: ['12A, 14b'] })).toEqual([]);
  });
  it('refuses a handler with no qualification, or only expired ones', () => {
    expect(reasons({ handlerQualifications: [] })).toEqual(['handler_not_qualified']);
    expect(reasons({ handlerQualifications: [{ kind: 'armorer_certificate', issuedOn: '2026-01-01', expiresOn: '2027-01-01' }] })).toEqual(['handler_not_qualified']);
    expect(reasons({ handlerQualifications: [{ kind: 'handler_permit', issuedOn: '2025-01-01', expiresOn: '2026-11-30' }] })).toEqual(['qualification_expired']);
  });
  it('refuses an expired qualification even before the production plans its scenes', () => {
    expect(reasons({ plansInUse: false, plan: null, meetingScenesToday: [], handlerQualifications: [{ kind: 'handler_permit', issuedOn: '2025-01-01', expiresOn: '2026-11-30' }] })).toEqual([
      'qualification_expired',
    ]);
  });
  it('refuses live rounds whatever the plan says; unknown qualifications decide nothing', () => {
    expect(reasons({ load: 'live' })).toEqual(['live_in_load']);
    expect(reasons({ plansInUse: false, plan: null, load: 'live', handlerQualifications: null })).toEqual(['live_in_load']);
    expect(reasons({ plan: null, handlerQualifications: null, meetingScenesToday: [] })).toEqual(['no_scene_plan', 'no_scene_meeting']);
  });
  it('gives every reason at once', () => {
    expect(reasons({ plan: null, meetingScenesToday: [], handlerQualifications: [] })).toEqual(['handler_not_qualified', 'no_scene_plan', 'no_scene_meeting']);
  });
  it('counts a qualification through its expiry day, not before its issue day', () => {
    expect(isCurrent({ issuedOn: '2026-01-01', expiresOn: '2026-12-01' }, '2026-12-01')).toBe(true);
    expect(isCurrent({ issuedOn: '2026-12-02', expiresOn: '2027-12-01' }, '2026-12-01')).toBe(false);
  });
  it('reads a meeting that named several setups', () => {
    expect(meetingCoversScene('14B; 22C', '22c')).toBe(true);
    expect(meetingCoversScene('14B and 22C', '22C')).toBe(true);
    expect(meetingCoversScene('114B', '14B')).toBe(false);
  });
  it('joins rules 2, 5 and 6 in the hand-off verdict, every reason tagged rule 8', () => {
    const base: HandoffFacts = {
      giver: { userId: 'arm', role: 'armorer' },
      recipient: { userId: 'actor', positions: ['actor'] },
      firearm: { id: 'f1', status: 'locked_up' },
      scene: '14B',
      checks: [{ id: 'c1', phase: 'before_use', scene: '14B', result: 'pass', performedAt: new Date(1), witnesses: [{ userId: 'ad', confirmedAt: new Date(2) }] }],
      lastReturnAt: null,
      holdStanding: false,
      meetingsToday: [{ firearmsOnSet: true }],
    };
    expect(evaluateHandoff({ ...base, scenePlan: ok }).allowed).toBe(true);
    const refused = evaluateHandoff({ ...base, scenePlan: { ...ok, plan: null } });
    expect(refused).toMatchObject({ allowed: false, reasons: ['no_scene_plan'], check: null });
    for (const r of ['no_scene_plan', 'live_in_load', 'plan_not_approved', 'plan_weapon_not_named', 'plan_handler_not_named', 'plan_load_mismatch', 'no_scene_meeting', 'handler_not_qualified', 'qualification_expired'] as const)
      expect(HANDOFF_REASONS[r]).toMatch(/\(rule 8\)\.$/);
  });
});

describe('rule 8: reminders before a qualification expires', () => {
  const q = (id: string, expiresOn: string, kind = 'handler_permit', userId = 'u1') => ({ id, userId, kind, expiresOn });
  it('reminds within 14 days of the expiry, and once it has passed (for a month)', () => {
    expect(dueQualificationReminders([q('a', '2026-12-15')], '2026-12-01')).toEqual([{ key: 'qualification:a:soon', qualificationId: 'a', userId: 'u1', stage: 'soon' }]);
    expect(dueQualificationReminders([q('a', '2026-12-16')], '2026-12-01')).toEqual([]);
    expect(dueQualificationReminders([q('a', '2026-11-30')], '2026-12-01')).toEqual([{ key: 'qualification:a:expired', qualificationId: 'a', userId: 'u1', stage: 'expired' }]);
    expect(dueQualificationReminders([q('a', '2026-10-01')], '2026-12-01')).toEqual([]);
  });
  it('a renewal of the same kind silences the old one', () => {
    expect(dueQualificationReminders([q('a', '2026-12-05'), q('b', '2027-12-05')], '2026-12-01')).toEqual([]);
    expect(dueQualificationReminders([q('a', '2026-12-05'), q('b', '2027-12-05', 'firearms_safety_training')], '2026-12-01').map((r) => r.key)).toEqual(['qualification:a:soon']);
  });
});
