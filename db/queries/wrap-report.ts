import 'server-only';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { chainHeadIn } from '@/db/audit-chains';
import {
  ammoEvidenceTransfers,
  ammoLots,
  ammoMovements,
  checkWitnesses,
  firearmChecks,
  firearms,
  handoffs,
  holdIncidents,
  holds,
  incidentFirearms,
  incidents,
  injuredPeople,
  meetingAttendees,
  qualificationCertificates,
  qualifications,
  refusedHandoffs,
  safetyMeetings,
  scenePlans,
  users,
  type Production,
} from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import { FIREARM_STATUSES, INCIDENT_TYPES, LABELS, SEVERITIES } from '@/app/lib/enums';
import { assertWrapReport, isFirearmRelated } from '@/app/lib/policy';
import { HANDOFF_REASONS, isCurrent, reconcileLot, rule1Applies } from '@/app/lib/rules';
import { formatStamp, localDate, toLocalDateTime } from '@/app/lib/time';

// The post-filming firearms report (ARCHITECTURE.md: post-filming report). One module, one read
// transaction, one list of sections: a section is a builder in WRAP_REPORT_SECTIONS below, and the
// page, the JSON and the CSV download all render whatever that list gives — a new section (the
// ammunition chain's per-lot reconciliation) is one more entry there and nothing else.

export type Cell = string | number | null;
/** A headline figure of a section; `key` is stable (tests and the CSV read it), `label` is for people. */
export type Figure = { key: string; label: string; value: number | string };
export type ReportTable = { key: string; title: string; columns: { key: string; label: string }[]; rows: Record<string, Cell>[]; empty: string };
export type ReportSection = { key: string; title: string; note?: string; figures: Figure[]; tables: ReportTable[] };

export type WrapReport = {
  production: Pick<Production, 'id' | 'title' | 'company' | 'timeZone' | 'phase' | 'startDate' | 'endDate'>;
  /** The local day qualifications are judged on: the last shooting day once wrapped, else today. */
  asOf: string;
  wrapped: boolean;
  takenAt: Date;
  chainHead: { seq: number; hash: string } | null;
  sections: ReportSection[];
};

/** What every section builder reads: the read transaction, the production and its zone. */
export type SectionContext = { tx: Tx; productionId: string; timeZone: string; asOf: string; names: (id: string | null | undefined) => string };

export type SectionBuilder = { key: string; title: string; note?: string; build: (ctx: SectionContext) => Omit<ReportSection, 'key' | 'title'> };

const day = (ctx: SectionContext, at: Date | null | undefined) => (at ? localDate(at, ctx.timeZone) : null);
const when = (ctx: SectionContext, at: Date | null | undefined) => (at ? toLocalDateTime(at, ctx.timeZone).replace('T', ' ') : null);
const cols = (pairs: [string, string][]) => pairs.map(([key, label]) => ({ key, label }));
const sum = (xs: (number | null | undefined)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);

// ───────────────────────────── sections ─────────────────────────────

const weapons: SectionBuilder = {
  key: 'weapons',
  title: 'Weapons',
  build: ({ tx, productionId }) => {
    const rows = tx.select().from(firearms).where(eq(firearms.productionId, productionId)).orderBy(asc(firearms.tag)).all();
    return {
      figures: [
        { key: 'total', label: 'Weapons in the inventory', value: rows.length },
        ...FIREARM_STATUSES.map((s) => ({ key: s, label: LABELS.firearmStatus[s], value: rows.filter((r) => r.status === s).length })),
      ],
      tables: [
        {
          key: 'inventory',
          title: 'Inventory at the time of the report',
          columns: cols([['tag', 'Tag'], ['weapon', 'Make and model'], ['serial', 'Serial'], ['kind', 'Kind'], ['status', 'Status']]),
          rows: rows.map((f) => ({ tag: f.tag, weapon: `${f.make} ${f.model}`, serial: f.serial || null, kind: LABELS.firearmKind[f.kind], status: LABELS.firearmStatus[f.status] })),
          empty: 'No weapon was recorded.',
        },
      ],
    };
  },
};

const rounds: SectionBuilder = {
  key: 'rounds',
  title: 'Hand-outs and rounds',
  note: 'From the custody hand-offs: rounds issued are those handed out with a weapon; fired and returned are what the returns recorded (rule 2’s count).',
  build: ({ tx, productionId }) => {
    const rows = tx
      .select({ h: handoffs, tag: firearms.tag, lot: ammoLots })
      .from(handoffs)
      .innerJoin(firearms, eq(firearms.id, handoffs.firearmId))
      .leftJoin(ammoLots, eq(ammoLots.id, handoffs.ammoLotId))
      .where(eq(handoffs.productionId, productionId))
      .all();
    const returned = rows.filter((r) => r.h.returnedAt != null);
    // Rounds neither fired nor back on a returned hand-off: the count that filed an incident.
    const unaccounted = sum(returned.map((r) => Math.max(0, r.h.roundsOut - (r.h.roundsFired ?? 0) - (r.h.roundsBack ?? 0))));
    const stillOut = rows.filter((r) => r.h.returnedAt == null);
    const group = <K extends string>(keyOf: (r: (typeof rows)[number]) => K | null) => {
      const m = new Map<K, typeof rows>();
      for (const r of rows) {
        const k = keyOf(r);
        if (k !== null) m.set(k, [...(m.get(k) ?? []), r]);
      }
      return m;
    };
    const tally = (rs: typeof rows) => ({
      handOuts: rs.length,
      issued: sum(rs.map((r) => r.h.roundsOut)),
      fired: sum(rs.map((r) => r.h.roundsFired)),
      returned: sum(rs.map((r) => r.h.roundsBack)),
      outstanding: sum(rs.filter((r) => r.h.returnedAt == null).map((r) => r.h.roundsOut)),
    });
    const lots = tx.select().from(ammoLots).where(eq(ammoLots.productionId, productionId)).orderBy(asc(ammoLots.lotNumber)).all();
    const byLot = group((r) => r.h.ammoLotId);
    const byWeapon = group((r) => r.tag);
    return {
      figures: [
        { key: 'handOuts', label: 'Hand-outs', value: rows.length },
        { key: 'returns', label: 'Returned', value: returned.length },
        { key: 'stillOut', label: 'Not returned at the time of the report', value: stillOut.length },
        { key: 'issued', label: 'Rounds issued', value: sum(rows.map((r) => r.h.roundsOut)) },
        { key: 'fired', label: 'Rounds fired', value: sum(returned.map((r) => r.h.roundsFired)) },
        { key: 'returned', label: 'Rounds returned', value: sum(returned.map((r) => r.h.roundsBack)) },
        { key: 'outstanding', label: 'Rounds still out', value: sum(stillOut.map((r) => r.h.roundsOut)) },
        { key: 'unaccounted', label: 'Rounds neither fired nor returned', value: unaccounted },
      ],
      tables: [
        {
          key: 'perLot',
          title: 'Per lot',
          columns: cols([['lot', 'Lot'], ['kind', 'Kind'], ['calibre', 'Calibre'], ['supplier', 'Supplier'], ['handOuts', 'Hand-outs'], ['issued', 'Issued'], ['fired', 'Fired'], ['returned', 'Returned'], ['outstanding', 'Still out'], ['onHand', 'On hand']]),
          rows: lots.map((l) => ({ lot: l.lotNumber, kind: LABELS.ammoKind[l.kind], calibre: l.calibre, supplier: l.supplier, ...tally(byLot.get(l.id) ?? []), onHand: l.countOnHand })),
          empty: 'No ammunition lot was recorded.',
        },
        {
          key: 'perWeapon',
          title: 'Per weapon',
          columns: cols([['tag', 'Weapon'], ['handOuts', 'Hand-outs'], ['issued', 'Issued'], ['fired', 'Fired'], ['returned', 'Returned'], ['outstanding', 'Still out']]),
          rows: [...byWeapon.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([tag, rs]) => ({ tag, ...tally(rs) })),
          empty: 'No weapon was handed out.',
        },
      ],
    };
  },
};

const checks: SectionBuilder = {
  key: 'checks',
  title: 'Checks and witnesses',
  build: (ctx) => {
    const { tx, productionId } = ctx;
    const rows = tx
      .select({ c: firearmChecks, tag: firearms.tag })
      .from(firearmChecks)
      .innerJoin(firearms, eq(firearms.id, firearmChecks.firearmId))
      .where(eq(firearmChecks.productionId, productionId))
      .orderBy(asc(firearmChecks.performedAt))
      .all();
    const ids = rows.map((r) => r.c.id);
    const witnesses = ids.length ? tx.select().from(checkWitnesses).where(inArray(checkWitnesses.checkId, ids)).all() : [];
    const byId = new Map(rows.map((r) => [r.c.id, r]));
    const declined = witnesses.filter((w) => w.declinedAt != null);
    const failed = rows.filter((r) => r.c.result === 'fail');
    return {
      figures: [
        { key: 'total', label: 'Checks recorded', value: rows.length },
        { key: 'beforeUse', label: 'Before use', value: rows.filter((r) => r.c.phase === 'before_use').length },
        { key: 'afterUse', label: 'After use', value: rows.filter((r) => r.c.phase === 'after_use').length },
        { key: 'failed', label: 'Failed', value: failed.length },
        { key: 'witnesses', label: 'Witnesses named', value: witnesses.length },
        { key: 'confirmed', label: 'Witness confirmations', value: witnesses.filter((w) => w.confirmedAt != null).length },
        { key: 'declined', label: 'Witnesses who declined', value: declined.length },
        { key: 'awaited', label: 'Confirmations never given', value: witnesses.filter((w) => w.confirmedAt == null && w.declinedAt == null).length },
      ],
      tables: [
        {
          key: 'failed',
          title: 'Failed checks',
          columns: cols([['when', 'When'], ['weapon', 'Weapon'], ['scene', 'Setup'], ['phase', 'Phase'], ['by', 'Checked by'], ['findings', 'Findings']]),
          rows: failed.map((r) => ({ when: when(ctx, r.c.performedAt), weapon: r.tag, scene: r.c.scene, phase: LABELS.checkPhase[r.c.phase], by: ctx.names(r.c.performedById), findings: r.c.findings || null })),
          empty: 'No check failed.',
        },
        {
          key: 'declined',
          title: 'Witnesses who declined (“I did not see this check”)',
          columns: cols([['when', 'Declined'], ['witness', 'Witness'], ['weapon', 'Weapon'], ['scene', 'Setup'], ['by', 'Check by']]),
          rows: declined.map((w) => {
            const c = byId.get(w.checkId)!;
            return { when: when(ctx, w.declinedAt), witness: ctx.names(w.userId), weapon: c.tag, scene: c.c.scene, by: ctx.names(c.c.performedById) };
          }),
          empty: 'No witness declined.',
        },
      ],
    };
  },
};

const incidentSection: SectionBuilder = {
  key: 'incidents',
  title: 'Incidents',
  note: 'Duplicates are left out. Anonymous reports carry their day only.',
  build: (ctx) => {
    const { tx, productionId, timeZone } = ctx;
    const all = tx.select().from(incidents).where(eq(incidents.productionId, productionId)).orderBy(asc(incidents.number)).all();
    const rows = all.filter((i) => i.duplicateOfId == null);
    const linked = new Set(tx.select({ id: incidentFirearms.incidentId }).from(incidentFirearms).innerJoin(incidents, eq(incidents.id, incidentFirearms.incidentId)).where(eq(incidents.productionId, productionId)).all().map((r) => r.id));
    const injured = new Set(tx.select({ id: injuredPeople.incidentId }).from(injuredPeople).innerJoin(incidents, eq(incidents.id, injuredPeople.incidentId)).where(eq(incidents.productionId, productionId)).all().map((r) => r.id));
    const rule1 = rows.filter((i) => rule1Applies({ type: i.type, firearmLinked: linked.has(i.id), injured: injured.has(i.id) }));
    return {
      figures: [
        { key: 'total', label: 'Incidents', value: rows.length },
        { key: 'firearmRelated', label: 'Firearm-related', value: rows.filter((i) => isFirearmRelated({ type: i.type, firearmCount: linked.has(i.id) ? 1 : 0 })).length },
        { key: 'rule1', label: 'Stopped work (rule 1)', value: rule1.length },
        { key: 'open', label: 'Not closed', value: rows.filter((i) => i.status !== 'closed').length },
        { key: 'duplicates', label: 'Duplicates left out', value: all.length - rows.length },
      ],
      tables: [
        {
          key: 'byType',
          title: 'By type',
          columns: cols([['type', 'Type'], ['count', 'Incidents']]),
          rows: INCIDENT_TYPES.map((t) => ({ type: LABELS.incidentType[t], count: rows.filter((i) => i.type === t).length })).filter((r) => r.count > 0),
          empty: 'No incident was reported.',
        },
        {
          key: 'bySeverity',
          title: 'By severity',
          columns: cols([['severity', 'Severity'], ['count', 'Incidents']]),
          rows: SEVERITIES.map((s) => ({ severity: LABELS.severity[s], count: rows.filter((i) => i.severity === s).length })).filter((r) => r.count > 0),
          empty: 'No incident was reported.',
        },
        {
          key: 'rule1',
          title: 'Incidents that stopped work (rule 1)',
          columns: cols([['number', 'No.'], ['reported', 'Reported'], ['type', 'Type'], ['severity', 'Severity'], ['status', 'Status'], ['where', 'Where']]),
          rows: rule1.map((i) => ({
            number: i.number,
            reported: i.anonymous ? formatStamp(i.reportedAt, timeZone, true) : when(ctx, i.reportedAt),
            type: injured.has(i.id) && !['accidental_discharge', 'live_ammunition_found'].includes(i.type) ? `${LABELS.incidentType[i.type]} (firearm injury)` : LABELS.incidentType[i.type],
            severity: LABELS.severity[i.severity],
            status: LABELS.status[i.status],
            where: [i.location, i.scene].filter(Boolean).join(' · ') || null,
          })),
          empty: 'No incident stopped work.',
        },
      ],
    };
  },
};

const holdSection: SectionBuilder = {
  key: 'holds',
  title: 'Stop-work holds',
  build: (ctx) => {
    const { tx, productionId } = ctx;
    const rows = tx.select().from(holds).where(eq(holds.productionId, productionId)).orderBy(asc(holds.calledAt)).all();
    const joined = rows.length ? tx.select().from(holdIncidents).where(inArray(holdIncidents.holdId, rows.map((h) => h.id))).all() : [];
    const numbers = new Map(tx.select({ id: incidents.id, number: incidents.number }).from(incidents).where(eq(incidents.productionId, productionId)).all().map((i) => [i.id, i.number]));
    return {
      figures: [
        { key: 'called', label: 'Holds called', value: rows.length },
        { key: 'rule1', label: 'Called by rule 1', value: rows.filter((h) => h.source === 'rule1').length },
        { key: 'lifted', label: 'Lifted', value: rows.filter((h) => h.liftedAt != null).length },
        { key: 'standing', label: 'Standing at the time of the report', value: rows.filter((h) => h.liftedAt == null).length },
      ],
      tables: [
        {
          key: 'holds',
          title: 'Holds',
          columns: cols([['called', 'Called'], ['calledBy', 'Called by'], ['reason', 'Reason'], ['incidents', 'Incidents'], ['lifted', 'Lifted'], ['liftedBy', 'Lifted by'], ['concurredBy', 'Concurrence']]),
          rows: rows.map((h) => {
            const nos = [h.incidentId, ...joined.filter((j) => j.holdId === h.id).map((j) => j.incidentId)].filter((x): x is string => !!x).map((id) => numbers.get(id));
            return {
              called: when(ctx, h.calledAt),
              calledBy: h.calledById ? ctx.names(h.calledById) : h.source === 'rule1' ? 'Rule 1 (from a report)' : 'An anonymous report',
              reason: h.reason,
              incidents: [...new Set(nos)].filter((n) => n != null).map((n) => `#${n}`).join(', ') || null,
              lifted: when(ctx, h.liftedAt),
              liftedBy: h.liftedById ? ctx.names(h.liftedById) : null,
              concurredBy: h.concurredById ? ctx.names(h.concurredById) : null,
            };
          }),
          empty: 'No hold was called.',
        },
      ],
    };
  },
};

const meetings: SectionBuilder = {
  key: 'meetings',
  title: 'Safety meetings',
  build: ({ tx, productionId }) => {
    const rows = tx.select().from(safetyMeetings).where(eq(safetyMeetings.productionId, productionId)).orderBy(asc(safetyMeetings.date), asc(safetyMeetings.createdAt)).all();
    const attendees = rows.length ? tx.select().from(meetingAttendees).where(inArray(meetingAttendees.meetingId, rows.map((m) => m.id))).all() : [];
    const days = new Map<string, typeof rows>();
    for (const m of rows) days.set(m.date, [...(days.get(m.date) ?? []), m]);
    return {
      figures: [
        { key: 'total', label: 'Meetings', value: rows.length },
        { key: 'firearms', label: 'Covering firearms', value: rows.filter((m) => m.firearmsOnSet).length },
        { key: 'days', label: 'Days with a meeting', value: days.size },
        { key: 'attendance', label: 'Attendances confirmed', value: attendees.filter((a) => a.confirmedAt != null).length },
      ],
      tables: [
        {
          key: 'perDay',
          title: 'Per day',
          columns: cols([['day', 'Day'], ['meetings', 'Meetings'], ['firearms', 'Covering firearms'], ['scenes', 'Scenes covered'], ['attended', 'Attendances confirmed']]),
          rows: [...days.entries()].map(([d, ms]) => ({
            day: d,
            meetings: ms.length,
            firearms: ms.filter((m) => m.firearmsOnSet).length,
            scenes: ms.map((m) => m.scene).join('; '),
            attended: attendees.filter((a) => a.confirmedAt != null && ms.some((m) => m.id === a.meetingId)).length,
          })),
          empty: 'No safety meeting was recorded.',
        },
      ],
    };
  },
};

const plans: SectionBuilder = {
  key: 'plans',
  title: 'Scene plans (rule 8)',
  note: 'The newest plan of each setup governs; older ones are counted as replaced.',
  build: (ctx) => {
    const { tx, productionId } = ctx;
    const rows = tx.select().from(scenePlans).where(eq(scenePlans.productionId, productionId)).orderBy(desc(scenePlans.createdAt)).all();
    const newest = new Map<string, (typeof rows)[number]>();
    for (const p of rows) if (!newest.has(p.scene.trim().toLowerCase())) newest.set(p.scene.trim().toLowerCase(), p);
    const current = [...newest.values()].sort((a, b) => a.scene.localeCompare(b.scene));
    return {
      figures: [
        { key: 'setups', label: 'Setups planned', value: current.length },
        { key: 'approved', label: 'Approved', value: current.filter((p) => p.approvedAt != null).length },
        { key: 'notApproved', label: 'Never approved', value: current.filter((p) => p.approvedAt == null).length },
        { key: 'replaced', label: 'Plans replaced by a newer one', value: rows.length - current.length },
      ],
      tables: [
        {
          key: 'plans',
          title: 'Plans in force',
          columns: cols([['scene', 'Setup'], ['weapons', 'Weapons'], ['armorer', 'Signed by the armorer'], ['advisor', 'Signed by the safety advisor'], ['approved', 'Approved by'], ['approvedAt', 'Approved']]),
          rows: current.map((p) => ({
            scene: p.scene,
            weapons: p.weapons.length,
            armorer: p.armorerSignedById ? ctx.names(p.armorerSignedById) : null,
            advisor: p.advisorSignedById ? ctx.names(p.advisorSignedById) : null,
            approved: p.approvedById ? ctx.names(p.approvedById) : null,
            approvedAt: day(ctx, p.approvedAt),
          })),
          empty: 'No scene plan was written.',
        },
      ],
    };
  },
};

const qualificationSection: SectionBuilder = {
  key: 'qualifications',
  title: 'Qualifications',
  build: (ctx) => {
    const { tx, productionId, asOf } = ctx;
    const rows = tx.select().from(qualifications).where(eq(qualifications.productionId, productionId)).orderBy(asc(qualifications.expiresOn)).all();
    const scans = new Map<string, number>();
    for (const c of tx.select({ q: qualificationCertificates.qualificationId }).from(qualificationCertificates).where(eq(qualificationCertificates.productionId, productionId)).all()) scans.set(c.q, (scans.get(c.q) ?? 0) + 1);
    const status = (q: (typeof rows)[number]) => (isCurrent(q, asOf) ? 'Current' : q.expiresOn < asOf ? 'Expired' : 'Not yet valid');
    return {
      figures: [
        { key: 'total', label: 'Qualifications on record', value: rows.length },
        { key: 'current', label: `Current on ${asOf}`, value: rows.filter((q) => status(q) === 'Current').length },
        { key: 'expired', label: `Expired by ${asOf}`, value: rows.filter((q) => status(q) === 'Expired').length },
        { key: 'withScan', label: 'With a certificate scan', value: rows.filter((q) => scans.has(q.id)).length },
      ],
      tables: [
        {
          key: 'qualifications',
          title: `Qualifications on ${asOf}`,
          columns: cols([['member', 'Member'], ['kind', 'Kind'], ['issuer', 'Issued by'], ['reference', 'Reference'], ['expiresOn', 'Expires'], ['status', 'Status'], ['scans', 'Scans']]),
          rows: rows.map((q) => ({ member: ctx.names(q.userId), kind: LABELS.qualificationKind[q.kind], issuer: q.issuer, reference: q.reference || null, expiresOn: q.expiresOn, status: status(q), scans: scans.get(q.id) ?? 0 })),
          empty: 'No qualification was recorded.',
        },
      ],
    };
  },
};

const refused: SectionBuilder = {
  key: 'refused',
  title: 'Refused hand-outs',
  build: (ctx) => {
    const { tx, productionId } = ctx;
    const rows = tx
      .select({ r: refusedHandoffs, tag: firearms.tag, number: incidents.number })
      .from(refusedHandoffs)
      .innerJoin(firearms, eq(firearms.id, refusedHandoffs.firearmId))
      .leftJoin(incidents, eq(incidents.id, refusedHandoffs.incidentId))
      .where(eq(refusedHandoffs.productionId, productionId))
      .orderBy(asc(refusedHandoffs.at))
      .all();
    const reasonCount = (key: string) => rows.filter((r) => r.r.reasons.includes(key)).length;
    return {
      figures: [
        { key: 'total', label: 'Hand-outs refused and recorded', value: rows.length },
        { key: 'qualification', label: 'For a lapsed or missing qualification', value: rows.filter((r) => r.r.reasons.some((x) => x === 'qualification_expired' || x === 'handler_not_qualified')).length },
        { key: 'hold', label: 'During a hold', value: reasonCount('hold_standing') },
      ],
      tables: [
        {
          key: 'refused',
          title: 'Refusals',
          columns: cols([['when', 'When'], ['weapon', 'Weapon'], ['by', 'Attempted by'], ['to', 'To'], ['scene', 'Setup'], ['reasons', 'Why'], ['incident', 'Report']]),
          rows: rows.map(({ r, tag, number }) => ({
            when: when(ctx, r.at),
            weapon: tag,
            by: ctx.names(r.attemptedById),
            to: r.toId ? ctx.names(r.toId) : null,
            scene: r.scene,
            reasons: r.reasons.map((k) => (k in HANDOFF_REASONS ? HANDOFF_REASONS[k as keyof typeof HANDOFF_REASONS] : k)).join(' '),
            incident: number != null ? `#${number}` : null,
          })),
          empty: 'No hand-out was refused.',
        },
      ],
    };
  },
};

const ammunitionChain: SectionBuilder = {
  key: 'ammunition',
  title: 'Ammunition chain',
  note: 'From each lot’s ledger, from its delivery to the report: what came in, went out, was fired, came back, went to the authorities or back to the vendor. “Ledger differs” is the stored count less the ledger’s, 0 when they agree.',
  build: (ctx) => {
    const { tx, productionId } = ctx;
    const lots = tx.select().from(ammoLots).where(eq(ammoLots.productionId, productionId)).orderBy(asc(ammoLots.receivedOn), asc(ammoLots.lotNumber)).all();
    const moves = tx.select().from(ammoMovements).where(eq(ammoMovements.productionId, productionId)).orderBy(asc(ammoMovements.at)).all();
    const transfers = tx.select().from(ammoEvidenceTransfers).where(eq(ammoEvidenceTransfers.productionId, productionId)).orderBy(asc(ammoEvidenceTransfers.transferredAt)).all();
    const lotNumber = new Map(lots.map((l) => [l.id, l.lotNumber]));
    const rows = lots.map((l) => {
      const r = reconcileLot(
        moves.filter((m) => m.lotId === l.id).map((m) => ({ day: localDate(m.at, ctx.timeZone), kind: m.kind, delta: m.delta, rounds: m.rounds })),
        l.countOnHand,
      );
      const total = (k: 'received' | 'issued' | 'fired' | 'returned' | 'missing' | 'adjusted' | 'evidence' | 'vendorReturned') => sum(r.days.map((d) => d[k]));
      return {
        lot: l.lotNumber,
        paperwork: l.paperworkRef || null,
        kind: LABELS.ammoKind[l.kind],
        verified: l.kind === 'dummy' ? `${l.verifiedCount ?? 0} by ${l.verificationMethods.map((m) => m.replace('_', ' ')).join(', ') || '—'}` : null,
        status: LABELS.ammoLotStatus[l.status],
        received: total('received'),
        issued: total('issued'),
        fired: total('fired'),
        returned: total('returned'),
        missing: total('missing'),
        adjusted: total('adjusted'),
        evidence: total('evidence'),
        vendor: total('vendorReturned'),
        onHand: l.countOnHand,
        drift: r.drift,
      };
    });
    return {
      figures: [
        { key: 'lots', label: 'Lots received', value: lots.length },
        { key: 'frozen', label: 'Lots frozen as evidence', value: lots.filter((l) => l.status === 'frozen').length },
        { key: 'vendorReturned', label: 'Lots returned to the vendor', value: lots.filter((l) => l.status === 'returned').length },
        { key: 'notReturned', label: 'Lots not yet returned to the vendor', value: lots.filter((l) => l.status === 'in_store').length },
        { key: 'liveFound', label: 'Live rounds found', value: sum(lots.map((l) => l.liveRoundsFound)) },
        { key: 'missing', label: 'Rounds not accounted for on a return', value: sum(rows.map((r) => r.missing)) },
        { key: 'drift', label: 'Lots whose ledger differs from the count', value: rows.filter((r) => r.drift !== 0).length },
      ],
      tables: [
        {
          key: 'ledger',
          title: 'Per lot, from the ledger',
          columns: cols([['lot', 'Lot'], ['paperwork', 'Delivery note'], ['kind', 'Kind'], ['verified', 'Dummies verified'], ['status', 'State'], ['received', 'Received'], ['issued', 'Issued'], ['fired', 'Fired'], ['returned', 'Returned'], ['missing', 'Not accounted for'], ['adjusted', 'Adjusted'], ['evidence', 'To the authorities'], ['vendor', 'Back to vendor'], ['onHand', 'On hand'], ['drift', 'Ledger differs']]),
          rows,
          empty: 'No ammunition lot was recorded.',
        },
        {
          key: 'evidence',
          title: 'Evidence transfers',
          columns: cols([['lot', 'Lot'], ['at', 'When'], ['from', 'From'], ['to', 'To'], ['badge', 'Badge or ID'], ['rounds', 'Inert rounds'], ['live', 'Live rounds'], ['seal', 'Seal or bag']]),
          rows: transfers.map((t) => ({
            lot: lotNumber.get(t.lotId) ?? null,
            at: when(ctx, t.transferredAt),
            from: [t.fromName, t.fromAgency].filter(Boolean).join(', '),
            to: [t.toName, t.toAgency].filter(Boolean).join(', '),
            badge: t.toBadge,
            rounds: t.rounds,
            live: t.liveRounds,
            seal: t.sealNumber,
          })),
          empty: 'No lot went to the authorities.',
        },
      ],
    };
  },
};

/**
 * The report's sections, in print order. Add a section here (a `SectionBuilder` reading through
 * `ctx.tx`) and the page, the JSON and the CSV show it; nothing else changes.
 */
export const WRAP_REPORT_SECTIONS: readonly SectionBuilder[] = [weapons, rounds, ammunitionChain, checks, incidentSection, holdSection, meetings, plans, qualificationSection, refused];

/** The local day qualifications are judged on: the production's last day once wrapped (never after today), else today. */
export function reportAsOf(p: Pick<Production, 'phase' | 'endDate' | 'timeZone'>, now: Date): string {
  const today = localDate(now, p.timeZone);
  return p.phase === 'wrapped' && p.endDate && p.endDate < today ? p.endDate : today;
}

/** The whole report, read in one snapshot with the audit chain head. Refuses a reader the policy refuses. */
export function getWrapReport(actor: Actor, now: Date = new Date(), sections: readonly SectionBuilder[] = WRAP_REPORT_SECTIONS): WrapReport {
  assertWrapReport(actor);
  const p = actor.production;
  const asOf = reportAsOf(p, now);
  return getDb().transaction(
    (tx) => {
      const chainHead = chainHeadIn(tx, actor.productionId);
      const people = new Map<string, string>();
      const names = (id: string | null | undefined) => {
        if (!id) return 'Unknown';
        if (!people.has(id)) people.set(id, tx.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? 'Unknown');
        return people.get(id)!;
      };
      const ctx: SectionContext = { tx, productionId: actor.productionId, timeZone: p.timeZone, asOf, names };
      return {
        production: { id: p.id, title: p.title, company: p.company, timeZone: p.timeZone, phase: p.phase, startDate: p.startDate, endDate: p.endDate },
        asOf,
        wrapped: p.phase === 'wrapped',
        takenAt: now,
        chainHead,
        sections: sections.map((s) => ({ key: s.key, title: s.title, note: s.note, ...s.build(ctx) })),
      };
    },
    { behavior: 'deferred' },
  );
}

/** A figure by section and key (the CSV and the tests read figures this way). */
export function figureOf(r: WrapReport, section: string, key: string): number | string | undefined {
  return r.sections.find((s) => s.key === section)?.figures.find((f) => f.key === key)?.value;
}

/** The CSV download: every figure and every table row, one line each, with its section (RFC 4180 by the export formatter). */
export function wrapReportRows(r: WrapReport): Record<string, Cell>[] {
  const out: Record<string, Cell>[] = [];
  for (const s of r.sections) {
    for (const f of s.figures) out.push({ section: s.title, table: null, item: f.label, key: f.key, value: f.value, details: null });
    for (const t of s.tables) {
      for (const row of t.rows) {
        const [first, ...rest] = t.columns;
        out.push({ section: s.title, table: t.title, item: first ? row[first.key] : null, key: null, value: null, details: rest.map((c) => `${c.label}: ${row[c.key] ?? '—'}`).join('; ') });
      }
    }
  }
  return out;
}
