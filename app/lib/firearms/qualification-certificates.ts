// A scanned certificate on a qualification (ARCHITECTURE.md: qualification certificates): the
// same upload path as an incident's photos (app/lib/attachments/store.ts), checked by
// ../attachments/document.ts, recorded and audited in one transaction.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { certificatesDir } from '@/db/paths';
import { productions, qualificationCertificates, qualifications, type QualificationCertificate } from '@/db/schema';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { cleanDocument, CERTIFICATE_EMPTY, CERTIFICATE_TOO_BIG } from '../attachments/document';
import { fileBytes, storeFile } from '../attachments/store';
import { defineAsyncCore, WRAPPED_MESSAGE } from '../core';
import { fail, Refusal, type ActionResult } from '../errors';

type Reader = Pick<Tx, 'select'>;
export type StoredCertificate = Pick<QualificationCertificate, 'id' | 'qualificationId' | 'mime' | 'size'>;

const CHOOSE = 'Choose the scan of the certificate (a PDF or a photo).';

function qualificationOf(db: Reader, productionId: string, qualificationId: string) {
  return db
    .select({ id: qualifications.id })
    .from(qualifications)
    .where(and(eq(qualifications.id, qualificationId), eq(qualifications.productionId, productionId)))
    .get();
}

/** Those who record qualifications add their scans (armorers and producers; not on a wrapped production). */
export const addCertificate = defineAsyncCore(
  'qualification.record',
  async (actor: Actor, qualificationId: unknown, file: unknown, now: Date = new Date()): Promise<ActionResult<StoredCertificate>> => {
    // Checked before the file is read: another production's qualification does not exist for them.
    if (typeof qualificationId !== 'string' || qualificationId.length > 64 || !qualificationOf(getDb() as unknown as Reader, actor.productionId, qualificationId)) {
      return fail('Not found.', 'not_found');
    }
    const bytes = await fileBytes(file, { choose: CHOOSE, tooBig: CERTIFICATE_TOO_BIG, empty: CERTIFICATE_EMPTY });
    if (!bytes.ok) return bytes;
    const cleaned = await cleanDocument(bytes.data);
    if (!cleaned.ok) return fail(cleaned.message, 'invalid', { file: [cleaned.message] });
    const doc = cleaned.document;
    return storeFile(doc, (tx, { storedName, sha256 }) => {
      const p = tx.select({ phase: productions.phase }).from(productions).where(eq(productions.id, actor.productionId)).get();
      if (p?.phase === 'wrapped') throw new Refusal(WRAPPED_MESSAGE, 'forbidden');
      if (!qualificationOf(tx, actor.productionId, qualificationId)) throw new Refusal('Not found.', 'not_found');
      const row: QualificationCertificate = {
        id: randomUUID(),
        productionId: actor.productionId,
        qualificationId,
        storedName,
        mime: doc.mime,
        size: doc.data.length,
        width: doc.width,
        height: doc.height,
        uploadedById: actor.userId,
        createdAt: now,
      };
      tx.insert(qualificationCertificates).values(row).run();
      const { storedName: _s, ...auditable } = row;
      appendAudit(tx, {
        chain: actor.productionId,
        actorId: actor.userId,
        actorLabel: actor.name,
        entity: 'qualification',
        entityId: qualificationId,
        action: 'qualification.certificate_add',
        after: { ...auditable, sha256 },
        at: now,
      });
      return { id: row.id, qualificationId, mime: row.mime, size: row.size };
    }, { dir: certificatesDir() });
  },
);
