'use client';

import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { fileReport, addReportPhoto } from '@/app/report/actions';
import { INCIDENT_TYPES, LABELS, type IncidentType } from '@/app/lib/enums';
import type { AnonymousReportInput } from '@/app/lib/schemas/anonymous';
import { lazyResolver } from '@/components/form/lazy-resolver';
import { Field, FormError, Input, Select, Textarea, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { newId } from './new-id';
import { PhotoPicker } from './photo-picker';
import { ReceiptPanel, type PhotoOutcome } from './receipt-panel';

// The shared schema, loaded when the form is first touched (ARCHITECTURE.md: performance budget): zod is
// about 30 kB compressed, more than the rest of this page's own code. The server action parses every
// report with the same schema whatever happens here, and its field errors come back on the form.
const validation = lazyResolver<AnonymousReportInput>(() =>
  Promise.all([import('@hookform/resolvers/zod'), import('@/app/lib/schemas/anonymous')]).then(([r, s]) => r.zodResolver(s.anonymousReportSchema)),
);

const HOLD_TYPES: IncidentType[] = ['accidental_discharge', 'live_ammunition_found'];
type When = 'today' | 'other' | 'unsure';

/**
 * The quick anonymous form: type, what happened and where; the rest optional. The id is made once per
 * form, so tapping Send again after a dropped connection never files twice.
 */
export function ReportForm({ token, receipt, mac, today }: { token: string; receipt: string; mac: string; today: string }) {
  const form = useForm<AnonymousReportInput>({
    resolver: validation.resolver,
    defaultValues: { type: '' as IncidentType, description: '', location: '', scene: '', immediateActions: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const [reportId, setReportId] = useState<string | null>(null);
  const [when, setWhen] = useState<When>('today');
  const [date, setDate] = useState('');
  const [dayError, setDayError] = useState<string>();
  const [photos, setPhotos] = useState<File[]>([]);
  const [error, setError] = useState<string>();
  const [filed, setFiled] = useState<{ number: number | null; hold: boolean; photos: PhotoOutcome[] } | null>(null);
  const [progress, setProgress] = useState<string>();
  const type = useWatch({ control: form.control, name: 'type' });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
    setDayError(undefined);
    if (when === 'other' && !date) {
      setDayError('Pick the day, or choose “Not sure”.');
      return;
    }
    const id = reportId ?? newId();
    if (!reportId) setReportId(id);
    const day = when === 'today' ? 'today' : when === 'other' ? date : '';
    let res;
    try {
      setProgress('Sending your report…');
      res = await fileReport(token, { ...values, day, id, receipt, mac });
    } catch {
      setProgress(undefined);
      setError('The report could not be sent: check your signal and tap Send again. It will not be filed twice.');
      return;
    }
    if (!res.ok) {
      setProgress(undefined);
      for (const [name, msgs] of Object.entries(res.fieldErrors ?? {})) {
        if (name === 'day') setDayError(msgs?.[0]);
        else if (name in values) form.setError(name as keyof AnonymousReportInput, { message: msgs?.[0] });
      }
      setError(res.message);
      return;
    }
    const outcomes: PhotoOutcome[] = [];
    for (const [i, f] of photos.entries()) {
      setProgress(`Report sent. Adding photo ${i + 1} of ${photos.length}…`);
      const fd = new FormData();
      fd.set('receipt', receipt);
      fd.set('file', f);
      try {
        const r = await addReportPhoto(fd);
        outcomes.push({ name: f.name || `Photo ${i + 1}`, ok: r.ok, message: r.ok ? undefined : r.message });
      } catch {
        outcomes.push({ name: f.name || `Photo ${i + 1}`, ok: false, message: 'It could not be sent (connection lost).' });
      }
    }
    setProgress(undefined);
    setFiled({ number: res.data.number, hold: res.data.hold, photos: outcomes });
    window.scrollTo({ top: 0 });
  });

  if (filed) return <ReceiptPanel receipt={receipt} number={filed.number} hold={filed.hold} photos={filed.photos} />;

  return (
    <form onSubmit={onSubmit} onFocusCapture={validation.preload} noValidate className="mt-5 flex flex-col gap-5 rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-5" aria-label="Anonymous report">
      <FormError message={error} />
      <Field id="type" label="What kind of problem?" required error={errors.type?.message}>
        <Select {...describedBy('type', errors.type?.message)} {...form.register('type')}>
          <option value="">Choose…</option>
          {INCIDENT_TYPES.map((t) => (
            <option key={t} value={t}>
              {LABELS.incidentType[t]}
            </option>
          ))}
        </Select>
      </Field>
      {HOLD_TYPES.includes(type) ? (
        <p className="rounded-lg border border-hold/40 bg-hold-soft p-3 font-semibold text-hold" role="note">
          <span aria-hidden="true">■ </span>A discharge or a live round stops work at once: sending this puts the production on a stop-work hold.
          A report that stops work is filed at once and its time is recorded.
        </p>
      ) : (
        <p className="rounded-lg border border-line bg-canvas p-3 text-sm" role="note">
          Your report is sealed and published with the rest of today’s reports at a random time tomorrow, so nothing shows when in the day
          you sent it. A discharge or a live round is the exception: a report that stops work is filed at once and its time is recorded.
        </p>
      )}
      <Field id="description" label="What happened?" required error={errors.description?.message}>
        <Textarea rows={4} {...describedBy('description', errors.description?.message)} {...form.register('description')} />
      </Field>
      <Field id="location" label="Where?" required hint="Stage, set or location" error={errors.location?.message}>
        <Input autoComplete="off" {...describedBy('location', errors.location?.message, true)} {...form.register('location')} />
      </Field>
      <fieldset className="flex flex-col gap-1.5" aria-describedby="day-hint day-error">
        <legend className="font-semibold text-ink">When?</legend>
        <p id="day-hint" className="text-sm text-muted">
          The day only — no time is asked for or kept.
        </p>
        <div className="flex flex-wrap gap-2">
          {(
            [
              ['today', 'Today'],
              ['other', 'Another day'],
              ['unsure', 'Not sure'],
            ] as const
          ).map(([v, l]) => (
            <label key={v} className="flex min-h-11 flex-1 cursor-pointer items-center gap-2 whitespace-nowrap rounded-lg border border-line bg-surface px-3 has-[:checked]:border-brand has-[:checked]:bg-brand-soft">
              <input type="radio" name="when" value={v} checked={when === v} onChange={() => setWhen(v)} className="size-5 accent-brand" />
              {l}
            </label>
          ))}
        </div>
        {when === 'other' ? (
          <label className="mt-1 flex flex-col gap-1">
            <span className="text-sm font-semibold">Day it happened</span>
            <Input type="date" max={today} value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={dayError ? true : undefined} />
          </label>
        ) : null}
        <div id="day-error" aria-live="polite">
          {dayError ? <p className="text-sm font-semibold text-hold">⚠ {dayError}</p> : null}
        </div>
      </fieldset>
      <Field id="scene" label="Scene or setup" hint="Optional" error={errors.scene?.message}>
        <Input autoComplete="off" {...describedBy('scene', errors.scene?.message, true)} {...form.register('scene')} />
      </Field>
      <Field id="immediateActions" label="Was anything done about it?" hint="Optional — e.g. “weapon taken back to the armorer”" error={errors.immediateActions?.message}>
        <Textarea rows={2} {...describedBy('immediateActions', errors.immediateActions?.message, true)} {...form.register('immediateActions')} />
      </Field>
      <fieldset className="flex flex-col gap-1.5">
        <legend className="font-semibold text-ink">
          Photos <span className="text-sm font-normal text-muted">(optional)</span>
        </legend>
        <PhotoPicker files={photos} onChange={setPhotos} disabled={isSubmitting} />
      </fieldset>
      <div role="status" aria-live="polite" className="text-muted">
        {progress}
      </div>
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? 'Sending…' : 'Send report anonymously'}
      </Button>
    </form>
  );
}
