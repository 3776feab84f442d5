// Core functions for incidents, called with an actor by server actions, the JSON route and tests.
import { defineCore } from '../core';
import { Refusal } from '../errors';
import { fileIncidentSchema } from '../schemas/incidents';
import { fromLocalDateTime } from '../time';
import { fileIncidentTx } from './file';

/** Allowance for clock skew between a phone and the server when checking "not in the future". */
const FUTURE_SKEW_MS = 5 * 60_000;

export const fileIncidentCore = defineCore({
  schema: fileIncidentSchema,
  permission: 'incident.file',
  run: (input, { actor, tx, now }) => {
    const tz = actor.production.timeZone;
    const occurredAt = input.occurredAt ? fromLocalDateTime(input.occurredAt, tz) : null;
    if (input.occurredAt && !occurredAt) throw new Refusal('Some fields need attention.', 'invalid', { occurredAt: ['Enter a real date and time.'] });
    if (occurredAt && occurredAt.getTime() > now.getTime() + FUTURE_SKEW_MS) {
      throw new Refusal('Some fields need attention.', 'invalid', { occurredAt: ['That time is in the future. When did it happen?'] });
    }
    const { incident, created, effects } = fileIncidentTx(
      tx,
      { productionId: actor.productionId, timeZone: tz, reporter: { userId: actor.userId, label: actor.name, role: actor.role }, now },
      { ...input, occurredAt, severity: input.severity ?? 'unrated' },
    );
    return {
      id: incident.id,
      number: incident.number,
      created,
      severity: incident.severity,
      hold: effects.some((e) => e.kind === 'call_hold' || e.kind === 'join_hold'),
    };
  },
});
