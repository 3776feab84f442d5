import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, isAuditAction } from './audit-actions';
import { actionLabel } from './audit-diff';

describe('audit actions', () => {
  it('every recorded action reads as its own words', () => {
    expect(actionLabel('hold.lift')).toBe('Stop-work hold lifted');
    expect(actionLabel('incident.file')).toBe('Report filed');
    for (const [action, label] of Object.entries(AUDIT_ACTIONS)) {
      expect(isAuditAction(action)).toBe(true);
      expect(actionLabel(action)).toBe(label);
      expect(label).toMatch(/^[A-Z]/);
    }
  });

  it('an action an older database recorded, since renamed, is still spelled out', () => {
    expect(isAuditAction('member.invite')).toBe(false);
    expect(actionLabel('member.invite')).toBe('Member: invite');
    expect(actionLabel('corrective_action.reassignedTo')).toBe('Corrective action: reassigned to');
  });

  it('no prototype key passes for an action', () => {
    expect(isAuditAction('toString')).toBe(false);
    expect(actionLabel('constructor')).toBe('Constructor');
  });
});
