// The anonymous reporter's own photos, opened with the receipt code (sent in the body, never in the
// URL, so it is in no history or log). No session, cookie or header is read here.
import { NextResponse } from 'next/server';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { attachments } from '@/db/schema';
import { findByReceipt, reportedId } from '@/app/lib/anonymous/core';
import { sealedPhotoBytes } from '@/app/lib/anonymous/drop-box';
import { attachmentHeaders, readAttachmentBytes } from '@/app/lib/attachments/store';
import { readJson } from '@/app/lib/http';

export const dynamic = 'force-dynamic';

const notFound = () => NextResponse.json({ error: 'Not found.' }, { status: 404, headers: { 'Cache-Control': 'no-store' } });

export async function POST(req: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  const { attachmentId } = await params;
  const read = await readJson(req);
  if (!read.ok) return read.response;
  const body = read.body;
  const receipt = body && typeof body === 'object' ? (body as { receipt?: unknown }).receipt : undefined;
  const found = await findByReceipt(receipt);
  // Wrong code, wrong photo, throttled or malformed: the same answer, so nothing is learnt here.
  if (!found.ok || typeof attachmentId !== 'string' || attachmentId.length > 64) return notFound();
  const incidentId = reportedId(found.data);
  const row = getDb()
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.incidentId, incidentId), isNull(attachments.uploadedById)))
    .get();
  if (!row) {
    // A photo still sealed in the drop box (ARCHITECTURE.md: anonymity by order) is served from there.
    const sealed = sealedPhotoBytes(incidentId, attachmentId);
    if (!sealed) return notFound();
    return new Response(new Uint8Array(sealed.bytes), { status: 200, headers: attachmentHeaders({ mime: sealed.mime, id: sealed.id, size: sealed.bytes.length }) });
  }
  const bytes = await readAttachmentBytes(row);
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), { status: 200, headers: attachmentHeaders({ ...row, size: bytes.length }) });
}
