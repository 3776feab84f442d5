'use client';

import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { addReportPhoto, openFollowUp, receiptPushKey, sendReporterMessage, subscribeReceiptPush, unsubscribeReceiptPush } from '@/app/report/actions';
import { PushToggle } from '@/components/delivery/push-toggle';
import type { ReporterView } from '@/app/lib/anonymous/core';
import { SEALED_PUSH_MESSAGE } from '@/app/lib/anonymous/sealed-text';
import { INCIDENT_STATUSES, LABELS } from '@/app/lib/enums';
import { receiptSchema, reporterMessageSchema, type ReceiptInput, type ReporterMessageInput } from '@/app/lib/schemas/anonymous';
import { Field, FormError, FormSuccess, Input, Textarea, describedBy } from '@/components/form/field';
import { StatusBadge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { PhotoPicker } from './photo-picker';

const NETWORK = 'Could not reach SetSafe: check your signal and try again.';

/** 'YYYY-MM-DD' → "24 Nov 2026" (days are stored without a time, so no time zone applies). */
function day(d: string) {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
}

const STATUS_HELP: Record<(typeof INCIDENT_STATUSES)[number], string> = {
  reported: 'Received. The producers have been told and will look at it.',
  investigating: 'Someone is looking into what happened.',
  action_required: 'Changes are being made so it does not happen again.',
  closed: 'The production has closed this report.',
};

/**
 * Receipt in, report out. The code lives only in this component's memory and in request bodies:
 * closing or reloading the page forgets it.
 */
export function FollowUp() {
  const [receipt, setReceipt] = useState<string | null>(null);
  const [view, setView] = useState<ReporterView | null>(null);
  const [error, setError] = useState<string>();
  const form = useForm<ReceiptInput>({ resolver: zodResolver(receiptSchema), defaultValues: { receipt: '' } });

  const onOpen = form.handleSubmit(async ({ receipt: code }) => {
    setError(undefined);
    try {
      const res = await openFollowUp(code);
      if (!res.ok) {
        form.setError('receipt', { message: res.fieldErrors?.receipt?.[0] ?? res.message });
        return;
      }
      setReceipt(code);
      setView(res.data);
      form.reset({ receipt: '' });
    } catch {
      setError(NETWORK);
    }
  });

  if (!receipt || !view) {
    const err = form.formState.errors.receipt?.message;
    return (
      <form onSubmit={onOpen} noValidate className="flex flex-col gap-4 rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-5" aria-label="Open your report">
        <FormError message={error} />
        <Field id="receipt" label="Receipt code" hint="7 groups of 4 letters and digits. Dashes and spaces do not matter." error={err}>
          <Input
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            className="font-mono text-lg tracking-wider"
            placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
            {...describedBy('receipt', err, true)}
            {...form.register('receipt')}
          />
        </Field>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? 'Opening…' : 'Open my report'}
        </Button>
      </form>
    );
  }

  return (
    <ReportView
      receipt={receipt}
      view={view}
      onView={setView}
      onClose={() => {
        setReceipt(null);
        setView(null);
      }}
    />
  );
}

function ReportView({ receipt, view, onView, onClose }: { receipt: string; view: ReporterView; onView: (v: ReporterView) => void; onClose: () => void }) {
  const current = INCIDENT_STATUSES.indexOf(view.status);
  return (
    <div className="flex flex-col gap-4">
      <section aria-labelledby="status-h" className="rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-5">
        <p className="text-sm text-muted">{view.productionTitle}</p>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="status-h" className="text-xl font-bold">
            {view.number === null ? 'Your report' : `Report #${view.number}`}: {view.typeLabel}
          </h2>
          <StatusBadge status={view.status} />
        </div>
        {view.sealed ? (
          <p className="mt-1 rounded-lg border border-line bg-canvas p-3" data-testid="sealed-note">
            Sealed, will be published with {view.reportedOn === view.today ? 'today’s reports' : `the reports of ${day(view.reportedOn)}`}.
            It reaches the producers, numbered, at a random time of a later day, together with every other anonymous report of its day, so
            nothing shows when you sent it. What you add now waits with it.
          </p>
        ) : (
          <p className="mt-1">{STATUS_HELP[view.status]}</p>
        )}
        <ol className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-4" aria-label="Progress">
          {INCIDENT_STATUSES.map((s, i) => (
            <li
              key={s}
              aria-current={i === current ? 'step' : undefined}
              className={cx(
                'rounded-lg border px-2 py-1 text-sm',
                i === current ? 'border-brand bg-brand-soft font-bold text-brand' : i < current ? 'border-line text-ink' : 'border-dashed border-line text-muted',
              )}
            >
              <span aria-hidden="true">{i < current ? '✓ ' : i === current ? '● ' : '○ '}</span>
              {LABELS.status[s]}
            </li>
          ))}
        </ol>
        {view.status === 'closed' ? (
          <div className="mt-3 rounded-lg border border-ok/40 bg-ok-soft p-3">
            <p className="font-semibold text-ok">Closed{view.closedOn ? ` on ${day(view.closedOn)}` : ''}</p>
            <p className="mt-1 whitespace-pre-wrap">{view.resolution || 'No resolution was written.'}</p>
          </div>
        ) : null}
      </section>

      <Conversation receipt={receipt} view={view} onView={onView} />
      <section aria-labelledby="receipt-push-h" className="rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-5">
        <h2 id="receipt-push-h" className="text-lg font-semibold">
          Be told when the production asks
        </h2>
        <p className="mt-1 mb-3 text-muted">
          Turn on a push alert for this report only. The alert is kept with this report — never with an account, a name or an email address —
          and it says only that a question is waiting. No email is asked for.
        </p>
        {view.sealed ? (
          // The alert is kept with the published report; nobody can ask about a sealed one yet.
          <p className="font-semibold">{SEALED_PUSH_MESSAGE}</p>
        ) : (
          <PushToggle
            vapidPublicKey={() => receiptPushKey()}
            subscribe={(s) => subscribeReceiptPush(receipt, s)}
            unsubscribe={(s) => unsubscribeReceiptPush(receipt, s)}
            onLabel="This device will be told when the production asks about this report."
            turnOnLabel="Alert me on this device"
          />
        )}
      </section>
      <Photos receipt={receipt} view={view} onView={onView} />

      <details className="group rounded-xl border border-line bg-surface p-4 shadow-sm">
        {/* A flex summary loses the browser's marker: the arrow says it opens. */}
        <summary className="flex min-h-11 cursor-pointer items-center gap-2 font-semibold">
          <span aria-hidden="true" className="inline-block text-muted transition-transform group-open:rotate-90">▸</span>
          What you reported
        </summary>
        <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold text-muted">Sent on</dt>
          <dd>{day(view.reportedOn)}</dd>
          <dt className="font-semibold text-muted">When it happened</dt>
          <dd>{view.occurredOn ? day(view.occurredOn) : 'Not given'}</dd>
          <dt className="font-semibold text-muted">Where</dt>
          <dd className="break-words">
            {view.location}
            {view.scene ? ` · ${view.scene}` : ''}
          </dd>
          <dt className="font-semibold text-muted">What happened</dt>
          <dd className="whitespace-pre-wrap break-words">{view.description}</dd>
          {view.immediateActions ? (
            <>
              <dt className="font-semibold text-muted">What was done</dt>
              <dd className="whitespace-pre-wrap break-words">{view.immediateActions}</dd>
            </>
          ) : null}
        </dl>
      </details>

      <Button type="button" variant="secondary" onClick={onClose}>
        Close and forget the code on this screen
      </Button>
    </div>
  );
}

function Conversation({ receipt, view, onView }: { receipt: string; view: ReporterView; onView: (v: ReporterView) => void }) {
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState<string>();
  const form = useForm<ReporterMessageInput>({ resolver: zodResolver(reporterMessageSchema), defaultValues: { body: '' } });
  const err = form.formState.errors.body?.message;
  const onSend = form.handleSubmit(async (values) => {
    setError(undefined);
    setSent(undefined);
    try {
      const res = await sendReporterMessage(receipt, values);
      if (!res.ok) {
        if (res.fieldErrors?.body) form.setError('body', { message: res.fieldErrors.body[0] });
        setError(res.message);
        return;
      }
      onView(res.data);
      form.reset({ body: '' });
      setSent(view.openQuestion ? 'Answer sent anonymously.' : 'Information sent anonymously.');
    } catch {
      setError(NETWORK);
    }
  });
  return (
    <section aria-labelledby="conv-h" className="rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-5">
      <h2 id="conv-h" className="text-lg font-semibold">
        Questions and answers
      </h2>
      {view.messages.length === 0 ? (
        <p className="mt-2 text-muted">No questions yet. If the production needs to know more, their question appears here.</p>
      ) : (
        <ol className="mt-3 flex flex-col gap-3">
          {view.messages.map((m) => (
            <li
              key={m.id}
              className={cx('max-w-[92%] rounded-xl p-3', m.from === 'you' ? 'self-end bg-brand-soft' : 'self-start border border-line bg-canvas')}
            >
              <p className="text-sm font-semibold text-muted">
                {m.from === 'you' ? (m.kind === 'answer' ? 'Your answer' : 'Your added information') : 'Question from the production'} · {day(m.day)}
                {m.sealed ? ' · sealed until published' : ''}
              </p>
              <p className="mt-1 whitespace-pre-wrap break-words">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {view.canWrite ? (
        <form onSubmit={onSend} noValidate className="mt-4 flex flex-col gap-3">
          <FormError message={error} />
          <FormSuccess message={sent} />
          <Field
            id="body"
            label={view.openQuestion ? 'Your answer' : 'Add information'}
            hint={view.openQuestion ? 'Answers the latest question. Only the day is kept.' : 'Anything new about what happened. Only the day is kept.'}
            error={err}
          >
            <Textarea rows={3} {...describedBy('body', err, true)} {...form.register('body')} />
          </Field>
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? 'Sending…' : view.openQuestion ? 'Send answer anonymously' : 'Send anonymously'}
          </Button>
        </form>
      ) : (
        <p className="mt-3 text-muted">This production has wrapped: nothing more can be added.</p>
      )}
    </section>
  );
}

function Photos({ receipt, view, onView }: { receipt: string; view: ReporterView; onView: (v: ReporterView) => void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<string[]>([]);
  async function upload() {
    setBusy(true);
    const out: string[] = [];
    for (const f of files) {
      const fd = new FormData();
      fd.set('receipt', receipt);
      fd.set('file', f);
      try {
        const r = await addReportPhoto(fd);
        out.push(r.ok ? `${f.name || 'Photo'}: added.` : `${f.name || 'Photo'}: ${r.message}`);
      } catch {
        out.push(`${f.name || 'Photo'}: ${NETWORK}`);
      }
    }
    try {
      const res = await openFollowUp(receipt);
      if (res.ok) onView(res.data);
    } catch {
      /* the list refreshes next time */
    }
    setFiles([]);
    setMessages(out);
    setBusy(false);
  }
  return (
    <section aria-labelledby="photos-h" className="rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-5">
      <h2 id="photos-h" className="text-lg font-semibold">
        Your photos ({view.photos.length})
      </h2>
      {view.photos.length ? (
        <ul className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-3">
          {view.photos.map((p, i) => (
            <li key={p.id}>
              <ReceiptPhoto receipt={receipt} id={p.id} alt={`Your photo ${i + 1}, added ${day(p.day)}`} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-muted">No photos yet.</p>
      )}
      {view.canWrite ? (
        <div className="mt-4 flex flex-col gap-3">
          <PhotoPicker files={files} onChange={setFiles} disabled={busy} />
          {files.length ? (
            <Button type="button" onClick={upload} disabled={busy}>
              {busy ? 'Adding…' : `Add ${files.length} photo${files.length === 1 ? '' : 's'} anonymously`}
            </Button>
          ) : null}
          <div aria-live="polite">
            {messages.map((m) => (
              <p key={m} className="text-sm">
                {m}
              </p>
            ))}
          </div>
        </div>
      ) : null}
    </section>
  );
}

/** Fetched with the receipt in the body (never in a URL), then shown from a local blob. */
function ReceiptPhoto({ receipt, id, alt }: { receipt: string; id: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    fetch(`/api/report/attachments/${id}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ receipt }), cache: 'no-store' })
      .then(async (r) => {
        if (!r.ok) throw new Error(String(r.status));
        url = URL.createObjectURL(await r.blob());
        if (live) setSrc(url);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [receipt, id]);
  if (failed) return <p className="rounded-lg border border-line p-2 text-sm text-muted">{alt}: could not be loaded.</p>;
  return src ? (
    // eslint-disable-next-line @next/next/no-img-element -- a local blob: URL; next/image cannot optimise it
    <img src={src} alt={alt} className="aspect-square w-full rounded-lg border border-line object-cover" />
  ) : (
    <div className="aspect-square w-full animate-pulse rounded-lg bg-canvas" aria-label={`${alt}: loading`} role="img" />
  );
}
