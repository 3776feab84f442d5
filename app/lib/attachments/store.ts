// Photos and files on incidents (named or anonymous): cleaned by ./image, stored in the data folder
// under random names, recorded with an audit entry in the same transaction as the row.
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { write, type Tx } from '@/db/client';
import { attachmentsDir } from '@/db/paths';
import { attachments, type Attachment } from '@/db/schema';
import { appendAudit } from '../audit';
import { fail, ok, Refusal, type ActionResult } from '../errors';
import { ANONYMOUS_LABEL } from '../incidents/file';
import { MAX_PHOTO_BYTES } from '../schemas/anonymous';
import { dayOnly } from '../time';
import { cleanImage, TOO_BIG_MESSAGE, EMPTY_MESSAGE } from './image';

/** Null = the anonymous reporter: no user id, and no time finer than the day (ARCHITECTURE.md: anonymous reports). */
export type Uploader = { userId: string; label: string } | null;

export type StoreContext = {
  productionId: string;
  incidentId: string;
  timeZone: string;
  uploader: Uploader;
  now: Date;
  /** Runs first inside the transaction: re-checks that the upload is still allowed (throws Refusal). */
  recheck?: (tx: Tx) => void;
  /** Runs inside the transaction after the row and its audit entry (e.g. notifications). */
  after?: (tx: Tx, row: Attachment) => void;
};

export type StoredPhoto = Pick<Attachment, 'id' | 'mime' | 'size' | 'width' | 'height'>;

export function attachmentPath(storedName: string): string {
  // storedName is ours (random hex + extension); basename() keeps it inside the folder regardless.
  return path.join(attachmentsDir(), path.basename(storedName));
}

/** Reads an uploaded File without trusting its declared size or type. */
export async function fileBytes(file: unknown): Promise<ActionResult<Buffer>> {
  if (!file || typeof file !== 'object' || typeof (file as Blob).arrayBuffer !== 'function') return fail('Choose a photo to add.', 'invalid', { file: ['Choose a photo to add.'] });
  const blob = file as Blob;
  if (blob.size > MAX_PHOTO_BYTES) return fail(TOO_BIG_MESSAGE, 'invalid', { file: [TOO_BIG_MESSAGE] });
  if (blob.size === 0) return fail(EMPTY_MESSAGE, 'invalid', { file: [EMPTY_MESSAGE] });
  return ok(Buffer.from(await blob.arrayBuffer()));
}

/**
 * Cleans and stores one photo. The file is written before the transaction, so a row never points
 * at a missing file; if the transaction refuses, the file is removed again.
 */
export async function storePhoto(ctx: StoreContext, input: Buffer): Promise<ActionResult<StoredPhoto>> {
  const cleaned = await cleanImage(input);
  if (!cleaned.ok) return fail(cleaned.message, 'invalid', { file: [cleaned.message] });
  const { image } = cleaned;
  const anonymous = ctx.uploader === null;
  const createdAt = anonymous ? dayOnly(ctx.now, ctx.timeZone) : ctx.now;
  const storedName = `${randomBytes(16).toString('hex')}.${image.ext}`;
  const file = attachmentPath(storedName);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, image.data, { flag: 'wx', mode: 0o600 });
  // The file's own timestamps would otherwise tell the time of an anonymous upload (the inode's
  // change time cannot be set by a program).
  if (anonymous) fs.utimesSync(file, createdAt, createdAt);

  const row: Attachment = {
    id: randomUUID(),
    productionId: ctx.productionId,
    incidentId: ctx.incidentId,
    storedName,
    mime: image.mime,
    size: image.data.length,
    width: image.width,
    height: image.height,
    uploadedById: ctx.uploader?.userId ?? null,
    createdAt,
  };
  try {
    write((tx) => {
      ctx.recheck?.(tx);
      tx.insert(attachments).values(row).run();
      const { storedName: _s, ...auditable } = row;
      appendAudit(tx, {
        chain: ctx.productionId,
        actorId: ctx.uploader?.userId ?? null,
        actorLabel: ctx.uploader?.label ?? ANONYMOUS_LABEL,
        entity: 'attachment',
        entityId: row.id,
        action: 'attachment.add',
        // The hash of the stored bytes lets an audit prove later that the photo was not swapped.
        after: { ...auditable, sha256: createHash('sha256').update(image.data).digest('hex') },
        at: ctx.now,
        anonymousIn: anonymous ? { timeZone: ctx.timeZone } : undefined,
      });
      ctx.after?.(tx, row);
    });
  } catch (err) {
    fs.rmSync(file, { force: true });
    if (err instanceof Refusal) return fail(err.message, err.code, err.fieldErrors);
    throw err;
  }
  return ok({ id: row.id, mime: row.mime, size: row.size, width: row.width, height: row.height });
}

export async function readAttachmentBytes(row: Pick<Attachment, 'storedName'>): Promise<Buffer | null> {
  try {
    return await fs.promises.readFile(attachmentPath(row.storedName));
  } catch {
    return null;
  }
}

/** Headers for serving a stored photo: only the stored type, never sniffed, never cached. */
export function attachmentHeaders(row: Pick<Attachment, 'mime' | 'size' | 'id'>): HeadersInit {
  const ext = row.mime === 'image/jpeg' ? 'jpg' : row.mime === 'image/png' ? 'png' : 'webp';
  return {
    'Content-Type': row.mime,
    'Content-Length': String(row.size),
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': `inline; filename="photo-${row.id.slice(0, 8)}.${ext}"`,
    'Cache-Control': 'private, no-store',
  };
}
