// e2e seed: one anonymous report with one photo in the demo production, filed through the
// same core as the public form and photo upload, for the authorization matrix (e2e/authz/anonymous.ts).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { getDb, write } from '../db/client';
import { incidents, productions } from '../db/schema';
import { DEMO_PRODUCTION_TITLE } from '../db/seed/demo';
import { fileIncidentTx } from '../app/lib/incidents/file';
import { storePhoto } from '../app/lib/attachments/store';
import { hashReceipt, normaliseReceipt } from '../app/lib/anonymous/receipt';
import { SEEDED_ANONYMOUS } from '../e2e/authz/seeded-anonymous';

export async function seedAnonymous() {
  if (getDb().select({ id: incidents.id }).from(incidents).where(eq(incidents.description, SEEDED_ANONYMOUS.description)).get()) return;
  const demo = getDb().select().from(productions).where(eq(productions.title, DEMO_PRODUCTION_TITLE)).get()!;
  const now = new Date();
  const id = randomUUID();
  write((tx) =>
    fileIncidentTx(
      tx,
      { productionId: demo.id, timeZone: demo.timeZone, reporter: null, now, receiptHash: hashReceipt(normaliseReceipt(SEEDED_ANONYMOUS.receipt)!) },
      { id, type: 'unsafe_condition', description: SEEDED_ANONYMOUS.description, location: 'Stage 2' },
    ),
  );
  const photo = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } }).jpeg().toBuffer();
  const res = await storePhoto({ productionId: demo.id, incidentId: id, timeZone: demo.timeZone, uploader: null, now }, photo);
  if (!res.ok) throw new Error(res.message);
}
