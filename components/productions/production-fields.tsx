import type { UseFormRegisterReturn } from 'react-hook-form';
import type { ProductionFieldsInput } from '@/app/lib/schemas/production';
import { LABELS, PHASES } from '@/app/lib/enums';
import { Field, Input, Select, Textarea, describedBy } from '@/components/form/field';

export type BindField = (name: keyof ProductionFieldsInput) => { reg: UseFormRegisterReturn; error?: string };

/** The id of the server-rendered <datalist> of IANA zones (see TimeZoneList). */
export const TIME_ZONE_LIST_ID = 'time-zones';

/** A production's own fields, shared by the admin's create form and the producer's settings. */
export function ProductionFields({ bind, idPrefix, disabled }: { bind: BindField; idPrefix: string; disabled?: boolean }) {
  const f = (name: keyof ProductionFieldsInput) => {
    const { reg, error } = bind(name);
    return { id: `${idPrefix}-${name}`, reg, error };
  };
  const title = f('title');
  const company = f('company');
  const locations = f('locations');
  const start = f('startDate');
  const end = f('endDate');
  const tz = f('timeZone');
  const phase = f('phase');
  return (
    <fieldset disabled={disabled} className="flex flex-col gap-4">
      <Field id={title.id} label="Title" error={title.error} required>
        <Input {...describedBy(title.id, title.error)} {...title.reg} />
      </Field>
      <Field id={company.id} label="Production company" error={company.error} required>
        <Input autoComplete="organization" {...describedBy(company.id, company.error)} {...company.reg} />
      </Field>
      <Field id={locations.id} label="Locations" hint="Stages and locations, one per line or separated by semicolons." error={locations.error}>
        <Textarea rows={2} {...describedBy(locations.id, locations.error, true)} {...locations.reg} />
      </Field>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field id={start.id} label="First day" error={start.error}>
          <Input type="date" {...describedBy(start.id, start.error)} {...start.reg} />
        </Field>
        <Field id={end.id} label="Last day" error={end.error}>
          <Input type="date" {...describedBy(end.id, end.error)} {...end.reg} />
        </Field>
      </div>
      <Field id={tz.id} label="Time zone" hint="Where the shoot is: incident times are shown in it. An IANA name such as America/Denver." error={tz.error} required>
        <Input list={TIME_ZONE_LIST_ID} autoComplete="off" autoCapitalize="off" spellCheck={false} {...describedBy(tz.id, tz.error, true)} {...tz.reg} />
      </Field>
      <Field id={phase.id} label="Phase" hint="Wrapped makes the production read-only for everyone; its records are kept." error={phase.error} required>
        <Select {...describedBy(phase.id, phase.error, true)} {...phase.reg}>
          {PHASES.map((p) => (
            <option key={p} value={p}>
              {LABELS.phase[p]}
            </option>
          ))}
        </Select>
      </Field>
    </fieldset>
  );
}
