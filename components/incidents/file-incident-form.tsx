'use client';

import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { FormProvider, useForm, useWatch, type FieldErrors as RhfErrors } from 'react-hook-form';
import type { FileIncidentInput } from '@/app/lib/schemas/incidents';
import type { IncidentType, Severity } from '@/app/lib/enums';
import { fileIncident } from '@/app/(app)/productions/[productionId]/incidents/actions';
import { Field, FormError, Input, Textarea, describedBy } from '@/components/form/field';
import { RadioTile } from '@/components/form/radio-tile';
import type { DetailProps } from './incident-detail-fields';
import { newId } from '@/components/form/new-id';
import { applyServerErrors, NETWORK_MESSAGE } from '@/components/form/form-result';
import { Button } from '@/components/ui/button';
import { lazyResolver } from '@/components/form/lazy-resolver';
import { drafts, enqueue, isNetworkError, OUTBOX_EVENT, outbox, type FlushResult } from './offline-outbox';

// The shared schema, loaded when the form is first touched (ARCHITECTURE.md: performance budget; first-load JS). A report that
// goes out unchecked because the code never loaded is checked by the server and comes back to the
// form as a refusal, as the outbox does for any 4xx.
const validation = lazyResolver<FileIncidentInput>(() =>
  Promise.all([import('@hookform/resolvers/zod'), import('@/app/lib/schemas/incidents')]).then(([r, s]) => r.zodResolver(s.fileIncidentSchema)),
);

// The optional detail (when, scene, severity, weapons, the injured people's Form 301 sections) is not
// needed to show the form or to file the three required answers: its code comes with the shared
// schema on the form's first touch (ARCHITECTURE.md: performance budget), or when the section is
// opened. The service worker keeps it with an offline copy of the form (ARCHITECTURE.md: offline copies).
let detail: Promise<ComponentType<DetailProps>> | null = null;
const loadDetail = () =>
  (detail ??= import('./incident-detail-fields').then(
    (m) => m.IncidentDetailFields,
    (err) => {
      detail = null; // try again next time
      throw err;
    },
  ));
const preload = () => {
  validation.preload();
  loadDetail().catch(() => undefined);
};

function LazyDetail(props: DetailProps) {
  const [Detail, setDetail] = useState<ComponentType<DetailProps> | 'failed' | null>(null);
  useEffect(() => {
    let live = true;
    loadDetail().then(
      (c) => live && setDetail(() => c),
      () => live && setDetail('failed'),
    );
    return () => {
      live = false;
    };
  }, []);
  // Closing and opening the section again tries again.
  if (!Detail || Detail === 'failed') {
    return (
      <p id="more-detail" role="status" className="text-muted">
        {Detail ? 'The extra detail could not be loaded (no signal). File the report now and add the detail to it later.' : 'Loading the extra detail…'}
      </p>
    );
  }
  return <Detail {...props} />;
}

const RULE1: readonly IncidentType[] = ['accidental_discharge', 'live_ammunition_found'];
/** Fields behind "Add more detail": an error in one of them opens the section. */
const DETAIL_FIELDS = ['occurredAt', 'scene', 'severity', 'immediateActions', 'peopleInvolved', 'firearmIds', 'injury', 'injuredPeople'];

export type FirearmOption = { id: string; tag: string; make: string; model: string };

/** Worth keeping as a draft: anything typed or ticked beyond the defaults (a kind alone is not). */
function hasContent(v: unknown, key = ''): boolean {
  if (key === 'id' || key === 'type' || key === 'severity') return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.length > 0;
  if (v && typeof v === 'object') return Object.entries(v).some(([k, x]) => hasContent(x, k));
  return false;
}

export function FileIncidentForm({
  productionId,
  timeZone,
  nowLocal,
  firearms,
  defaultType,
  ownerId,
  typeOptions,
  severityOptions,
  notes,
}: {
  productionId: string;
  /** The signed-in member: the draft and a report queued offline are theirs alone on this phone. */
  ownerId: string;
  timeZone: string;
  nowLocal: string;
  firearms: FirearmOption[];
  defaultType?: IncidentType;
  /** The kinds and severities with their words, from the server: the labels of every enum stay off this page's JavaScript. */
  typeOptions: { value: IncidentType; label: string }[];
  severityOptions: { value: Severity; label: string }[];
  /**
   * The notes shown as the kind is chosen, rendered on the server (ARCHITECTURE.md: performance budget): `critical` for
   * a rule-1 kind, `injury` for an injury while the detail is closed; `queued` when a report waits in the
   * outbox, `restored` when a draft kept on the phone came back.
   */
  notes: { critical: ReactNode; injury: ReactNode; queued: ReactNode; restored: ReactNode };
}) {
  const router = useRouter();
  // Made once per form: a double tap or a retry after a dropped connection files one report.
  // A restored draft brings its own id back, so the same words are always the same report.
  const [id, setId] = useState(newId);
  const [more, setMore] = useState(false);
  const [done, setDone] = useState(false);
  const [restored, setRestored] = useState(false);
  /** Queued in the outbox for want of a network; then what became of it. */
  const [queued, setQueued] = useState<null | { id: string; sent?: { number?: number } }>(null);
  const blank = (fresh: string): FileIncidentInput => ({
    id: fresh,
    type: defaultType as IncidentType,
    description: '',
    location: '',
    scene: '',
    occurredAt: '',
    severity: 'unrated',
    immediateActions: '',
    peopleInvolved: '',
    firearmIds: [],
    injuredPeople: [],
  });
  const form = useForm<FileIncidentInput>({ resolver: validation.resolver, defaultValues: blank(id) });
  const { register, formState, control, setValue } = form;
  const { errors, isSubmitting } = formState;
  const type = useWatch({ control, name: 'type' });

  const openOnDetailError = (errs: RhfErrors<FileIncidentInput>) => {
    if (Object.keys(errs).some((k) => DETAIL_FIELDS.includes(k))) setMore(true);
  };

  // The draft lives on the device (ARCHITECTURE.md: phones and offline): restored once after hydration, then kept as it is written.
  useEffect(() => {
    const draft = drafts.load<FileIncidentInput>(productionId, ownerId);
    if (draft && typeof draft.id === 'string' && hasContent(draft)) {
      // The draft exists only on this device, so it can be read only after hydration.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setId(draft.id);
      form.reset({ ...blank(draft.id), ...draft });
      if (DETAIL_FIELDS.some((k) => hasContent((draft as Record<string, unknown>)[k]))) setMore(true);
      setRestored(true);
    }
    return form.subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        if (hasContent(values)) drafts.save(productionId, ownerId, values);
        else drafts.clear(productionId, ownerId);
      },
    });
    // Once per mounted form: `blank` and `form` are stable for its life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [productionId, ownerId]);

  // A queued report is sent by the outbox (components/incidents/outbox-status.tsx): say so here too.
  useEffect(() => {
    if (!queued || queued.sent) return;
    const onChange = (e: Event) => {
      const hit = (e as CustomEvent<FlushResult | undefined>).detail?.sent.find((s) => s.id === queued.id);
      if (hit) setQueued({ id: queued.id, sent: { number: hit.number } });
      else if (!outbox().some((i) => i.values.id === queued.id)) setQueued(null);
    };
    window.addEventListener(OUTBOX_EVENT, onChange);
    return () => window.removeEventListener(OUTBOX_EVENT, onChange);
  }, [queued]);

  const queue = (payload: FileIncidentInput) => {
    enqueue({ productionId, ownerId, values: payload });
    drafts.clear(productionId, ownerId);
    setQueued({ id: payload.id });
  };

  const startAnother = () => {
    const fresh = newId();
    setId(fresh);
    setQueued(null);
    setRestored(false);
    setMore(false);
    form.reset(blank(fresh));
    drafts.clear(productionId, ownerId);
  };

  const onSubmit = form.handleSubmit(async (values) => {
    const payload: FileIncidentInput = {
      ...values,
      id,
      injury: undefined,
      injuredPeople: values.injuredPeople?.length ? values.injuredPeople : undefined,
      firearmIds: values.firearmIds?.length ? values.firearmIds : undefined,
    };
    // No network at all: do not wait for the request to fail.
    if (navigator.onLine === false) return queue(payload);
    let res;
    try {
      res = await fileIncident(productionId, payload);
    } catch (err) {
      if (isNetworkError(err)) return queue(payload);
      form.setError('root.server', { type: 'network', message: NETWORK_MESSAGE });
      return;
    }
    if (res.ok) {
      drafts.clear(productionId, ownerId);
      setDone(true);
      router.push(`/productions/${productionId}/incidents/${res.data.id}?filed=1`);
      return;
    }
    applyServerErrors(form.setError, res);
    if (res.fieldErrors) openOnDetailError(Object.fromEntries(Object.keys(res.fieldErrors).map((k) => [k.split('.')[0], true])) as RhfErrors<FileIncidentInput>);
  }, openOnDetailError);

  const busy = isSubmitting || done;
  const typeError = errors.type?.message;

  return (
    <FormProvider {...form}>
      {/* Always in the page, so the change is announced when a report is queued or sent. */}
      <div role="status" aria-live="polite">
        {queued ? (
          <div
            className={`flex flex-col items-start gap-3 rounded-xl border-2 p-4 text-ink ${queued.sent ? 'border-ok bg-ok-soft' : 'border-medium bg-warn-soft'}`}
            data-testid="queued-notice"
          >
            {queued.sent ? (
              <p className="font-semibold">
                <span aria-hidden="true">✓ </span>Sent: your report is filed
                {queued.sent.number ? ` as #${queued.sent.number}` : ''}.{' '}
                <Link className="text-brand underline" href={`/productions/${productionId}/incidents/${queued.id}`}>
                  Open it
                </Link>
              </p>
            ) : (
              notes.queued
            )}
            <Button type="button" variant="secondary" onClick={startAnother}>
              Start another report
            </Button>
          </div>
        ) : null}
      </div>
      <form onSubmit={onSubmit} onFocusCapture={preload} noValidate hidden={!!queued} className="flex flex-col gap-5" aria-label="New incident report">
        {restored ? (
          <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-line bg-surface p-3" data-testid="draft-restored">
            {notes.restored}
            <Button type="button" variant="secondary" onClick={startAnother}>
              Discard it
            </Button>
          </div>
        ) : null}
        <FormError message={errors.root?.server?.message} />

        <fieldset aria-describedby="type-error" aria-invalid={typeError ? true : undefined}>
          <legend className="mb-2 font-semibold">
            What kind of incident? <span className="text-sm font-normal text-muted">(required)</span>
          </legend>
          <div className="grid grid-cols-1 gap-2 min-[420px]:grid-cols-2">
            {typeOptions.map((t) => (
              <RadioTile key={t.value} value={t.value} label={t.label} {...register('type')} />
            ))}
          </div>
          <div id="type-error" aria-live="polite">
            {typeError ? <p className="mt-1.5 text-sm font-semibold text-hold">⚠ {typeError}</p> : null}
          </div>
        </fieldset>

        {type && RULE1.includes(type) ? (
          notes.critical
        ) : null}

        <Field id="description" label="What happened?" required error={errors.description?.message}>
          <Textarea rows={4} {...describedBy('description', errors.description?.message)} {...register('description')} />
        </Field>
        <Field id="location" label="Where?" hint="The set, stage or place." required error={errors.location?.message}>
          <Input autoComplete="off" {...describedBy('location', errors.location?.message, true)} {...register('location')} />
        </Field>

        <button
          type="button"
          aria-expanded={more}
          aria-controls="more-detail"
          onClick={() => {
            // An injury report opens with the first injured person's Form 301 section ready.
            if (!more && type === 'injury' && !form.getValues('injuredPeople')?.length) setValue('injuredPeople', [{}]);
            setMore((m) => !m);
          }}
          className="flex min-h-12 items-center justify-between rounded-xl border-2 border-dashed border-line bg-surface px-4 text-left font-semibold text-brand hover:bg-brand-soft"
        >
          <span>{more ? 'Hide the extra detail' : 'Add more detail'} <span className="font-normal text-muted">(optional — you can add it later)</span></span>
          <span aria-hidden="true" className="text-xl">{more ? '−' : '+'}</span>
        </button>

        {more ? (
          <LazyDetail
            timeZone={timeZone}
            nowLocal={nowLocal}
            firearms={firearms}
            severityOptions={severityOptions}
            critical={!!type && RULE1.includes(type)}
          />
        ) : type === 'injury' ? (
          notes.injury
        ) : null}

        <Button type="submit" disabled={busy} className="min-h-14 w-full text-lg sm:w-auto sm:self-start">
          {busy ? 'Filing…' : 'File report'}
        </Button>
      </form>
    </FormProvider>
  );
}
