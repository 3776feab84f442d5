// Details added after the first report (the reporter, or whoever triages it). The injured people
// and their Form 301 sections, clocks and recordability live in ./people.ts.
import { and, eq, inArray } from 'drizzle-orm';
import { firearms, incidentFirearms, incidents } from '@/db/schema';
import { defineCore } from '../core';
import { Refusal } from '../errors';
import { notifyUsers } from '../notify';
import { updateIncidentSchema } from '../schemas/incidents';
import { incidentLink } from './file';
import { auditIncident, incidentTitle, loadIncident, pastLocalTime, requireTriage } from './access';
import { applyRule1Later, hasInjured } from './people';

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

export const updateIncidentDetailsCore = defineCore({
  schema: updateIncidentSchema,
  // Any member who files may add to their own report; triagers to any they work (checked below).
  permission: 'incident.file',
  run: (input, { actor, tx, now }) => {
    const loaded = loadIncident(tx, actor, input.incidentId);
    const i = loaded.incident;
    const isReporter = i.reporterId === actor.userId;
    if (!isReporter) requireTriage(actor, loaded);
    const tz = actor.production.timeZone;

    const next = {
      description: input.description,
      location: input.location,
      scene: input.scene ?? '',
      immediateActions: input.immediateActions ?? '',
      peopleInvolved: input.peopleInvolved ?? '',
      occurredAt: input.occurredAt ? pastLocalTime(input.occurredAt, tz, now, 'occurredAt') : null,
    };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const k of Object.keys(next) as (keyof typeof next)[]) {
      if (!same(i[k], next[k])) {
        before[k] = i[k];
        after[k] = next[k];
      }
    }

    const firearmsBefore = loaded.firearmCount;
    if (input.firearmIds) {
      const wanted = [...new Set(input.firearmIds)].sort();
      const current = tx.select({ id: incidentFirearms.firearmId }).from(incidentFirearms).where(eq(incidentFirearms.incidentId, i.id)).all().map((r) => r.id).sort();
      if (wanted.join() !== current.join()) {
        if (wanted.length) {
          const found = tx.select({ id: firearms.id }).from(firearms).where(and(eq(firearms.productionId, actor.productionId), inArray(firearms.id, wanted))).all();
          if (found.length !== wanted.length) throw new Refusal('A linked weapon is not in this production’s inventory.', 'invalid', { firearmIds: ['Choose weapons from this production.'] });
        }
        tx.delete(incidentFirearms).where(eq(incidentFirearms.incidentId, i.id)).run();
        for (const firearmId of wanted) tx.insert(incidentFirearms).values({ incidentId: i.id, firearmId }).run();
        before.firearmIds = current;
        after.firearmIds = wanted;
      }
    }

    // A weapon linked to a report with someone hurt makes it a firearm injury (rule 1).
    if (input.firearmIds) {
      const injured = hasInjured(tx, i.id);
      applyRule1Later(tx, actor, i, { firearmLinked: firearmsBefore > 0, injured }, { firearmLinked: input.firearmIds.length > 0, injured }, now);
    }

    const changed = Object.keys(after);
    if (changed.length === 0) return { changed: [] as string[] };
    tx.update(incidents).set({ ...next, updatedAt: now }).where(eq(incidents.id, i.id)).run();
    auditIncident(tx, actor, i.id, 'incident.update', before, after, now);
    const link = incidentLink(i.productionId, i.id);
    if (!isReporter && i.reporterId) {
      notifyUsers(tx, actor.productionId, [i.reporterId], { kind: 'reporter_update', title: `Details were added to your ${incidentTitle(i).toLowerCase()}`, body: `By ${actor.name}.`, link }, now, actor.userId);
    } else if (i.ownerId) {
      notifyUsers(tx, actor.productionId, [i.ownerId], { kind: 'status_changed', title: `The reporter added details to ${incidentTitle(i)}`, link }, now, actor.userId);
    }
    return { changed };
  },
});

