// A labelled choice of one member (or any listed option) for a react-hook-form field, "Choose…"
// first: the qualification form and the scene plan's handler and duty rows ask it the same way.
// No 'use client' of its own: it renders inside those client forms and adds nothing to any other page.
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field, Select, describedBy } from './field';

export function MemberSelect({ id, label = 'Member', options, error, required, registration }: { id: string; label?: string; options: readonly { id: string; label: string }[]; error?: string; required?: boolean; registration: UseFormRegisterReturn }) {
  return (
    <Field id={id} label={label} required={required} error={error}>
      <Select {...describedBy(id, error)} {...registration}>
        <option value="">Choose…</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
