// Core functions for incidents, called with an actor by server actions, the JSON route and tests.
import { defineCore } from '../core';
import { pastLocalTime } from '../past-time';
import { fileIncidentSchema } from '../schemas/incidents';
import { fileIncidentTx } from './file';


export const fileIncidentCore = defineCore({
  schema: fileIncidentSchema,
  permission: 'incident.file',
  run: (input, { actor, tx, now }) => {
    const tz = actor.production.timeZone;
    const occurredAt = input.occurredAt ? pastLocalTime(input.occurredAt, tz, now, 'occurredAt', 'That time is in the future. When did it happen?') : null;
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
