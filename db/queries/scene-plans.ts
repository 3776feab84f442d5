import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { firearms, memberships, qualifications, scenePlans, users, type Qualification, type ScenePlan } from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import { assertCan } from '@/app/lib/policy';
import type { FirearmKind, PlanLoad } from '@/app/lib/enums';

export type PlanView = ScenePlan & {
  /** A newer plan for the same setup replaced this one. */
  superseded: boolean;
  createdBy: string;
  armorerSignedBy: string | null;
  advisorSignedBy: string | null;
  approvedBy: string | null;
  rows: { firearmId: string; weapon: string; kind: FirearmKind | null; handlerId: string; handler: string; load: PlanLoad; rounds: number }[];
};

const norm = (s: string) => s.trim().toLowerCase();

/** Every scene plan of the production, newest first; older plans of a setup are marked replaced. */
export function listScenePlans(actor: Actor): PlanView[] {
  assertCan(actor, 'plan.view');
  const db = getDb();
  const plans = db.select().from(scenePlans).where(eq(scenePlans.productionId, actor.productionId)).orderBy(desc(scenePlans.createdAt)).all();
  if (plans.length === 0) return [];
  const names = new Map(
    db
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.productionId, actor.productionId))
      .all()
      .map((u) => [u.id, u.name]),
  );
  const weapons = new Map(
    db
      .select({ id: firearms.id, tag: firearms.tag, make: firearms.make, model: firearms.model, kind: firearms.kind })
      .from(firearms)
      .where(eq(firearms.productionId, actor.productionId))
      .all()
      .map((f) => [f.id, f]),
  );
  const seen = new Set<string>();
  const name = (id: string | null) => (id ? (names.get(id) ?? 'A former member') : null);
  return plans.map((p) => {
    const superseded = seen.has(norm(p.scene));
    seen.add(norm(p.scene));
    return {
      ...p,
      superseded,
      createdBy: name(p.createdById)!,
      armorerSignedBy: name(p.armorerSignedById),
      advisorSignedBy: name(p.advisorSignedById),
      approvedBy: name(p.approvedById),
      rows: p.weapons.map((w) => {
        const f = weapons.get(w.firearmId);
        return { ...w, weapon: f ? `${f.tag} (${f.make} ${f.model})` : 'A weapon no longer in the inventory', kind: f?.kind ?? null, handler: name(w.handlerId)! };
      }),
    };
  });
}

export type QualificationView = Qualification & { member: string };

/** Members' qualifications, soonest expiry first. */
export function listQualifications(actor: Actor): QualificationView[] {
  assertCan(actor, 'qualification.view');
  return getDb()
    .select({ q: qualifications, member: users.name })
    .from(qualifications)
    .innerJoin(users, eq(users.id, qualifications.userId))
    .where(and(eq(qualifications.productionId, actor.productionId)))
    .orderBy(qualifications.expiresOn)
    .all()
    .map((r) => ({ ...r.q, member: r.member }));
}
