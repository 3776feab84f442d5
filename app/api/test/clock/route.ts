import { NextResponse } from 'next/server';
import { z } from 'zod';
import { jsonError, readJson } from '@/app/lib/http';
import { runEscalations } from '@/app/lib/signals/escalate';
import { publishDropBox } from '@/app/lib/anonymous/drop-box';
import { enqueueDailyDigests } from '@/app/lib/delivery/digest';
import { runQualificationReminders } from '@/app/lib/firearms/qualification-reminders';

// The end-to-end tests' injected clock (rule 7): runs the escalations and reminders as if it were
// `at`, from database state, as the server's own timer does with the real time. With `dropBox` it
// publishes the drop box as of `at` instead (ARCHITECTURE.md: anonymity by order); `fraction` says
// where in that day the drop box opens (0 = at midnight). With `digest` it writes the daily digests
// due as of `at` instead, and with `qualifications` rule 8's expiry reminders (the server's own timer
// does not run them under the test clock, so no test depends on the hour the suite runs at). It
// exists only while SETSAFE_TEST_CLOCK=1 (scripts/e2e-server.mjs); every other server answers 404.
export const dynamic = 'force-dynamic';

const clockSchema = z.object({
  at: z.iso.datetime({ message: 'Give the time to run at as an ISO date-time, e.g. 2026-12-01T10:15:00Z.' }),
  dropBox: z.object({ fraction: z.number().min(0).max(1).optional() }).optional(),
  digest: z.literal(true).optional(),
  qualifications: z.literal(true).optional(),
});

export async function POST(req: Request) {
  if (process.env.SETSAFE_TEST_CLOCK !== '1') return jsonError(404, 'Not found.');
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const parsed = clockSchema.safeParse(body.body);
  if (!parsed.success) return jsonError(400, parsed.error.issues[0]?.message ?? 'Give the time to run at.');
  const at = new Date(parsed.data.at);
  if (parsed.data.digest) return NextResponse.json({ digests: enqueueDailyDigests(at) });
  if (parsed.data.qualifications) return NextResponse.json({ reminders: runQualificationReminders(at) });
  if (parsed.data.dropBox) return NextResponse.json({ dropBox: publishDropBox(at, { fraction: parsed.data.dropBox.fraction }) });
  return NextResponse.json(runEscalations(at));
}
