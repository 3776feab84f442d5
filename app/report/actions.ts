'use server';

// The public side's server actions. None of them reads a session, a cookie, a header, the client's
// address or its user agent, and none logs anything: the link token or the receipt code is the only
// key (ARCHITECTURE.md: anonymous reports).
import { fileAnonymousReport, findByReceipt, reporterAddPhoto, reporterSay, reporterView, type FiledReport, type ReporterView } from '@/app/lib/anonymous/core';
import { ok, type ActionResult } from '@/app/lib/errors';
import type { StoredPhoto } from '@/app/lib/attachments/store';

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
