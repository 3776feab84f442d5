// The drop box (ARCHITECTURE.md: anonymity by order). A day-only stamp hides the time of an
// anonymous report, but order would not: the audit sequence, the report's number, the row order of
// its notifications, outbox rows and photos, and a photo file's change time would place it between
// two named actions of the member who filed it. So a non-critical anonymous report is sealed here
// with its day only and nothing else is written; once a day, at a random time, each production's
// sealed reports of earlier days are published in one shuffled batch, in one transaction: numbered,
// audited, notified, put in the outbox, their photos written to disk — all at publication, after
// every named record of their day. Rule 1 is the stated exception (the hold is timed): a discharge
// or a live round is filed at once (./core.ts).
import fs from 'node:fs';
import path from 'node:path';
import { createHash, createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { getDb, getSqlite, write, type Tx } from '@/db/client';
import { attachments, comments, dropBox, incidents, productions, type DropBoxRow, type Incident } from '@/db/schema';
import { appendAudit } from '../audit';
import { LABELS, type CommentKind, type IncidentType } from '../enums';
import { ANONYMOUS_LABEL, fileIncidentTx } from '../incidents/file';
import { getAuthSecret } from '../secret';
import { DAY, dayOnly, localDate, startOfLocalDay } from '../time';
import { attachmentPath } from '../attachments/store';
import type { CleanImage } from '../attachments/image';

/** What a sealed report files at publication (its incident id is the row's incidentId). */
export type SealedReport = {
  type: IncidentType;
  description: string;
  location: string;
  scene?: string;
  /** The start of the day it happened (dayOnly form), or null when the reporter did not say. */
  occurredAt: number | null;
  immediateActions?: string;
};
/** `n` keeps the reporter's own order within one report; nothing orders reports among themselves. */
export type SealedMessage = { n: number; kind: Extract<CommentKind, 'answer' | 'reporter_info'>; body: string };
export type SealedPhoto = { n: number; mime: CleanImage['mime']; ext: CleanImage['ext']; width: number; height: number; size: number };

export const SEALED_NOTE = 'Sealed, will be published with today’s reports';

/**
 * After a sealed write the WAL holds its pages between the frames of the writes before and after
 * it; a TRUNCATE checkpoint moves everything into the database file (where a WITHOUT ROWID table
 * keeps rows in key order) and empties the WAL. A reader holding an old snapshot can make it a
 * partial checkpoint; the next one completes it.
 */
export function forgetWriteOrder(): void {
  try {
    getSqlite().pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    /* busy: the next sealed write or publication checkpoints again */
  }
}

/** Whether this report still has anything in the drop box: then what its reporter adds is sealed too. */
export function hasSealed(tx: Pick<Tx, 'select'>, incidentId: string): boolean {
  return !!tx.select({ id: dropBox.id }).from(dropBox).where(eq(dropBox.incidentId, incidentId)).get();
}

export function sealedReportByReceipt(receiptHash: string): DropBoxRow | undefined {
  return getDb().select().from(dropBox).where(and(eq(dropBox.receiptHash, receiptHash), eq(dropBox.kind, 'report'))).get();
}

export function sealedReportById(tx: Pick<Tx, 'select'>, incidentId: string): DropBoxRow | undefined {
  return tx.select().from(dropBox).where(and(eq(dropBox.incidentId, incidentId), eq(dropBox.kind, 'report'))).get();
}

/** The sealed messages or photos of one report, in the reporter's order. */
export function sealedItems(tx: Pick<Tx, 'select'>, incidentId: string, kind: 'message' | 'photo'): DropBoxRow[] {
  return tx
    .select()
    .from(dropBox)
    .where(and(eq(dropBox.incidentId, incidentId), eq(dropBox.kind, kind)))
    .all()
    .sort((a, b) => Number(a.payload.n) - Number(b.payload.n));
}

export function sealReportTx(tx: Tx, p: { id: string; timeZone: string }, incidentId: string, report: SealedReport, receiptHash: string, now: Date): void {
  tx.insert(dropBox).values({ id: randomUUID(), productionId: p.id, incidentId, kind: 'report', day: dayOnly(now, p.timeZone), receiptHash, payload: report }).run();
}

export function sealMessageTx(tx: Tx, p: { id: string; timeZone: string }, incidentId: string, kind: SealedMessage['kind'], body: string, now: Date): void {
  const n = sealedItems(tx, incidentId, 'message').length + 1;
  const payload: SealedMessage = { n, kind, body };
  tx.insert(dropBox).values({ id: randomUUID(), productionId: p.id, incidentId, kind: 'message', day: dayOnly(now, p.timeZone), payload }).run();
}

export function sealPhotoTx(tx: Tx, p: { id: string; timeZone: string }, incidentId: string, image: CleanImage, now: Date): SealedPhoto & { id: string } {
  const n = sealedItems(tx, incidentId, 'photo').length + 1;
  const payload: SealedPhoto = { n, mime: image.mime, ext: image.ext, width: image.width, height: image.height, size: image.data.length };
  const id = randomUUID();
  tx.insert(dropBox).values({ id, productionId: p.id, incidentId, kind: 'photo', day: dayOnly(now, p.timeZone), payload, data: image.data }).run();
  return { id, ...payload };
}

export function sealedPhotoBytes(incidentId: string, id: string): { bytes: Buffer; mime: string; id: string } | null {
  const row = getDb().select().from(dropBox).where(and(eq(dropBox.id, id), eq(dropBox.incidentId, incidentId), eq(dropBox.kind, 'photo'))).get();
  if (!row?.data) return null;
  return { bytes: row.data, mime: String(row.payload.mime), id: row.id };
}

// ───────────────────────── publication ─────────────────────────

/**
 * When in its day a production's drop box opens: an HMAC of the install's secret, the production
 * and the day, as a fraction of the day. Unpredictable from outside, stable across restarts (so a
 * restart neither publishes early nor twice), different every day.
 */
export function publicationFraction(productionId: string, day: string): number {
  const mac = createHmac('sha256', getAuthSecret()).update(`drop-box\n${productionId}\n${day}`).digest();
  return mac.readUIntBE(0, 6) / 2 ** 48;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}

export type PublishOptions = {
  /** Where in today the drop box opens (0 = midnight, 1 = never today); default publicationFraction. */
  fraction?: number;
  /** A [0, 1) source for the shuffle; default crypto-random. */
  random?: () => number;
};

export type PublishResult = { reports: number; messages: number; photos: number; productions: number };

const cryptoRandom = () => randomInt(0, 2 ** 47) / 2 ** 47;

/** Fisher–Yates with the given [0, 1) source. */
export function shuffle<T>(items: T[], random: () => number = cryptoRandom): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/**
 * Publishes every production's sealed items of days before today whose publication time today has
 * come. One immediate transaction for the whole run: a crash leaves everything sealed (files
 * already written are removed, or are orphans no row names). Running again finds nothing left, so
 * a second run the same day publishes nothing.
 */
export function publishDropBox(now: Date = new Date(), opts: PublishOptions = {}): PublishResult {
  const random = opts.random ?? cryptoRandom;
  const written: string[] = [];
  const out: PublishResult = { reports: 0, messages: 0, photos: 0, productions: 0 };
  // Most ticks find the drop box empty: a read, not the write lock.
  if (!getDb().select({ id: dropBox.id }).from(dropBox).limit(1).get()) return out;
  try {
    write((tx) => {
      const ids = tx.selectDistinct({ id: dropBox.productionId }).from(dropBox).all().map((r) => r.id);
      if (ids.length === 0) return;
      const ps = tx.select({ id: productions.id, timeZone: productions.timeZone }).from(productions).where(inArray(productions.id, ids)).all();
      for (const p of ps) {
        const today = localDate(now, p.timeZone);
        const start = startOfLocalDay(today, p.timeZone).getTime();
        const end = startOfLocalDay(nextDay(today), p.timeZone).getTime();
        const fraction = opts.fraction ?? publicationFraction(p.id, today);
        if (now.getTime() < start + fraction * (end - start)) continue;
        const rows = tx.select().from(dropBox).where(and(eq(dropBox.productionId, p.id), lt(dropBox.day, new Date(start)))).all();
        if (rows.length === 0) continue;
        out.productions += 1;
        const groups = new Map<string, DropBoxRow[]>();
        for (const r of rows) groups.set(r.incidentId, [...(groups.get(r.incidentId) ?? []), r]);
        // Sorted first (the ids are random, client-made) so the shuffle alone decides the order.
        for (const incidentId of shuffle([...groups.keys()].sort(), random)) {
          const group = groups.get(incidentId)!;
          const report = group.find((r) => r.kind === 'report');
          if (report) {
            publishReport(tx, p, report);
            out.reports += 1;
          }
          const incident = tx.select().from(incidents).where(eq(incidents.id, incidentId)).get();
          // A follow-up whose report is still sealed (a later day's batch) waits with it.
          if (!incident) continue;
          for (const m of group.filter((r) => r.kind === 'message').sort(byN)) {
            publishMessage(tx, p, incident, m);
            out.messages += 1;
          }
          for (const ph of group.filter((r) => r.kind === 'photo').sort(byN)) {
            written.push(publishPhoto(tx, p, incident, ph));
            out.photos += 1;
          }
          tx.delete(dropBox).where(inArray(dropBox.id, group.map((r) => r.id))).run();
        }
      }
    });
  } catch (err) {
    for (const f of written) fs.rmSync(f, { force: true });
    throw err;
  }
  if (out.productions > 0) forgetWriteOrder();
  return out;
}

const byN = (a: DropBoxRow, b: DropBoxRow) => Number(a.payload.n) - Number(b.payload.n);

function publishReport(tx: Tx, p: { id: string; timeZone: string }, row: DropBoxRow): void {
  const r = row.payload as SealedReport;
  // Filed "at" its day's start: every stamp it writes (incident, audit, notifications, outbox,
  // signals) is that day, and the number and sequence it takes are those of the publication.
  fileIncidentTx(
    tx,
    { productionId: p.id, timeZone: p.timeZone, reporter: null, now: row.day, receiptHash: row.receiptHash },
    {
      id: row.incidentId,
      type: r.type,
      description: r.description,
      location: r.location,
      scene: r.scene,
      occurredAt: r.occurredAt === null ? null : new Date(r.occurredAt),
      immediateActions: r.immediateActions,
    },
  );
}

function publishMessage(tx: Tx, p: { id: string; timeZone: string }, incident: Incident, row: DropBoxRow): void {
  const m = row.payload as SealedMessage;
  const comment = { id: randomUUID(), incidentId: incident.id, authorId: null, kind: m.kind, body: m.body, createdAt: row.day };
  tx.insert(comments).values(comment).run();
  appendAudit(tx, {
    chain: p.id, actorId: null, actorLabel: ANONYMOUS_LABEL, entity: 'comment', entityId: comment.id,
    action: m.kind === 'answer' ? 'comment.reporter_answer' : 'comment.reporter_info', after: comment, at: row.day, anonymousIn: { timeZone: p.timeZone },
  });
}

/** Writes the photo's file with its day as its times, then its row; returns the file for cleanup. */
function publishPhoto(tx: Tx, p: { id: string; timeZone: string }, incident: Incident, row: DropBoxRow): string {
  const ph = row.payload as SealedPhoto;
  const data = row.data ?? Buffer.alloc(0);
  const storedName = `${randomBytes(16).toString('hex')}.${ph.ext}`;
  const file = attachmentPath(storedName);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, data, { flag: 'wx', mode: 0o600 });
  // Its change time is the publication's; its access and modification times say the day only.
  fs.utimesSync(file, row.day, row.day);
  const att = {
    id: row.id, productionId: p.id, incidentId: incident.id, storedName, mime: ph.mime, size: data.length,
    width: ph.width, height: ph.height, uploadedById: null, createdAt: row.day,
  };
  tx.insert(attachments).values(att).run();
  const { storedName: _s, ...auditable } = att;
  appendAudit(tx, {
    chain: p.id, actorId: null, actorLabel: ANONYMOUS_LABEL, entity: 'attachment', entityId: att.id, action: 'attachment.add',
    after: { ...auditable, sha256: createHash('sha256').update(data).digest('hex') }, at: row.day, anonymousIn: { timeZone: p.timeZone },
  });
  return file;
}

/** The count of reporter photos on a report, stored and sealed (the per-report cap counts both). */
export function reporterPhotoCount(tx: Pick<Tx, 'select'>, incidentId: string): number {
  const stored = tx.select({ n: sql<number>`count(*)` }).from(attachments).where(and(eq(attachments.incidentId, incidentId), isNull(attachments.uploadedById))).get()?.n ?? 0;
  const sealed = tx.select({ n: sql<number>`count(*)` }).from(dropBox).where(and(eq(dropBox.incidentId, incidentId), eq(dropBox.kind, 'photo'))).get()?.n ?? 0;
  return stored + sealed;
}

/** The label of a sealed report's type, for the reporter's view. */
export const sealedTypeLabel = (r: SealedReport) => LABELS.incidentType[r.type];

/** The drop box on the outbox worker's clock (delivery/jobs.ts). A failed run retries at the next tick. */
export function dropBoxJob(now: Date): number {
  try {
    const r = publishDropBox(now);
    return r.reports + r.messages + r.photos;
  } catch (err) {
    console.error('[setsafe] drop box publication failed; retrying at the next tick', err);
    return 0;
  }
}
