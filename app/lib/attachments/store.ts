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

export function attachmentPath(storedName: string, dir: string = attachmentsDir()): string {
  // storedName is ours (random hex + extension); basename() keeps it inside the folder regardless.
  return path.join(dir, path.basename(storedName));
}

/** Reads an uploaded File without trusting its declared size or type. */
export type FileMessages = { choose: string; tooBig: string; empty: string };
const PHOTO_MESSAGES: FileMessages = { choose: 'Choose a photo to add.', tooBig: TOO_BIG_MESSAGE, empty: EMPTY_MESSAGE };

export async function fileBytes(file: unknown, m: FileMessages = PHOTO_MESSAGES): Promise<ActionResult<Buffer>> {
  if (!file || typeof file !== 'object' || typeof (file as Blob).arrayBuffer !== 'function') return fail(m.choose, 'invalid', { file: [m.choose] });
  const blob = file as Blob;
  if (blob.size > MAX_PHOTO_BYTES) return fail(m.tooBig, 'invalid', { file: [m.tooBig] });
  if (blob.size === 0) return fail(m.empty, 'invalid', { file: [m.empty] });
  return ok(Buffer.from(await blob.arrayBuffer()));
}

/** A cleaned file ready to keep: the bytes to write and the extension of its random name. */
export type CleanFile = { data: Buffer; ext: string };

/**
 * Writes one cleaned file under a random name, then runs `record` in one immediate transaction
 * (the row and its audit entry). The file is written before the transaction, so a row never points
 * at a missing file; if the transaction refuses, the file is removed again. Shared by incident
 * photos and qualification certificates (ARCHITECTURE.md: qualification certificates).
 */
export function storeFile<T>(
  file: CleanFile,
  record: (tx: Tx, stored: { storedName: string; sha256: string }) => T,
  opts: { dayOnly?: Date; dir?: string } = {},
): ActionResult<T> {
  const storedName = `${randomBytes(16).toString('hex')}.${file.ext}`;
  const target = attachmentPath(storedName, opts.dir);
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  fs.writeFileSync(target, file.data, { flag: 'wx', mode: 0o600 });
  // The file's own timestamps would otherwise tell the time of an anonymous upload (the inode's
  // change time cannot be set by a program).
  if (opts.dayOnly) fs.utimesSync(target, opts.dayOnly, opts.dayOnly);
  // The hash of the stored bytes lets an audit prove later that the file was not swapped.
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  try {
    return ok(write((tx) => record(tx, { storedName, sha256 })));
  } catch (err) {
    fs.rmSync(target, { force: true });
    if (err instanceof Refusal) return fail(err.message, err.code, err.fieldErrors);
    throw err;
  }
}

/** Cleans and stores one photo of an incident (named or anonymous). */
export async function storePhoto(ctx: StoreContext, input: Buffer): Promise<ActionResult<StoredPhoto>> {
  const cleaned = await cleanImage(input);
  if (!cleaned.ok) return fail(cleaned.message, 'invalid', { file: [cleaned.message] });
  const { image } = cleaned;
  const anonymous = ctx.uploader === null;
  const createdAt = anonymous ? dayOnly(ctx.now, ctx.timeZone) : ctx.now;
  return storeFile(
    image,
    (tx, { storedName, sha256 }) => {
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
        after: { ...auditable, sha256 },
        at: ctx.now,
        anonymousIn: anonymous ? { timeZone: ctx.timeZone } : undefined,
      });
      ctx.after?.(tx, row);
      return { id: row.id, mime: row.mime, size: row.size, width: row.width, height: row.height };
    },
    { dayOnly: anonymous ? createdAt : undefined },
  );
}

export async function readAttachmentBytes(row: Pick<Attachment, 'storedName'>, dir?: string): Promise<Buffer | null> {
  try {
    return await fs.promises.readFile(attachmentPath(row.storedName, dir));
  } catch {
    return null;
  }
}

/** Headers for serving a stored photo: only the stored type, never sniffed, never cached. */
export function attachmentHeaders(row: Pick<Attachment, 'mime' | 'size' | 'id'>, name = 'photo'): HeadersInit {
  const pdf = row.mime === 'application/pdf';
  const ext = pdf ? 'pdf' : row.mime === 'image/jpeg' ? 'jpg' : row.mime === 'image/png' ? 'png' : 'webp';
  return {
    'Content-Type': row.mime,
    'Content-Length': String(row.size),
    'X-Content-Type-Options': 'nosniff',
    // A PDF is not re-encoded as a photo is (./document.ts): it is downloaded, never rendered inside
    // SetSafe's origin; proxy.ts adds `sandbox` to the policy of a browser that opens it anyway.
    'Content-Disposition': `${pdf ? 'attachment' : 'inline'}; filename="${name}-${row.id.slice(0, 8)}.${ext}"`,
    'Cache-Control': 'private, no-store',
  };
}
