// Anonymous reports (ARCHITECTURE.md: anonymous reports). Nothing here reads a session, a cookie,
// a header, an address or a user agent: the public side knows only the link token or the receipt.
// Everything the reporter causes is stored with the day only (dayOnly), in the incident, comments,
// attachments, audit entries and notifications alike.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb, write, type Tx } from '@/db/client';
import { attachments, comments, dropBox, holdIncidents, incidentFirearms, incidents, productions, type DropBoxRow, type Incident, type Production } from '@/db/schema';
import { appendAudit } from '../audit';
import { defineCore, zodFieldErrors } from '../core';
import { LABELS, type CommentKind, type IncidentStatus, type Role } from '../enums';
import { fail, ok, Refusal, type ActionResult } from '../errors';
import { cleanInput } from '../text';
import { ANONYMOUS_LABEL, fileIncidentTx, incidentLink } from '../incidents/file';
import { notifyRoles } from '../notify';
import { randomToken } from '../passwords';
import { canAskReporter, isFirearmRelated } from '../policy';
import { isRule1 } from '../rules';
import { cleanImage } from '../attachments/image';
import {
  forgetWriteOrder,
  hasSealed,
  reporterPhotoCount,
  sealedItems,
  sealedReportById,
  sealedReportByReceipt,
  sealMessageTx,
  sealPhotoTx,
  sealReportTx,
  sealedTypeLabel,
  type SealedMessage,
  type SealedPhoto,
  type SealedReport,
} from './drop-box';
import {
  anonymousFilingSchema,
  askReporterSchema,
  RECEIPT_FORMAT_MESSAGE,
  reporterMessageSchema,
  rotateReportLinkSchema,
} from '../schemas/anonymous';
import { getAuthSecret } from '../secret';
import { dayOfStamp, dayOnly, localDate, startOfLocalDay } from '../time';
import { fileBytes, storePhoto, type StoredPhoto } from '../attachments/store';
import { checkReceiptMac, hashReceipt, normaliseReceipt } from './receipt';
import { enqueuePush, hasPushDevice } from '../delivery/outbox';
import { CHECK_DELAY_MS, isThrottled, recordWrong, sleep, THROTTLED_MESSAGE } from './throttle';

export const LINK_INACTIVE_MESSAGE = 'This report link is no longer active. Ask for the current QR code or link on the call sheet.';
export const WRONG_RECEIPT_MESSAGE = 'No report has that receipt code. Check each group of four and try again.';
export const WRAPPED_REPORT_MESSAGE = 'This production has wrapped: its records are read-only, so nothing can be added.';
/** The public side can add photos without an account: a cap per report bounds what one receipt can store. */
export const MAX_REPORTER_PHOTOS = 20;
export const TOO_MANY_PHOTOS_MESSAGE = `A report can carry at most ${MAX_REPORTER_PHOTOS} photos from the reporter.`;
const EXPIRED_FORM_MESSAGE = 'This form has expired. Reload the page and file again (what you typed is kept until you reload).';

/** Link tokens are made by randomToken (base64url); anything else cannot match and is not looked up. */
export function plausibleToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{8,100}$/.test(token);
}

/** The production a report link belongs to, or null when the link is unknown or was rotated. */
export function productionByToken(token: unknown): Pick<Production, 'id' | 'title' | 'phase' | 'timeZone'> | null {
  if (!plausibleToken(token)) return null;
  return (
    getDb()
      .select({ id: productions.id, title: productions.title, phase: productions.phase, timeZone: productions.timeZone })
      .from(productions)
      .where(eq(productions.reportToken, token))
      .get() ?? null
  );
}

function firearmRelatedTx(tx: Pick<Tx, 'select'>, incident: Pick<Incident, 'id' | 'type'>): boolean {
  const n = tx.select({ n: sql<number>`count(*)` }).from(incidentFirearms).where(eq(incidentFirearms.incidentId, incident.id)).get()?.n ?? 0;
  return isFirearmRelated({ type: incident.type, firearmCount: n });
}

/** 'today' | 'YYYY-MM-DD' | '' → the start of that local day (the dayOnly form), refusing future days. */
function occurredDay(day: string | undefined, now: Date, timeZone: string): Date | null {
  if (!day) return null;
  const today = localDate(now, timeZone);
  const d = day === 'today' ? today : day;
  if (d > today) throw new Refusal('Some fields need attention.', 'invalid', { day: ['That day is in the future. When did it happen?'] });
  return startOfLocalDay(d, timeZone);
}

/** `number` is null while the report is sealed in the drop box (ARCHITECTURE.md: anonymity by order). */
export type FiledReport = { number: number | null; created: boolean; hold: boolean; sealed: boolean };

/** What a receipt opens: the published incident, or the report still sealed in the drop box. */
export type Reported = Incident | DropBoxRow;
export const isSealed = (r: Reported): r is DropBoxRow => 'kind' in r && r.kind === 'report';
export const reportedId = (r: Reported) => (isSealed(r) ? r.incidentId : r.id);
export { SEALED_PUSH_MESSAGE } from './sealed-text';

/**
 * Files an anonymous report through the production's link. The receipt code was made by the server
 * when the form was rendered (its MAC proves it); only its hash is stored. A repeat of the same
 * client-made id with the same receipt returns the stored report: never filed twice.
 */
export function fileAnonymousReport(token: unknown, raw: unknown, now: Date = new Date()): ActionResult<FiledReport> {
  // A rotated link is said first: fixing the fields would not help.
  if (!plausibleToken(token) || !productionByToken(token)) return fail(LINK_INACTIVE_MESSAGE, 'not_found');
  const parsed = anonymousFilingSchema.safeParse(cleanInput(raw));
  if (!parsed.success) return fail('Some fields need attention.', 'invalid', zodFieldErrors(parsed.error.issues));
  const input = parsed.data;
  const code = normaliseReceipt(input.receipt);
  if (!code || !checkReceiptMac(code, input.mac, getAuthSecret())) return fail(EXPIRED_FORM_MESSAGE, 'invalid');
  const receiptHash = hashReceipt(code);
  try {
    return ok(
      sealedThenForget(() => write((tx) => {
        // Looked up inside the write transaction: a rotation that commits first wins.
        const p = tx.select().from(productions).where(eq(productions.reportToken, token)).get();
        if (!p) throw new Refusal(LINK_INACTIVE_MESSAGE, 'not_found');
        if (p.phase === 'wrapped') throw new Refusal(WRAPPED_REPORT_MESSAGE, 'forbidden');
        const held = (incidentId: string) => !!tx.select({ h: holdIncidents.holdId }).from(holdIncidents).where(eq(holdIncidents.incidentId, incidentId)).get();

        const same = tx.select().from(incidents).where(eq(incidents.id, input.id)).get();
        if (same) {
          if (same.productionId === p.id && same.anonymous && same.receiptHash === receiptHash) return { number: same.number, created: false, hold: held(same.id), sealed: false };
          throw new Refusal('This report id is already in use. Reload the page and file again.', 'conflict');
        }
        const sealedSame = sealedReportById(tx, input.id) ?? tx.select().from(dropBox).where(eq(dropBox.incidentId, input.id)).get();
        if (sealedSame) {
          if (sealedSame.kind === 'report' && sealedSame.productionId === p.id && sealedSame.receiptHash === receiptHash) return { number: null, created: false, hold: false, sealed: true };
          throw new Refusal('This report id is already in use. Reload the page and file again.', 'conflict');
        }
        if (
          tx.select({ id: incidents.id }).from(incidents).where(eq(incidents.receiptHash, receiptHash)).get() ||
          tx.select({ id: dropBox.id }).from(dropBox).where(eq(dropBox.receiptHash, receiptHash)).get()
        ) {
          throw new Refusal('This form was already used to file a report. Reload the page to file another one.', 'conflict');
        }
        const occurredAt = occurredDay(input.day, now, p.timeZone);
        // ARCHITECTURE.md, anonymity by order: a report that does not stop work is sealed and
        // published later in a shuffled batch; rule 1 is the stated exception, filed at once.
        if (!isRule1(input.type)) {
          const report: SealedReport = {
            type: input.type,
            description: input.description,
            location: input.location,
            scene: input.scene,
            occurredAt: occurredAt?.getTime() ?? null,
            immediateActions: input.immediateActions,
          };
          sealReportTx(tx, p, input.id, report, receiptHash, now);
          return { number: null, created: true, hold: false, sealed: true };
        }
        const { incident, effects } = fileIncidentTx(
          tx,
          { productionId: p.id, timeZone: p.timeZone, reporter: null, now, receiptHash },
          {
            id: input.id,
            type: input.type,
            description: input.description,
            location: input.location,
            scene: input.scene,
            occurredAt,
            immediateActions: input.immediateActions,
          },
        );
        return { number: incident.number, created: true, hold: effects.some((e) => e.kind === 'call_hold' || e.kind === 'join_hold'), sealed: false };
      })),
    );
  } catch (err) {
    if (err instanceof Refusal) return fail(err.message, err.code, err.fieldErrors);
    throw err;
  }
}

/** Runs a write; when it sealed something, empties the WAL of its place among other writes. */
function sealedThenForget<T extends { sealed: boolean; created?: boolean }>(fn: () => T): T {
  const r = fn();
  if (r.sealed) forgetWriteOrder();
  return r;
}

/**
 * Looks a receipt up. Every well-formed check takes CHECK_DELAY_MS whether the code is right or
 * wrong, and wrong codes count towards the per-process limit (./throttle.ts explains the choice).
 */
export async function findByReceipt(raw: unknown): Promise<ActionResult<Reported>> {
  const code = typeof raw === 'string' ? normaliseReceipt(raw) : null;
  if (!code) return fail(RECEIPT_FORMAT_MESSAGE, 'invalid', { receipt: [RECEIPT_FORMAT_MESSAGE] });
  const started = Date.now();
  const throttled = isThrottled(started);
  const hash = hashReceipt(code);
  const incident: Reported | undefined = throttled ? undefined : (getDb().select().from(incidents).where(eq(incidents.receiptHash, hash)).get() ?? sealedReportByReceipt(hash));
  if (!throttled && !incident) recordWrong(started);
  await sleep(Math.max(0, CHECK_DELAY_MS - (Date.now() - started)));
  if (throttled) return fail(THROTTLED_MESSAGE, 'throttled', { receipt: [THROTTLED_MESSAGE] });
  if (!incident) return fail(WRONG_RECEIPT_MESSAGE, 'not_found', { receipt: [WRONG_RECEIPT_MESSAGE] });
  return ok(incident);
}

// ───────────────────────── what the reporter sees ─────────────────────────

/** `sealed`: in the drop box, published with its day's reports (ARCHITECTURE.md: anonymity by order). */
export type ReporterMessage = { id: string; from: 'you' | 'production'; kind: CommentKind; body: string; day: string; sealed: boolean };
export type ReporterPhoto = { id: string; mime: string; width: number | null; height: number | null; day: string; sealed: boolean };
export type ReporterView = {
  productionTitle: string;
  /** Null while the report is sealed: it is numbered at publication. */
  number: number | null;
  /** The report itself waits in the drop box. */
  sealed: boolean;
  /** Today in the production's zone, to say "today's reports" about a report sealed today. */
  today: string;
  typeLabel: string;
  status: IncidentStatus;
  reportedOn: string;
  occurredOn: string | null;
  location: string;
  scene: string;
  description: string;
  immediateActions: string;
  resolution: string | null;
  closedOn: string | null;
  messages: ReporterMessage[];
  photos: ReporterPhoto[];
  /** A question is waiting for an answer: the next message is an answer, not extra information. */
  openQuestion: boolean;
  canWrite: boolean;
};


/** Messages between the production and the reporter, in the order they were written (rowid). */
function conversation(tx: Pick<Tx, 'select'>, incidentId: string) {
  return tx
    .select({ id: comments.id, authorId: comments.authorId, kind: comments.kind, body: comments.body, createdAt: comments.createdAt })
    .from(comments)
    .where(and(eq(comments.incidentId, incidentId), inArray(comments.kind, ['question', 'answer', 'reporter_info'])))
    .orderBy(sql`${comments}.rowid`)
    .all();
}

function hasOpenQuestion(rows: { authorId: string | null; kind: CommentKind }[]): boolean {
  let open = false;
  for (const r of rows) {
    if (r.kind === 'question' && r.authorId !== null) open = true;
    else if (r.authorId === null) open = false;
  }
  return open;
}

/** What the reporter sent that still waits in the drop box, after what is published. */
function sealedForReporter(incidentId: string, timeZone: string) {
  const db = getDb();
  const messages: ReporterMessage[] = sealedItems(db, incidentId, 'message').map((r) => {
    const m = r.payload as SealedMessage;
    return { id: r.id, from: 'you', kind: m.kind, body: m.body, day: dayOfStamp(r.day, timeZone), sealed: true };
  });
  const photos: ReporterPhoto[] = sealedItems(db, incidentId, 'photo').map((r) => {
    const ph = r.payload as SealedPhoto;
    return { id: r.id, mime: ph.mime, width: ph.width, height: ph.height, day: dayOfStamp(r.day, timeZone), sealed: true };
  });
  return { messages, photos };
}

/** The reporter's view of their report. Internal comments are never part of it. */
export function reporterView(reported: Reported): ReporterView {
  const db = getDb();
  const productionId = reported.productionId;
  const p = db.select({ title: productions.title, timeZone: productions.timeZone, phase: productions.phase }).from(productions).where(eq(productions.id, productionId)).get()!;
  const sealed = sealedForReporter(reportedId(reported), p.timeZone);
  if (isSealed(reported)) {
    const r = reported.payload as SealedReport;
    return {
      productionTitle: p.title,
      number: null,
      sealed: true,
      today: localDate(new Date(), p.timeZone),
      typeLabel: sealedTypeLabel(r),
      status: 'reported',
      reportedOn: dayOfStamp(reported.day, p.timeZone),
      occurredOn: r.occurredAt === null ? null : dayOfStamp(new Date(r.occurredAt), p.timeZone),
      location: r.location,
      scene: r.scene ?? '',
      description: r.description,
      immediateActions: r.immediateActions ?? '',
      resolution: null,
      closedOn: null,
      messages: sealed.messages,
      photos: sealed.photos,
      openQuestion: false,
      canWrite: p.phase !== 'wrapped',
    };
  }
  const incident = reported;
  const rows = conversation(db, incident.id);
  const photos = db
    .select({ id: attachments.id, mime: attachments.mime, width: attachments.width, height: attachments.height, createdAt: attachments.createdAt })
    .from(attachments)
    .where(and(eq(attachments.incidentId, incident.id), isNull(attachments.uploadedById)))
    .orderBy(sql`${attachments}.rowid`)
    .all();
  const closed = incident.status === 'closed';
  return {
    productionTitle: p.title,
    number: incident.number,
    sealed: false,
    today: localDate(new Date(), p.timeZone),
    typeLabel: LABELS.incidentType[incident.type],
    status: incident.status,
    reportedOn: dayOfStamp(incident.reportedAt, p.timeZone),
    occurredOn: incident.occurredAt ? dayOfStamp(incident.occurredAt, p.timeZone) : null,
    location: incident.location,
    scene: incident.scene,
    description: incident.description,
    immediateActions: incident.immediateActions,
    resolution: closed ? incident.resolution : null,
    closedOn: closed && incident.closedAt ? localDate(incident.closedAt, p.timeZone) : null,
    messages: [
      ...rows.map((r) => ({
        id: r.id,
        from: r.authorId === null ? ('you' as const) : ('production' as const),
        kind: r.kind,
        body: r.body,
        day: r.authorId === null ? dayOfStamp(r.createdAt, p.timeZone) : localDate(r.createdAt, p.timeZone),
        sealed: false,
      })),
      ...sealed.messages,
    ],
    photos: [...photos.map((a) => ({ id: a.id, mime: a.mime, width: a.width, height: a.height, day: dayOfStamp(a.createdAt, p.timeZone), sealed: false })), ...sealed.photos],
    // A sealed message after the question answered it already.
    openQuestion: sealed.messages.length === 0 && hasOpenQuestion(rows),
    canWrite: p.phase !== 'wrapped',
  };
}

function notifyReporterUpdate(tx: Tx, incident: Incident, timeZone: string, title: string, body: string, now: Date) {
  const roles: Role[] = firearmRelatedTx(tx, incident) ? ['producer', 'armorer'] : ['producer'];
  // The day only here too: a notification's time would say when the reporter was on their phone.
  notifyRoles(tx, incident.productionId, roles, { kind: 'reporter_update', title, body: body.slice(0, 200), link: incidentLink(incident.productionId, incident.id) }, dayOnly(now, timeZone));
}

function openProduction(tx: Tx, productionId: string) {
  const p = tx.select({ id: productions.id, phase: productions.phase, timeZone: productions.timeZone }).from(productions).where(eq(productions.id, productionId)).get()!;
  if (p.phase === 'wrapped') throw new Refusal(WRAPPED_REPORT_MESSAGE, 'forbidden');
  return p;
}

/**
 * The reporter answers the open question, or adds information when none is open. On a report
 * that is sealed, or still has sealed additions, the message is sealed too and published with its
 * day's reports (ARCHITECTURE.md: anonymity by order); the reporter's own order is kept.
 */
export function reporterSay(reported: Reported, raw: unknown, now: Date = new Date()): ActionResult<{ kind: 'answer' | 'reporter_info'; sealed: boolean }> {
  const parsed = reporterMessageSchema.safeParse(cleanInput(raw));
  if (!parsed.success) return fail('Some fields need attention.', 'invalid', zodFieldErrors(parsed.error.issues));
  const incidentId = reportedId(reported);
  try {
    return ok(
      sealedThenForget(() =>
        write((tx) => {
          const p = openProduction(tx, reported.productionId);
          const incident = tx.select().from(incidents).where(eq(incidents.id, incidentId)).get();
          const rows = incident ? conversation(tx, incident.id) : [];
          const kind = hasOpenQuestion(rows) ? 'answer' : 'reporter_info';
          if (!incident || hasSealed(tx, incidentId)) {
            sealMessageTx(tx, p, incidentId, kind, parsed.data.body, now);
            return { kind, sealed: true };
          }
          const row = { id: randomUUID(), incidentId: incident.id, authorId: null, kind, body: parsed.data.body, createdAt: dayOnly(now, p.timeZone) } as const;
          tx.insert(comments).values(row).run();
          appendAudit(tx, {
            chain: incident.productionId, actorId: null, actorLabel: ANONYMOUS_LABEL, entity: 'comment', entityId: row.id,
            action: kind === 'answer' ? 'comment.reporter_answer' : 'comment.reporter_info', after: row, at: now, anonymousIn: { timeZone: p.timeZone },
          });
          const title = kind === 'answer' ? `The anonymous reporter answered on report #${incident.number}` : `The anonymous reporter added information to report #${incident.number}`;
          notifyReporterUpdate(tx, incident, p.timeZone, title, parsed.data.body, now);
          return { kind, sealed: false };
        }),
      ),
    );
  } catch (err) {
    if (err instanceof Refusal) return fail(err.message, err.code, err.fieldErrors);
    throw err;
  }
}

/**
 * The reporter adds a photo to their own report (uploadedById null, the day only). On a sealed
 * report the cleaned bytes wait in the drop box and reach the disk only at publication, so the
 * file's times say nothing of the upload.
 */
export async function reporterAddPhoto(reported: Reported, file: unknown, now: Date = new Date()): Promise<ActionResult<StoredPhoto>> {
  const p = getDb().select({ phase: productions.phase, timeZone: productions.timeZone }).from(productions).where(eq(productions.id, reported.productionId)).get()!;
  if (p.phase === 'wrapped') return fail(WRAPPED_REPORT_MESSAGE, 'forbidden');
  const bytes = await fileBytes(file);
  if (!bytes.ok) return bytes;
  const incidentId = reportedId(reported);
  const recheck = (tx: Tx) => {
    openProduction(tx, reported.productionId);
    if (reporterPhotoCount(tx, incidentId) >= MAX_REPORTER_PHOTOS) throw new Refusal(TOO_MANY_PHOTOS_MESSAGE, 'refused', { file: [TOO_MANY_PHOTOS_MESSAGE] });
  };
  const published = !isSealed(reported) && !hasSealed(getDb(), incidentId) ? reported : null;
  if (!published) {
    const cleaned = await cleanImage(bytes.data);
    if (!cleaned.ok) return fail(cleaned.message, 'invalid', { file: [cleaned.message] });
    try {
      const sealed = write((tx) => {
        recheck(tx);
        const prod = openProduction(tx, reported.productionId);
        return sealPhotoTx(tx, prod, incidentId, cleaned.image, now);
      });
      forgetWriteOrder();
      return ok({ id: sealed.id, mime: sealed.mime, size: sealed.size, width: sealed.width, height: sealed.height });
    } catch (err) {
      if (err instanceof Refusal) return fail(err.message, err.code, err.fieldErrors);
      throw err;
    }
  }
  return storePhoto(
    {
      productionId: published.productionId,
      incidentId: published.id,
      timeZone: p.timeZone,
      uploader: null,
      now,
      recheck,
      after: (tx) => notifyReporterUpdate(tx, published, p.timeZone, `The anonymous reporter added a photo to report #${published.number}`, '', now),
    },
    bytes.data,
  );
}

// ───────────────────────── the production's side ─────────────────────────

/** A producer (or the armorer, for firearm-related reports) asks the anonymous reporter. */
export const askReporterCore = defineCore({
  schema: askReporterSchema,
  // Held by producers and armorers; refined per incident below (canAskReporter).
  permission: 'anon.askFirearm',
  run: (input, { actor, tx, now }) => {
    const incident = tx.select().from(incidents).where(and(eq(incidents.id, input.incidentId), eq(incidents.productionId, actor.productionId))).get();
    if (!incident) throw new Refusal('Not found.', 'not_found');
    if (!incident.anonymous) throw new Refusal('This report was filed by name: ask its reporter in the comments instead.', 'refused');
    if (!canAskReporter(actor.role, firearmRelatedTx(tx, incident))) throw new Refusal('Only producers ask the reporter about reports that are not firearm-related.', 'forbidden');
    const row = { id: randomUUID(), incidentId: incident.id, authorId: actor.userId, kind: 'question' as const, body: input.body, createdAt: now };
    tx.insert(comments).values(row).run();
    appendAudit(tx, { chain: actor.productionId, actorId: actor.userId, actorLabel: actor.name, entity: 'comment', entityId: row.id, action: 'comment.question', after: row, at: now });
    // The reporter hears of it on the devices they registered with the receipt; the question itself
    // stays behind the receipt code, off the lock screen.
    if (hasPushDevice(tx, { receiptIncidentId: incident.id })) {
      enqueuePush(tx, { productionId: actor.productionId, receiptIncidentId: incident.id, subject: `A question about your report #${incident.number}`, text: 'Open your receipt code on the follow-up page to read and answer it.', kind: 'reporter_question', critical: false, link: '/report/follow-up', now });
    }
    return { id: row.id };
  },
});

/** New link token: the old link and every printed QR code stop working at once (audited). */
export const rotateReportLinkCore = defineCore({
  schema: rotateReportLinkSchema,
  permission: 'production.manage',
  run: (_input, { actor, tx, now }) => {
    const before = tx.select({ reportTokenRotatedAt: productions.reportTokenRotatedAt }).from(productions).where(eq(productions.id, actor.productionId)).get();
    tx.update(productions).set({ reportToken: randomToken(18), reportTokenRotatedAt: now }).where(eq(productions.id, actor.productionId)).run();
    // The token itself is left out of the trail: the audit shows that and when, not the link.
    appendAudit(tx, {
      chain: actor.productionId, actorId: actor.userId, actorLabel: actor.name, entity: 'production', entityId: actor.productionId,
      action: 'production.report_link_rotate', before, after: { reportTokenRotatedAt: now }, at: now,
    });
    return { rotatedAt: now };
  },
});
