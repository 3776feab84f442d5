// Photos on incidents: checked by content, re-encoded so that nothing but the pixels survives
// (ARCHITECTURE.md: anonymous reports — GPS position, camera serial, capture time and the owner's name all
// live in image metadata). sharp strips every metadata block unless asked to keep one.
import sharp from 'sharp';
import { MAX_PHOTO_BYTES } from '../schemas/anonymous';

export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp';
export type CleanImage = { data: Buffer; mime: PhotoMime; ext: 'jpg' | 'png' | 'webp'; width: number; height: number };
export type ImageResult = { ok: true; image: CleanImage } | { ok: false; message: string };

/** Larger photos are scaled down to this many pixels on the long side. */
export const MAX_SIDE = 4096;
/** Refuse decompression bombs before decoding. */
const MAX_INPUT_PIXELS = 60_000_000;

export const TOO_BIG_MESSAGE = 'That photo is larger than 10 MB. Take it again at a lower resolution or choose a smaller one.';
export const EMPTY_MESSAGE = 'That file is empty. Choose a photo.';
export const WRONG_TYPE_MESSAGE = 'Only JPEG, PNG or WebP photos can be added. Other files are refused.';
export const HEIC_MESSAGE =
  'HEIC/HEIF photos (the iPhone default) cannot be added. Choose the photo again from the camera button here, which sends a JPEG, or set Camera › Formats to “Most Compatible”.';
export const UNREADABLE_MESSAGE = 'That photo could not be read. It may be damaged; try taking it again.';

/** What the first bytes say the file is. The declared type and file name are never trusted. */
export function sniff(b: Buffer): PhotoMime | 'heic' | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  if (b.length >= 12 && b.toString('latin1', 4, 8) === 'ftyp' && /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1|avif)$/.test(b.toString('latin1', 8, 12))) return 'heic';
  return null;
}

const FORMAT_MIME: Record<string, PhotoMime> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/**
 * Checks size and type (magic bytes, then sharp's own reading of the content must agree), turns the
 * picture upright by its EXIF orientation, scales huge ones down, and re-encodes it in the same
 * format without any metadata.
 */
export async function cleanImage(input: Buffer): Promise<ImageResult> {
  if (input.length === 0) return { ok: false, message: EMPTY_MESSAGE };
  if (input.length > MAX_PHOTO_BYTES) return { ok: false, message: TOO_BIG_MESSAGE };
  const sniffed = sniff(input);
  if (sniffed === 'heic') return { ok: false, message: HEIC_MESSAGE };
  if (!sniffed) return { ok: false, message: WRONG_TYPE_MESSAGE };
  try {
    const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    const mime = meta.format ? FORMAT_MIME[meta.format] : undefined;
    if (!mime || mime !== sniffed) return { ok: false, message: WRONG_TYPE_MESSAGE };
    // pages: 1 — an animated WebP/PNG keeps its first frame only.
    let pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, pages: 1, failOn: 'error' })
      .autoOrient()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    if (mime === 'image/jpeg') pipeline = pipeline.jpeg({ quality: 85, mozjpeg: true });
    else if (mime === 'image/png') pipeline = pipeline.png({ compressionLevel: 9 });
    else pipeline = pipeline.webp({ quality: 85 });
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    const ext = mime === 'image/jpeg' ? 'jpg' : mime === 'image/png' ? 'png' : 'webp';
    return { ok: true, image: { data, mime, ext, width: info.width, height: info.height } };
  } catch {
    return { ok: false, message: UNREADABLE_MESSAGE };
  }
}
