// e2e records for the authorization matrix's certificate route: on each show an armorer's
// certificate (the armorer is never a handler, so rule 8 is untouched) with one scanned PDF,
// made through the same cores as the app, as each show's producer would.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../db/client';
import { productions, qualifications, users } from '../db/schema';
import { recordQualification } from '../app/lib/firearms/scene-plans';
import { addCertificate } from '../app/lib/firearms/qualification-certificates';
import { actorOf } from '../app/lib/testing/world';
import { SEEDED } from '../e2e/authz/seeded';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

async function seedOne(productionTitle: string, producerEmail: string, holderEmail: string) {
  const db = getDb();
  const p = db.select().from(productions).where(eq(productions.title, productionTitle)).get()!;
  if (db.select().from(qualifications).where(and(eq(qualifications.productionId, p.id), eq(qualifications.issuer, SEEDED.certificateIssuer))).get()) return;
  const producer = actorOf(db.select().from(users).where(eq(users.email, producerEmail)).get()!.id, p.id);
  const holder = db.select().from(users).where(eq(users.email, holderEmail)).get()!;
  const q = recordQualification(producer, { id: randomUUID(), userId: holder.id, kind: 'armorer_certificate', issuer: SEEDED.certificateIssuer, reference: 'AC-1', issuedOn: '2026-01-05', expiresOn: '2099-01-05' });
  if (!q.ok) throw new Error(q.message);
  const c = await addCertificate(producer, q.data.id, new Blob([new Uint8Array(PDF)]));
  if (!c.ok) throw new Error(c.message);
}

export async function seedE2eCertificates() {
  await seedOne('Dry Creek (demo)', 'producer@setsafe.test', 'armorer@setsafe.test');
  await seedOne('Other Show (e2e)', 'other.producer@setsafe.test', 'other.armorer@setsafe.test');
}
