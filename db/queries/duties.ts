import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { dutyDecisions, memberships, users, type DutyDecision } from '@/db/schema';
import type { DashboardActor } from './dashboard';
import { assertCan, can } from '@/app/lib/policy';
import type { Position } from '@/app/lib/enums';
import { armorerOtherPositions, doublingState } from '@/app/lib/rules';

export type DutyDecisionView = DutyDecision & { decidedBy: string; revokedBy: string | null };

/**
 * Producers' decisions on armorers holding another position (rule 9), newest first. Read by
 * whoever sees the dashboard, and by an armorer for their own (the warning on the custody page).
 */
export function listDutyDecisions(actor: DashboardActor): DutyDecisionView[] {
  const own = !can(actor.role, 'dashboard.view');
  if (own) assertCan(actor, 'check.record');
  const db = getDb();
  const names = new Map(db.select({ id: users.id, name: users.name }).from(users).innerJoin(memberships, eq(memberships.userId, users.id)).where(eq(memberships.productionId, actor.productionId)).all().map((u) => [u.id, u.name]));
  const where = own ? and(eq(dutyDecisions.productionId, actor.productionId), eq(dutyDecisions.userId, actor.userId)) : eq(dutyDecisions.productionId, actor.productionId);
  return db
    .select()
    .from(dutyDecisions)
    .where(where)
    .all()
    .sort((a, b) => b.decidedAt.getTime() - a.decidedAt.getTime())
    .map((d) => ({ ...d, decidedBy: names.get(d.decidedById) ?? 'A former member', revokedBy: d.revokedById ? (names.get(d.revokedById) ?? 'A former member') : null }));
}

export type ArmorerDuties = {
  userId: string;
  name: string;
  positions: Position[];
  state: 'flagged' | 'decided';
  /** The standing decision that covers the flag, if any. */
  decision: DutyDecisionView | null;
  /** Earlier decisions, revoked or outgrown by a new position. */
  history: DutyDecisionView[];
};

/** Each armorer holding another position, flagged or covered by a producer's decision (rule 9). */
export function armorerDuties(actor: DashboardActor, doubling: { userId: string; name: string; positions: Position[] }[]): ArmorerDuties[] {
  assertCan(actor, 'dashboard.view');
  const decisions = listDutyDecisions(actor);
  return doubling.map((d) => {
    const mine = decisions.filter((x) => x.userId === d.userId);
    const positions = armorerOtherPositions({ role: 'armorer', positions: d.positions });
    const covering = mine.find((x) => !x.revokedAt && positions.every((p) => x.positions.includes(p))) ?? null;
    const state = doublingState(positions, mine.map((x) => ({ positions: x.positions, revoked: x.revokedAt != null })));
    return { ...d, state: state === 'decided' ? 'decided' : 'flagged', decision: covering, history: mine.filter((x) => x !== covering) };
  });
}
