import { describe, expect, it } from 'vitest';
import { ROLES, INCIDENT_TYPES, type Role } from './enums';
import { ACTIONS, allowed, assertCan, assertWrapReport, can, canAskReporter, canReadWrapReport, canSeeIncident, canSeeInjuryPersonal, canTriage, isFirearmRelated, isWriteAction, PERMISSION_MESSAGE, refusedBecause, WRAPPED_MESSAGE, type Action } from './policy';
import { Refusal } from './errors';

// The product's permission table (ARCHITECTURE.md: permission matrix), copied row by row. The test does not read policy.ts's matrix: it
// is an independent copy, so a change to either one without the other fails here.
const C = 'crew', A = 'armorer', P = 'producer', U = 'auditor';
const EXPECTED: Record<Action, readonly Role[]> = {
  // file an incident, named or anonymous: yes yes yes no
  'incident.file': [C, A, P],
  // see the incidents they filed: yes yes yes — (auditors file nothing)
  'incident.viewOwn': [C, A, P],
  // see every incident of the production: no yes yes read-only
  'incident.viewAll': [A, P, U],
  // comment on an incident they can see: yes yes yes no
  'incident.comment': [C, A, P],
  // triage, assign, investigate, close incidents; corrective actions: no firearm-related yes no
  'incident.triage': [P],
  'incident.triageFirearm': [A, P],
  // ask an anonymous reporter a question: no firearm-related yes no
  'anon.ask': [P],
  'anon.askFirearm': [A, P],
  // injury privacy: personal Form 301 fields only to producers, auditors (and the reporter)
  'injury.viewPersonal': [P, U],
  // manage firearms and ammunition inventory: no yes view view
  'firearm.view': [A, P, U],
  'firearm.manage': [A],
  // record firearm checks and custody hand-offs: no yes view view
  'check.record': [A],
  // confirm a check as a named witness: yes yes yes no
  'check.witness': [C, A, P],
  // safety meetings: attendees confirm their attendance (auditors are not on set)
  'meeting.attend': [C, A, P],
  // call a stop-work hold: yes yes yes no
  'hold.call': [C, A, P],
  // lift a stop-work hold (with a written resolution): no no yes no
  'hold.lift': [P],
  // rule 5: a rule-1 hold needs the armorer's or a second producer's concurrence
  'hold.concur': [A, P],
  // dashboards: no production yes yes (read-only)
  'dashboard.view': [A, P, U],
  // audit trail, verification, exports: no no yes yes
  'audit.view': [P, U],
  'audit.receipt': [P, U],
  // every member sees who is on the show (names, roles, positions)
  'members.view': [C, A, P, U],
  // invite and remove members, set their roles and positions: no no yes no
  'members.manage': [P],
  // edit the production, rotate the anonymous-report link: the producer
  'production.manage': [P],
  'production.view': [C, A, P, U],
  // rule 7: a critical signal waits for a producer's acknowledgement
  'signal.acknowledge': [P],
  // rule 7: the production's escalation windows and safety contacts are a producer's settings
  'escalation.manage': [P],
  // OSHA recordkeeping: reports made to OSHA or the state plan, recordability (a producer)
  'osha.record': [P],
  // OSHA Forms 300, 300A, 301 and the ITA files carry personal fields: producers and auditors
  'osha.view': [P, U],
  'plan.view': [C, A, P, U],
  'plan.write': [A],
  'plan.advise': [C, P],
  'plan.approve': [P],
  'qualification.view': [A, P, U],
  'qualification.record': [A, P],
  // The safety advisor is crew by role; canReadWrapReport refuses every other crew member.
  'report.wrap': [C, A, P, U],
  'duties.decide': [P],
  'ammo.receive': [A],
  'ammo.evidence': [A],
  'ammo.vendorReturn': [A],
  'ammo.acknowledgeReturn': [P],
};

describe('policy matrix', () => {
  it('covers every action, and only those', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const allowed = EXPECTED[action].includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
      });
    }
  }

  it('refuses everything without a role', () => {
    for (const action of ACTIONS) {
      expect(can(null, action)).toBe(false);
      expect(can(undefined, action)).toBe(false);
    }
  });

  it('leaves auditors read-only', () => {
    for (const action of ACTIONS) if (can('auditor', action)) expect(isWriteAction(action), action).toBe(false);
  });

  it('treats every changing action as a write (refused while wrapped)', () => {
    for (const a of ['incident.file', 'incident.comment', 'hold.call', 'hold.lift', 'members.manage', 'production.manage', 'check.record', 'firearm.manage'] as const) {
      expect(isWriteAction(a), a).toBe(true);
    }
    for (const a of ['incident.viewAll', 'audit.view', 'dashboard.view', 'members.view', 'production.view', 'firearm.view'] as const) {
      expect(isWriteAction(a), a).toBe(false);
    }
  });
});

describe('firearm-related refinements', () => {
  it('firearm-related = the four firearm types, or any linked weapon', () => {
    const firearmTypes = ['accidental_discharge', 'misfire_malfunction', 'live_ammunition_found', 'custody_breach'];
    for (const type of INCIDENT_TYPES) {
      expect(isFirearmRelated({ type }), type).toBe(firearmTypes.includes(type));
      expect(isFirearmRelated({ type, firearmCount: 1 }), `${type} + weapon`).toBe(true);
    }
  });

  it('armorers triage and ask reporters about firearm-related incidents only; producers about all', () => {
    const table: [Role, boolean, boolean][] = [
      ['crew', false, false],
      ['armorer', false, true],
      ['producer', true, true],
      ['auditor', false, false],
    ];
    for (const [role, other, firearm] of table) {
      expect(canTriage(role, false), `${role} triage other`).toBe(other);
      expect(canTriage(role, true), `${role} triage firearm`).toBe(firearm);
      expect(canAskReporter(role, false), `${role} ask other`).toBe(other);
      expect(canAskReporter(role, true), `${role} ask firearm`).toBe(firearm);
    }
  });

  it('crew see only what they filed; injury personal fields go to producers, auditors and the reporter', () => {
    const mine = { reporterId: 'u1' };
    const theirs = { reporterId: 'u2' };
    const anon = { reporterId: null };
    expect(canSeeIncident({ role: 'crew', userId: 'u1' }, mine)).toBe(true);
    expect(canSeeIncident({ role: 'crew', userId: 'u1' }, theirs)).toBe(false);
    expect(canSeeIncident({ role: 'crew', userId: 'u1' }, anon)).toBe(false);
    expect(canSeeIncident({ role: 'auditor', userId: 'u1' }, theirs)).toBe(true);
    expect(canSeeInjuryPersonal({ role: 'crew', userId: 'u1' }, mine)).toBe(true);
    expect(canSeeInjuryPersonal({ role: 'armorer', userId: 'u1' }, theirs)).toBe(false);
    expect(canSeeInjuryPersonal({ role: 'auditor', userId: 'u1' }, theirs)).toBe(true);
  });
});

describe('allowed: the role and the wrapped phase, in one answer', () => {
  const as = (role: Role, phase: 'prep' | 'shooting' | 'wrapped') => ({ role, production: { phase } });

  it('on a live production, is exactly the matrix', () => {
    for (const role of ROLES) for (const a of ACTIONS) for (const phase of ['prep', 'shooting'] as const) {
      expect(allowed(as(role, phase), a), `${role} ${a} ${phase}`).toBe(can(role, a));
      expect(refusedBecause(as(role, phase), a)).toBe(can(role, a) ? null : PERMISSION_MESSAGE);
    }
  });

  it('on a wrapped production, refuses every write with the wrapped message and keeps the reads', () => {
    for (const role of ROLES) for (const a of ACTIONS) {
      const expected = !can(role, a) ? PERMISSION_MESSAGE : isWriteAction(a) ? WRAPPED_MESSAGE : null;
      expect(refusedBecause(as(role, 'wrapped'), a), `${role} ${a}`).toBe(expected);
      expect(allowed(as(role, 'wrapped'), a)).toBe(expected === null);
    }
  });

  it('assertCan throws a forbidden Refusal with the same message, and passes silently when allowed', () => {
    expect(() => assertCan(as('auditor', 'shooting'), 'audit.view')).not.toThrow();
    const thrown = (() => {
      try {
        assertCan(as('crew', 'shooting'), 'audit.view');
      } catch (e) {
        return e;
      }
    })();
    expect(thrown).toBeInstanceOf(Refusal);
    expect(thrown).toMatchObject({ code: 'forbidden', message: PERMISSION_MESSAGE });
    expect(() => assertCan(as('producer', 'wrapped'), 'hold.lift')).toThrow(WRAPPED_MESSAGE);
  });
});

describe('the post-filming firearms report', () => {
  const shooting = { phase: 'shooting' as const };
  const wrapped = { phase: 'wrapped' as const };
  it('is read by producers, armorers, auditors and the safety advisor; no other crew member', () => {
    for (const role of ['producer', 'armorer', 'auditor'] as const) {
      expect(canReadWrapReport({ role, positions: [], production: wrapped })).toBe(true);
      expect(() => assertWrapReport({ role, positions: [], production: shooting })).not.toThrow();
    }
    expect(canReadWrapReport({ role: 'crew', positions: ['safety_advisor'], production: wrapped })).toBe(true);
    expect(canReadWrapReport({ role: 'crew', positions: ['actor', 'camera'], production: wrapped })).toBe(false);
    expect(() => assertWrapReport({ role: 'crew', positions: ['first_ad'], production: shooting })).toThrow(/safety advisor/);
  });
});
