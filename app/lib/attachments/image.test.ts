import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cleanImage, HEIC_MESSAGE, TOO_BIG_MESSAGE, UNREADABLE_MESSAGE, WRONG_TYPE_MESSAGE, sniff } from './image';

const EXIF = {
  IFD0: { Make: 'SetSafeTestCam', Model: 'Model-X', Artist: 'Cody Camera' },
  IFD2: { BodySerialNumber: 'SN-TEST-123456' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 3/1 2/1', GPSLongitudeRef: 'W', GPSLongitude: '106/1 0/1 0/1' },
};

async function photo(format: 'jpeg' | 'png' | 'webp', opts: { orientation?: number } = {}) {
  let img = sharp({ create: { width: 64, height: 32, channels: 3, background: '#c33' } })[format]();
  if (opts.orientation) img = img.withMetadata({ orientation: opts.orientation });
  return img.withExif(EXIF).toBuffer();
}

describe('cleanImage', () => {
  it.each(['jpeg', 'png', 'webp'] as const)('re-encodes %s without GPS, camera serial or any EXIF', async (format) => {
    const input = await photo(format);
    expect((await sharp(input).metadata()).exif).toBeDefined();
    expect(input.includes('SN-TEST-123456')).toBe(true);
    const res = await cleanImage(input);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const meta = await sharp(res.image.data).metadata();
    expect(meta.format).toBe(format);
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    for (const s of ['SN-TEST-123456', 'SetSafeTestCam', 'Cody Camera']) expect(res.image.data.includes(s)).toBe(false);
    expect(res.image.mime).toBe(`image/${format}`);
  });

  it('turns the picture upright by its EXIF orientation before dropping it', async () => {
    const res = await cleanImage(await photo('jpeg', { orientation: 6 }));
    expect(res.ok && [res.image.width, res.image.height]).toEqual([32, 64]);
  });

  it('refuses HEIC, GIF, text and broken files with a clear message', async () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)]);
    expect(sniff(heic)).toBe('heic');
    expect(await cleanImage(heic)).toEqual({ ok: false, message: HEIC_MESSAGE });
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).gif().toBuffer();
    expect(await cleanImage(gif)).toEqual({ ok: false, message: WRONG_TYPE_MESSAGE });
    expect(await cleanImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({ ok: false, message: WRONG_TYPE_MESSAGE });
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    expect(await cleanImage(broken)).toEqual({ ok: false, message: UNREADABLE_MESSAGE });
  });

  it('refuses a PNG dressed up with a JPEG header', async () => {
    const png = await photo('png');
    const disguised = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), png]);
    const res = await cleanImage(disguised);
    expect(res.ok).toBe(false);
  });

  it('refuses more than 10 MB before decoding', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0);
    big[0] = 0xff;
    big[1] = 0xd8;
    big[2] = 0xff;
    expect(await cleanImage(big)).toEqual({ ok: false, message: TOO_BIG_MESSAGE });
  });
});
