// Certificate scans on qualifications (ARCHITECTURE.md: qualification certificates): the same
// checks and storage as incident photos, audited in the same transaction, refused to roles that
// may not record qualifications and on another production's qualification.
import fs from 'node:fs';
import { deflateSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

createTempDatabase();
const { getDb, write } = await import('@/db/client');
const t = await import('@/db/schema');
const { eq } = await import('drizzle-orm');
const { recordQualification } = await import('./scene-plans');
const { ok } = await import('../testing/world');
const { addCertificate } = await import('./qualification-certificates');
const { attachmentPath: storedPath, attachmentHeaders } = await import('../attachments/store');
const { certificatesDir } = await import('@/db/paths');
const attachmentPath = (name: string) => storedPath(name, certificatesDir());
const { listQualifications, getCertificate } = await import('@/db/queries/scene-plans');
const doc = await import('../attachments/document');

type Seed = Awaited<ReturnType<typeof seedProduction>>;
let s: Seed;
let other: Seed;
let qualificationId: string;
let otherQualificationId: string;
const now = new Date('2026-11-24T15:00:00Z');

const blob = (b: Buffer | string) => new Blob([new Uint8Array(Buffer.from(b))]);
const pdf = (body: string) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog ${body} >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
const qualify = (seed: Seed) =>
  ok(recordQualification(seed.actors.producer, { id: randomUUID(), userId: seed.actors.actor.userId, kind: 'handler_permit', issuer: 'County', reference: 'HP-9', issuedOn: '2026-01-01', expiresOn: '2027-01-01' }, now)).id;

beforeAll(async () => {
  s = await seedProduction({ now });
  other = await seedProduction({ title: 'Other Show', now });
  qualificationId = qualify(s);
  otherQualificationId = qualify(other);
});

describe('certificate scans', () => {
  it('keeps a photo cleaned of its metadata, with an audit entry naming its hash, in the same transaction', async () => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#fff' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Someone' } })
      .toBuffer();
    const res = ok(await addCertificate(s.actors.armorer, qualificationId, blob(jpeg), now));
    expect(res).toMatchObject({ qualificationId, mime: 'image/jpeg' });
    const row = getDb().select().from(t.qualificationCertificates).where(eq(t.qualificationCertificates.id, res.id)).get()!;
    expect(row).toMatchObject({ width: 40, height: 30, uploadedById: s.actors.armorer.userId, productionId: s.production.id });
    const stored = fs.readFileSync(attachmentPath(row.storedName));
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(fs.statSync(attachmentPath(row.storedName)).mode & 0o777).toBe(0o600);
    const entry = getDb().select().from(t.auditLog).where(eq(t.auditLog.action, 'qualification.certificate_add')).all().at(-1)!;
    expect(entry).toMatchObject({ entity: 'qualification', entityId: qualificationId, actorId: s.actors.armorer.userId });
    expect(entry.after).toContain(res.id);
    expect(entry.after).not.toContain(row.storedName);
  });

  it('keeps a plain PDF as it is, served only as a download', async () => {
    const file = pdf('/Pages 2 0 R');
    const res = ok(await addCertificate(s.actors.producer, qualificationId, blob(file), now));
    const row = getDb().select().from(t.qualificationCertificates).where(eq(t.qualificationCertificates.id, res.id)).get()!;
    expect(row).toMatchObject({ mime: 'application/pdf', width: null, height: null, size: file.length });
    expect(fs.readFileSync(attachmentPath(row.storedName)).equals(file)).toBe(true);
    const h = attachmentHeaders(row, 'certificate') as Record<string, string>;
    expect(h['Content-Disposition']).toMatch(/^attachment; filename="certificate-[0-9a-f]{8}\.pdf"$/);
    expect(h['X-Content-Type-Options']).toBe('nosniff');
  });

  it('refuses PDFs with active content, also inside a compressed stream, and files that are not what they say', async () => {
    const count = () => getDb().select().from(t.qualificationCertificates).all().length;
    const before = count();
    const files = () => fs.readdirSync(attachmentPath('x').replace(/x$/, '')).length;
    const filesBefore = files();
    const hidden = deflateSync(Buffer.from('<< /S /JavaScript /JS (app.alert(1)) >>'));
    const sneaky = Buffer.concat([Buffer.from('%PDF-1.5\n4 0 obj << /Length 10 /Filter /FlateDecode >>\nstream\n', 'latin1'), hidden, Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1')]);
    const cases: [Buffer, string][] = [
      [pdf('/OpenAction << /S /JavaScript /JS (x) >>'), doc.PDF_ACTIVE_MESSAGE],
      [pdf('/Names << /EmbeddedFiles 3 0 R >>'), doc.PDF_ACTIVE_MESSAGE],
      [sneaky, doc.PDF_ACTIVE_MESSAGE],
      [Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n', 'latin1'), doc.PDF_BROKEN_MESSAGE],
      [Buffer.from('<html><script>alert(1)</script></html>'), doc.CERTIFICATE_WRONG_TYPE],
      [Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]), 'That photo could not be read. It may be damaged; try taking it again.'],
    ];
    for (const [file, message] of cases) {
      expect(await addCertificate(s.actors.producer, qualificationId, blob(file), now)).toMatchObject({ ok: false, code: 'invalid', message });
    }
    expect(await addCertificate(s.actors.producer, qualificationId, blob(''), now)).toMatchObject({ ok: false, code: 'invalid', message: doc.CERTIFICATE_EMPTY });
    expect(await addCertificate(s.actors.producer, qualificationId, 'not a file', now)).toMatchObject({ ok: false, code: 'invalid' });
    expect(await addCertificate(s.actors.producer, qualificationId, new Blob([new Uint8Array(10 * 1024 * 1024 + 1)]), now)).toMatchObject({ ok: false, message: doc.CERTIFICATE_TOO_BIG });
    expect(count()).toBe(before);
    expect(files()).toBe(filesBefore);
  });

  it('is refused to roles that do not record qualifications, and another production’s qualification does not exist', async () => {
    const file = blob(pdf(''));
    expect(await addCertificate(s.actors.auditor, qualificationId, file, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await addCertificate(s.actors.crew, qualificationId, file, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await addCertificate(s.actors.producer, otherQualificationId, file, now)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await addCertificate(s.actors.producer, 'x'.repeat(65), file, now)).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('is refused on a wrapped production (read-only), and read only by those who may see qualifications', async () => {
    const certs = listQualifications(s.actors.auditor).find((q) => q.id === qualificationId)!.certificates;
    expect(certs.map((c) => c.mime)).toEqual(['image/jpeg', 'application/pdf']);
    expect(getCertificate(s.actors.auditor, qualificationId, certs[0].id)).toMatchObject({ id: certs[0].id });
    expect(getCertificate(other.actors.producer, qualificationId, certs[0].id)).toBeNull();
    expect(() => getCertificate(s.actors.crew, qualificationId, certs[0].id)).toThrow(/does not allow/);
    write((tx) => tx.update(t.productions).set({ phase: 'wrapped' }).where(eq(t.productions.id, s.production.id)).run());
    const wrapped = { ...s.actors.producer, production: { ...s.actors.producer.production, phase: 'wrapped' as const } };
    expect(await addCertificate(wrapped, qualificationId, blob(pdf('')), now)).toMatchObject({ ok: false, code: 'forbidden' });
    write((tx) => tx.update(t.productions).set({ phase: 'shooting' }).where(eq(t.productions.id, s.production.id)).run());
  });
});
