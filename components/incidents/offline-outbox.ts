'use client';

// Filing that survives a lost signal (issue 10): the form's content is kept as a draft on the
// device while it is written; a submission that fails for want of a network waits in an outbox
// and is sent when the connection returns. The client-made id makes every retry the same report.

const DRAFT_KEY = (productionId: string) => `setsafe:draft:${productionId}`;
const OUTBOX_KEY = 'setsafe:outbox';

export type OutboxItem = { productionId: string; values: { id: string } & Record<string, unknown>; queuedAt: number };

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
  load: <T,>(productionId: string) => read<T | null>(DRAFT_KEY(productionId), null),
  save: (productionId: string, values: unknown) => writeKey(DRAFT_KEY(productionId), values),
  clear: (productionId: string) => writeKey(DRAFT_KEY(productionId), null),
};

export function outbox(): OutboxItem[] {
  return read<OutboxItem[]>(OUTBOX_KEY, []);
}

export function enqueue(item: OutboxItem) {
  const items = outbox().filter((i) => i.values.id !== item.values.id);
  writeKey(OUTBOX_KEY, [...items, item]);
}

function remove(id: string) {
  writeKey(OUTBOX_KEY, outbox().filter((i) => i.values.id !== id));
}

/** A failure that means "no network", as opposed to an answer from the server. */
export function isNetworkError(err: unknown): boolean {
  return (typeof navigator !== 'undefined' && navigator.onLine === false) || err instanceof TypeError || (err instanceof Error && /fetch|network|load failed/i.test(err.message));
}

export type FlushResult = { sent: { id: string; productionId: string; status: number }[]; failed: { id: string; message: string }[]; pending: number };

/**
 * Sends every queued report through the JSON route. 201 (filed) and 200 (already filed) both
 * clear the item; a refusal (4xx) clears it too and is reported; a network failure keeps it.
 */
export async function flushOutbox(): Promise<FlushResult> {
  const result: FlushResult = { sent: [], failed: [], pending: 0 };
  for (const item of outbox()) {
    try {
      const res = await fetch(`/api/productions/${item.productionId}/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(item.values),
        credentials: 'same-origin',
      });
      if (res.status === 401) {
        result.pending++; // signed out meanwhile: keep it until they sign in again
        continue;
      }
      remove(item.values.id);
      if (res.ok) result.sent.push({ id: item.values.id, productionId: item.productionId, status: res.status });
      else {
        const body = (await res.json().catch(() => ({}))) as { error?: string };
        result.failed.push({ id: item.values.id, message: body.error ?? `The server refused the report (HTTP ${res.status}).` });
      }
    } catch {
      result.pending++;
    }
  }
  return result;
}
