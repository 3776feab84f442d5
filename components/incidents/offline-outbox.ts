'use client';

// Filing that survives a lost signal (ARCHITECTURE.md: phones and offline): the form's content is kept as a draft on the
// device while it is written; a submission that fails for want of a network waits in an outbox
// and is sent when the connection returns. The client-made id makes every retry the same report.

// Both are kept per member: a phone passed from one member to another must neither show the first
// one's draft to the second nor send the first one's queued report under the second one's session.
const DRAFT_KEY = (productionId: string, ownerId: string) => `setsafe:draft:${productionId}:${ownerId}`;
const OUTBOX_KEY = 'setsafe:outbox';
/** Fired on window whenever the outbox changes in this tab; a flush puts its FlushResult in `detail`. */
export const OUTBOX_EVENT = 'setsafe:outbox';

/** `ownerId`: the member who filed it; only their session sends it. */
export type OutboxItem = { productionId: string; ownerId: string; values: { id: string } & Record<string, unknown>; queuedAt: number };

function read<T>(key: string, fallback: T): T {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function writeKey(key: string, value: unknown) {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage full or disabled: the form still works online */
  }
}

export const drafts = {
  load: <T,>(productionId: string, ownerId: string) => read<T | null>(DRAFT_KEY(productionId, ownerId), null),
  save: (productionId: string, ownerId: string, values: unknown) => writeKey(DRAFT_KEY(productionId, ownerId), values),
  clear: (productionId: string, ownerId: string) => writeKey(DRAFT_KEY(productionId, ownerId), null),
};

/** Every report waiting on this device, whoever filed it. */
export function outbox(): OutboxItem[] {
  // A report queued before reports carried their filer ('') goes with the next session, as it did.
  return read<OutboxItem[]>(OUTBOX_KEY, []).map((i) => ({ ...i, ownerId: typeof i.ownerId === 'string' ? i.ownerId : '' }));
}

/** The reports this member filed that wait, and how many other members' wait for them. */
export function outboxFor(ownerId: string): { mine: OutboxItem[]; others: number } {
  const all = outbox();
  const mine = all.filter((i) => i.ownerId === ownerId || i.ownerId === '');
  return { mine, others: all.length - mine.length };
}

export function enqueue(item: Omit<OutboxItem, 'queuedAt'>) {
  const items = outbox().filter((i) => i.values.id !== item.values.id);
  writeKey(OUTBOX_KEY, [...items, { ...item, queuedAt: Date.now() }]);
  window.dispatchEvent(new CustomEvent(OUTBOX_EVENT));
}

function remove(id: string) {
  writeKey(OUTBOX_KEY, outbox().filter((i) => i.values.id !== id));
}

/** A failure that means "no network", as opposed to an answer from the server. */
export function isNetworkError(err: unknown): boolean {
  return (typeof navigator !== 'undefined' && navigator.onLine === false) || err instanceof TypeError || (err instanceof Error && /fetch|network|load failed/i.test(err.message));
}

export type FlushResult = {
  sent: { id: string; productionId: string; status: number; number?: number }[];
  /** `backInForm`: its content became the production's form draft (there was none). */
  failed: { id: string; productionId: string; message: string; backInForm: boolean }[];
  pending: number;
};

let flushing: Promise<FlushResult> | null = null;

/**
 * One flush at a time per tab: the mount, the `online` event and a retry timer can all ask at
 * once, and two concurrent sends of one item would be two requests for one report (harmless, as
 * the server answers a repeat id with 200, but noisy).
 */
export function flushOutbox(ownerId: string): Promise<FlushResult> {
  flushing ??= sendAll(ownerId).finally(() => {
    flushing = null;
  });
  return flushing;
}

/**
 * Sends every report this member queued through the JSON route (another member's wait for them). 201 (filed) and 200 (already filed) both
 * clear the item; a refusal (4xx) clears it too, is reported, and its content becomes the form's
 * draft again; a network failure keeps it.
 */
async function sendAll(ownerId: string): Promise<FlushResult> {
  const result: FlushResult = { sent: [], failed: [], pending: 0 };
  for (const item of outboxFor(ownerId).mine) {
    try {
      const res = await fetch(`/api/productions/${item.productionId}/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(item.values),
        credentials: 'same-origin',
      });
      // Signed out meanwhile (401), throttled (429), or a gateway or server that is not answering
      // properly yet (5xx, common on a weak link through a proxy): keep it for the next try.
      if (res.status === 401 || res.status === 408 || res.status === 429 || res.status >= 500) {
        result.pending++;
        continue;
      }
      remove(item.values.id);
      const body = (await res.json().catch(() => ({}))) as { error?: string; number?: number };
      if (res.ok) result.sent.push({ id: item.values.id, productionId: item.productionId, status: res.status, number: body.number });
      else {
        // Refused (the production was wrapped, the member removed, a field no longer valid): the
        // words must not vanish, so they go back into the form as its draft unless one is there.
        const backInForm = !drafts.load(item.productionId, ownerId);
        if (backInForm) drafts.save(item.productionId, ownerId, item.values);
        result.failed.push({ id: item.values.id, productionId: item.productionId, backInForm, message: body.error ?? `The server refused the report (HTTP ${res.status}).` });
      }
    } catch {
      result.pending++;
    }
  }
  if (result.sent.length || result.failed.length) window.dispatchEvent(new CustomEvent<FlushResult>(OUTBOX_EVENT, { detail: result }));
  return result;
}
