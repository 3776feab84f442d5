'use server';

// The public side's server actions. None of them reads a session, a cookie, a header, the client's
// address or its user agent, and none logs anything: the link token or the receipt code is the only
// key (ARCHITECTURE.md: anonymous reports).
import { fileAnonymousReport, findByReceipt, isSealed, reporterAddPhoto, reporterSay, reporterView, SEALED_PUSH_MESSAGE, type FiledReport, type ReporterView } from '@/app/lib/anonymous/core';
import { fail, ok, type ActionResult } from '@/app/lib/errors';
import type { StoredPhoto } from '@/app/lib/attachments/store';
import { removeReceiptPush, saveReceiptPush } from '@/app/lib/delivery/receipt-push';
import { getVapidKeys } from '@/app/lib/delivery/vapid';

export async function fileReport(token: string, raw: unknown): Promise<ActionResult<FiledReport>> {
  return fileAnonymousReport(token, raw);
}

/** One photo per request, so each stays under the server actions' body limit. */
export async function addReportPhoto(formData: FormData): Promise<ActionResult<StoredPhoto>> {
  const found = await findByReceipt(formData.get('receipt'));
  if (!found.ok) return found;
  return reporterAddPhoto(found.data, formData.get('file'));
}

export async function openFollowUp(receipt: unknown): Promise<ActionResult<ReporterView>> {
  const found = await findByReceipt(receipt);
  if (!found.ok) return found;
  return ok(reporterView(found.data));
}

export async function sendReporterMessage(receipt: unknown, raw: unknown): Promise<ActionResult<ReporterView>> {
  const found = await findByReceipt(receipt);
  if (!found.ok) return found;
  const said = reporterSay(found.data, raw);
  if (!said.ok) return said;
  return ok(reporterView(found.data));
}

/** The public Web Push key, for a reporter turning alerts on for their receipt. */
export async function receiptPushKey(): Promise<string> {
  return getVapidKeys().publicKey;
}

export async function subscribeReceiptPush(receipt: unknown, raw: unknown): Promise<ActionResult<{ created: boolean }>> {
  const found = await findByReceipt(receipt);
  if (!found.ok) return found;
  // The subscription belongs to the incident, which exists only once the report is published.
  if (isSealed(found.data)) return fail(SEALED_PUSH_MESSAGE, 'refused');
  return saveReceiptPush(found.data, raw);
}

export async function unsubscribeReceiptPush(receipt: unknown, raw: unknown): Promise<ActionResult<{ removed: number }>> {
  const found = await findByReceipt(receipt);
  if (!found.ok) return found;
  if (isSealed(found.data)) return ok({ removed: 0 });
  return removeReceiptPush(found.data, raw);
}
