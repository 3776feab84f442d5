import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { firearms, memberships, qualificationCertificates, qualifications, safetyMeetings, scenePlans, users, type Qualification, type QualificationCertificate, type ScenePlan } from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import { assertCan } from '@/app/lib/policy';
import type { Duty, FirearmKind, PlanLoad } from '@/app/lib/enums';
import { canCollect, type PlanGate } from '@/app/lib/rules';

export type PlanView = ScenePlan & {
  /** A newer plan for the same setup replaced this one. */
  superseded: boolean;
  createdBy: string;
  armorerSignedBy: string | null;
  advisorSignedBy: string | null;
  approvedBy: string | null;
  rows: { firearmId: string; weapon: string; kind: FirearmKind | null; handlerId: string; handler: string; load: PlanLoad; rounds: number }[];
  /** Rule 9: who the plan records on other duties; `custodian` when that member holds the weapons in custody. */
  dutyRows: { userId: string; name: string; duty: Duty; custodian: boolean }[];
};

const norm = (s: string) => s.trim().toLowerCase();

/** Every scene plan of the production, newest first; older plans of a setup are marked replaced. */
export function listScenePlans(actor: Actor): PlanView[] {
  assertCan(actor, 'plan.view');
  const db = getDb();
  const plans = db.select().from(scenePlans).where(eq(scenePlans.productionId, actor.productionId)).orderBy(desc(scenePlans.createdAt)).all();
  if (plans.length === 0) return [];
  const people = db
    .select({ id: users.id, name: users.name, role: memberships.role, positions: memberships.positions })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.productionId, actor.productionId))
    .all();
  const names = new Map(people.map((u) => [u.id, u.name]));
  const custodians = new Set(people.filter((u) => canCollect({ role: u.role, positions: u.positions })).map((u) => u.id));
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
      dutyRows: p.duties.map((d) => ({ ...d, name: name(d.userId)!, custodian: custodians.has(d.userId) })),
    };
  });
}

export type CertificateView = Pick<QualificationCertificate, 'id' | 'mime' | 'size' | 'createdAt'> & { uploadedBy: string };
export type QualificationView = Qualification & { member: string; certificates: CertificateView[] };

/** Members' qualifications, soonest expiry first, each with its certificate scans (oldest first). */
export function listQualifications(actor: Actor): QualificationView[] {
  assertCan(actor, 'qualification.view');
  const db = getDb();
  const certs = new Map<string, CertificateView[]>();
  for (const c of db
    .select({ qualificationId: qualificationCertificates.qualificationId, id: qualificationCertificates.id, mime: qualificationCertificates.mime, size: qualificationCertificates.size, createdAt: qualificationCertificates.createdAt, uploadedBy: users.name })
    .from(qualificationCertificates)
    .innerJoin(users, eq(users.id, qualificationCertificates.uploadedById))
    .where(eq(qualificationCertificates.productionId, actor.productionId))
    .orderBy(qualificationCertificates.createdAt)
    .all()) {
    const { qualificationId, ...view } = c;
    certs.set(qualificationId, [...(certs.get(qualificationId) ?? []), view]);
  }
  return db
    .select({ q: qualifications, member: users.name })
    .from(qualifications)
    .innerJoin(users, eq(users.id, qualifications.userId))
    .where(and(eq(qualifications.productionId, actor.productionId)))
    .orderBy(qualifications.expiresOn)
    .all()
    .map((r) => ({ ...r.q, member: r.member, certificates: certs.get(r.q.id) ?? [] }));
}

/**
 * One certificate scan, only for someone who may see qualifications and only on their production
 * (ARCHITECTURE.md: qualification certificates). Null when it is not theirs to see: the route
 * answers 404 for another production's, 403 (through assertCan) for a role without the right.
 */
export function getCertificate(actor: Actor, qualificationId: string, certificateId: string): QualificationCertificate | null {
  assertCan(actor, 'qualification.view');
  if (typeof certificateId !== 'string' || certificateId.length > 64 || typeof qualificationId !== 'string' || qualificationId.length > 64) return null;
  return (
    getDb()
      .select()
      .from(qualificationCertificates)
      .where(
        and(
          eq(qualificationCertificates.id, certificateId),
          eq(qualificationCertificates.qualificationId, qualificationId),
          eq(qualificationCertificates.productionId, actor.productionId),
        ),
      )
      .get() ?? null
  );
}

/**
 * What rule 8 reads before a hand-out, for the hand-out form to say why first (the server decides
 * again on submit): the newest plan per setup, today's meeting scenes, members' qualifications.
 */
export function getPlanGate(actor: Actor, today: string): PlanGate {
  assertCan(actor, 'plan.view');
  const db = getDb();
  const plans = db.select().from(scenePlans).where(eq(scenePlans.productionId, actor.productionId)).orderBy(desc(scenePlans.createdAt)).all();
  const newest = new Map<string, ScenePlan>();
  for (const p of plans) if (!newest.has(norm(p.scene))) newest.set(norm(p.scene), p);
  return {
    plansInUse: plans.length > 0,
    plans: [...newest.values()].map((p) => ({
      scene: p.scene,
      armorerSigned: p.armorerSignedAt != null,
      advisorSigned: p.advisorSignedAt != null,
      approved: p.approvedAt != null,
      weapons: p.weapons,
      duties: p.duties,
    })),
    meetingScenesToday: db
      .select({ scene: safetyMeetings.scene })
      .from(safetyMeetings)
      .where(and(eq(safetyMeetings.productionId, actor.productionId), eq(safetyMeetings.date, today), eq(safetyMeetings.firearmsOnSet, true)))
      .all()
      .map((m) => m.scene),
    qualifications: db
      .select({ userId: qualifications.userId, kind: qualifications.kind, issuedOn: qualifications.issuedOn, expiresOn: qualifications.expiresOn })
      .from(qualifications)
      .where(eq(qualifications.productionId, actor.productionId))
      .all(),
    today,
  };
}
