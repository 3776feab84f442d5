// Ammunition lots: dummies and blanks only. Live ammunition can never be inventory (ARCHITECTURE.md:
// ammunition); finding any is a "live ammunition found" incident (rule 1).
import { and, eq, sql } from 'drizzle-orm';
import { ammoLots, type AmmoLot } from '@/db/schema';
import type { Actor } from '../actor';
import { defineCore, type Core } from '../core';
import { fail, Refusal, type ActionResult } from '../errors';
import { createAmmoLotSchema, LIVE_AMMO_MESSAGE, type CreateAmmoLotInput } from '../schemas/firearms';
import { localDate } from '../time';
import { audit } from './common';

export function liveAmmoIncidentPath(productionId: string) {
  return `/productions/${productionId}/incidents/new?type=live_ammunition_found`;
}

const createAmmoLotCore = defineCore({
  schema: createAmmoLotSchema,
  permission: 'firearm.manage',
  run: (input, ctx) => {
    if (input.receivedOn > localDate(ctx.now, ctx.actor.production.timeZone)) {
      throw new Refusal('Some fields need attention.', 'invalid', { receivedOn: ['A lot is recorded once it has arrived: the date cannot be in the future.'] });
    }
    const existing = ctx.tx.select().from(ammoLots).where(eq(ammoLots.id, input.id)).get();
    if (existing) {
      // A repeated submission of the same form is the same lot.
      if (existing.productionId === ctx.actor.productionId) return { id: existing.id };
      throw new Refusal('This request id is already in use. Reload the form.', 'conflict');
    }
    const clash = ctx.tx
      .select({ id: ammoLots.id })
      .from(ammoLots)
      .where(and(eq(ammoLots.productionId, ctx.actor.productionId), sql`lower(${ammoLots.lotNumber}) = lower(${input.lotNumber})`, sql`lower(${ammoLots.supplier}) = lower(${input.supplier})`))
      .get();
    if (clash) throw new Refusal('Some fields need attention.', 'invalid', { lotNumber: ['This supplier’s lot is already recorded.'] });
    const row: AmmoLot = {
      id: input.id,
      productionId: ctx.actor.productionId,
      kind: input.kind,
      calibre: input.calibre,
      countOnHand: input.countOnHand,
      supplier: input.supplier,
      lotNumber: input.lotNumber,
      receivedOn: input.receivedOn,
      // The inspection on arrival is the acting armorer's (live rounds came mixed with dummies on Rust).
      inspectedById: ctx.actor.userId,
      inspectedAt: ctx.now,
      inspectionNotes: input.inspectionNotes,
      createdAt: ctx.now,
    };
    ctx.tx.insert(ammoLots).values(row).run();
    audit(ctx, { entity: 'ammo_lot', entityId: row.id, action: 'ammo.receive', after: row });
    return { id: row.id };
  },
});

/**
 * Any kind but dummy or blank — live above all, also from a crafted request — answers with the
 * message that points to filing a "live ammunition found" incident. Nothing is stored.
 */
export const createAmmoLot: Core<CreateAmmoLotInput, { id: string }> = Object.assign(
  (actor: Actor, raw: unknown, now?: Date): ActionResult<{ id: string }> => {
    const res = createAmmoLotCore(actor, raw, now);
    if (!res.ok && res.code === 'invalid' && res.fieldErrors?.kind) {
      return fail(LIVE_AMMO_MESSAGE, 'invalid', { ...res.fieldErrors, kind: [LIVE_AMMO_MESSAGE] });
    }
    return res;
  },
  { permission: createAmmoLotCore.permission, schema: createAmmoLotCore.schema },
);
