import 'server-only';
import { NextResponse } from 'next/server';
import { actorFor, getSessionUser, type Actor } from './auth';
import { HTTP_STATUS, Refusal, type ActionResult } from './errors';
import { refusedBecause, type Action } from './policy';
import { MUST_ENROL_MESSAGE, mustEnrol } from './two-factor-rule';

export function jsonError(status: number, message: string, extra?: Record<string, unknown>) {
  return NextResponse.json({ error: message, ...extra }, { status });
}

/** Route handlers: 401 without a session, 404 for a production the user is not a member of. */
export async function actorOr(productionId: string): Promise<{ actor: Actor } | { response: NextResponse }> {
  const user = await getSessionUser();
  if (!user) return { response: jsonError(401, 'Sign in first.') };
  const actor = actorFor(user, productionId);
  if (!actor) return { response: jsonError(404, 'Not found.') };
  if (mustEnrol(actor, user)) return { response: jsonError(403, MUST_ENROL_MESSAGE) };
  return { actor };
}

/** The one mapping of a refusal (a read's `assertCan`, a query's `Refusal`) to HTTP: its status and message. */
export function refusalResponse(err: Refusal) {
  return jsonError(HTTP_STATUS[err.code], err.message, err.fieldErrors ? { fieldErrors: err.fieldErrors } : undefined);
}

/** A route handler's policy check: null when the actor may, else the refusal as HTTP (403 with the policy's message). */
export function refusedResponse(actor: Actor, action: Action) {
  const reason = refusedBecause(actor, action);
  return reason ? refusalResponse(new Refusal(reason, 'forbidden')) : null;
}

export function resultResponse<T>(res: ActionResult<T>, successStatus = 200) {
  if (res.ok) return NextResponse.json(res.data, { status: successStatus });
  return jsonError(HTTP_STATUS[res.code ?? 'refused'], res.message, res.fieldErrors ? { fieldErrors: res.fieldErrors } : undefined);
}

/** A JSON media type: application/json or application/<something>+json, any parameters. */
export function isJsonContentType(value: string | null): boolean {
  const type = (value ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * Reads a JSON body. A body sent as text/plain, a form, or with no content type is refused with
 * 415 before it is read: a cross-site form can send text/plain without a preflight, so accepting
 * it would let another site write through a member's cookie. Malformed JSON is a 400, never a 500.
 */
export async function readJson(req: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: NextResponse }> {
  if (!isJsonContentType(req.headers.get('content-type'))) {
    return { ok: false, response: jsonError(415, 'Send the request body as JSON, with Content-Type: application/json.') };
  }
  try {
    return { ok: true, body: await req.json() };
  } catch {
    return { ok: false, response: jsonError(400, 'The request body must be JSON.') };
  }
}
