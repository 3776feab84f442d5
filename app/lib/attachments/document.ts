// Scanned certificates (ARCHITECTURE.md: qualification certificates): a photo of the certificate
// goes through the same cleaning as an incident photo (./image: content checked, re-encoded, no
// metadata); a PDF cannot be re-encoded here, so it is checked by content, refused when it carries
// active content, and only ever served as a download (./store, attachmentHeaders).
import { inflateSync } from 'node:zlib';
import { MAX_PHOTO_BYTES } from '../schemas/anonymous';
import { cleanImage, sniff, type CleanImage } from './image';

export const CERTIFICATE_TOO_BIG = 'That file is larger than 10 MB. Scan it again at a lower resolution.';
export const CERTIFICATE_EMPTY = 'That file is empty. Choose the scan of the certificate.';
export const CERTIFICATE_WRONG_TYPE = 'A certificate is a PDF or a JPEG, PNG or WebP photo. Other files are refused.';
export const PDF_ACTIVE_MESSAGE = 'That PDF carries scripts, embedded files or actions. Print it to a plain PDF, or photograph the certificate, and add that.';
export const PDF_BROKEN_MESSAGE = 'That PDF could not be read: it looks cut short or damaged. Save it again and add it.';

export type CleanDocument = { data: Buffer; mime: CleanImage['mime'] | 'application/pdf'; ext: 'jpg' | 'png' | 'webp' | 'pdf'; width: number | null; height: number | null };
export type DocumentResult = { ok: true; document: CleanDocument } | { ok: false; message: string };

/** PDF names that run code, open other files or carry files along: none belongs on a certificate. */
const ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData|GoToE)\b/;
/** Compressed streams are looked into too: an object stream can hide a dictionary. */
const STREAM = /stream\r?\n/g;
const MAX_INFLATED = 50 * 1024 * 1024;

export function isPdf(b: Buffer): boolean {
  return b.length >= 5 && b.toString('latin1', 0, 5) === '%PDF-';
}

/** Active content in the file or in any Flate stream it holds (bounded: a zip bomb is refused as damaged). */
export function pdfProblem(b: Buffer): string | null {
  const text = b.toString('latin1');
  // A complete PDF ends with %%EOF (maybe followed by a line break or a few bytes of padding).
  if (!text.slice(-1024).includes('%%EOF')) return PDF_BROKEN_MESSAGE;
  if (ACTIVE.test(text)) return PDF_ACTIVE_MESSAGE;
  let inflated = 0;
  for (const m of text.matchAll(STREAM)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) return PDF_BROKEN_MESSAGE;
    let out: Buffer;
    try {
      out = inflateSync(b.subarray(start, end), { maxOutputLength: MAX_INFLATED });
    } catch (err) {
      // Not Flate (an image stream, DCT or CCITT) reads as noise: nothing to look into.
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return PDF_BROKEN_MESSAGE;
      continue;
    }
    inflated += out.length;
    if (inflated > MAX_INFLATED) return PDF_BROKEN_MESSAGE;
    if (ACTIVE.test(out.toString('latin1'))) return PDF_ACTIVE_MESSAGE;
  }
  return null;
}

/** Checks a certificate scan by its content (the declared type and name are never trusted). */
export async function cleanDocument(input: Buffer): Promise<DocumentResult> {
  if (input.length === 0) return { ok: false, message: CERTIFICATE_EMPTY };
  if (input.length > MAX_PHOTO_BYTES) return { ok: false, message: CERTIFICATE_TOO_BIG };
  if (isPdf(input)) {
    const problem = pdfProblem(input);
    return problem ? { ok: false, message: problem } : { ok: true, document: { data: input, mime: 'application/pdf', ext: 'pdf', width: null, height: null } };
  }
  const sniffed = sniff(input);
  if (sniffed === null) return { ok: false, message: CERTIFICATE_WRONG_TYPE };
  const image = await cleanImage(input);
  return image.ok ? { ok: true, document: image.image } : image;
}
