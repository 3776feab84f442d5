'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { CRITICAL_NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS } from '@/app/lib/enums';
import type { ActionResult } from '@/app/lib/errors';
import { preferencesSchema, type PreferencesInput } from '@/app/lib/schemas/delivery';
import { Field, FormError, FormSuccess, Input, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';

const critical = (k: string) => (CRITICAL_NOTIFICATION_KINDS as readonly string[]).includes(k);

/** Which kinds reach a member by email and push on one production, and quiet hours there. */
export function PreferencesForm({
  productionId,
  title,
  timeZone,
  initial,
  save,
}: {
  productionId: string;
  title: string;
  timeZone: string;
  initial: Omit<PreferencesInput, 'productionId'>;
  save: (v: PreferencesInput) => Promise<ActionResult<unknown>>;
}) {
  const [done, setDone] = useState<string>();
  const form = useForm<PreferencesInput>({ resolver: zodResolver(preferencesSchema), defaultValues: { productionId, ...initial } });
  const { errors, isSubmitting } = form.formState;
  const ids = (k: string, c: string) => `${productionId.slice(0, 8)}-${k}-${c}`;

  const onSubmit = form.handleSubmit(async (values) => {
    setDone(undefined);
    const res = await save(values);
    if (!res.ok) {
      for (const [name, msgs] of Object.entries(res.fieldErrors ?? {})) form.setError(name as keyof PreferencesInput, { message: msgs?.[0] });
      form.setError('root', { message: res.message });
      return;
    }
    setDone(`Saved for ${title}.`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={`Alerts for ${title}`}>
      <FormError message={errors.root?.message ?? errors.channels?.message} />
      <FormSuccess message={done} />
      <input type="hidden" {...form.register('productionId')} />
      <table className="w-full text-left">
        <caption className="sr-only">How each kind of message reaches you on {title}</caption>
        <thead>
          <tr className="border-b border-line text-sm text-muted">
            <th scope="col" className="py-2 pr-2 font-semibold">Message</th>
            <th scope="col" className="w-16 py-2 text-center font-semibold">Email</th>
            <th scope="col" className="w-16 py-2 text-center font-semibold">Push</th>
          </tr>
        </thead>
        <tbody>
          {NOTIFICATION_KINDS.map((k) => (
            <tr key={k} className="border-b border-line last:border-0">
              <th scope="row" className="py-1 pr-2 font-normal">
                <span className="font-semibold">{NOTIFICATION_KIND_LABELS[k]}</span>
                {critical(k) ? <span className="block text-sm text-hold">Critical — always sent, also in quiet hours</span> : null}
              </th>
              {(['email', 'push'] as const).map((c) => (
                <td key={c} className="text-center">
                  <label htmlFor={ids(k, c)} className="inline-flex size-11 cursor-pointer items-center justify-center">
                    <span className="sr-only">{`${NOTIFICATION_KIND_LABELS[k]} by ${c}`}</span>
                    {critical(k) ? (
                      // Rule 7 signals cannot be muted: shown on and locked; nothing is submitted for them.
                      <input id={ids(k, c)} type="checkbox" className="size-6 accent-brand" checked disabled readOnly />
                    ) : (
                      <input id={ids(k, c)} type="checkbox" className="size-6 accent-brand" {...form.register(`channels.${k}.${c}` as const)} />
                    )}
                  </label>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset className="flex flex-col gap-2">
        <legend className="font-semibold">Quiet hours</legend>
        <p className="text-sm text-muted">In the production’s time ({timeZone}). Messages that are not critical wait until they end.</p>
        <div className="flex flex-wrap gap-4">
          <Field id={ids('quiet', 'from')} label="From" error={errors.quietFrom?.message}>
            <Input type="time" className="w-36" {...describedBy(ids('quiet', 'from'), errors.quietFrom?.message)} {...form.register('quietFrom')} />
          </Field>
          <Field id={ids('quiet', 'to')} label="Until" error={errors.quietTo?.message}>
            <Input type="time" className="w-36" {...describedBy(ids('quiet', 'to'), errors.quietTo?.message)} {...form.register('quietTo')} />
          </Field>
        </div>
      </fieldset>
      <Button type="submit" disabled={isSubmitting} className="self-start">
        {isSubmitting ? 'Saving…' : 'Save alert choices'}
      </Button>
    </form>
  );
}
