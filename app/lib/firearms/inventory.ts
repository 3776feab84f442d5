// Firearms inventory: the armorer adds and edits weapons and takes them out of / back into
// service. Producers and auditors only view (ARCHITECTURE.md: permission matrix).
import { randomUUID } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import { firearms, type Firearm } from '@/db/schema';
import { defineCore, type Ctx } from '../core';
import { Refusal } from '../errors';
import { backInServiceRefusal, outOfServiceRefusal } from '../rules';
import { createFirearmSchema, setFirearmStatusSchema, updateFirearmSchema } from '../schemas/firearms';
import { audit, changeStatus, firearmOf, latestCheckOf } from './common';

function assertTagFree(ctx: Ctx, tag: string, exceptId?: string) {
  const clash = ctx.tx
    .select({ id: firearms.id })
    .from(firearms)
    .where(and(eq(firearms.productionId, ctx.actor.productionId), sql`lower(${firearms.tag}) = lower(${tag})`, exceptId ? ne(firearms.id, exceptId) : undefined))
    .get();
  if (clash) throw new Refusal('Some fields need attention.', 'invalid', { tag: ['Another weapon on this production already has this tag.'] });
}

export const createFirearm = defineCore({
  schema: createFirearmSchema,
  permission: 'firearm.manage',
  run: (input, ctx) => {
    assertTagFree(ctx, input.tag);
    const row: Firearm = { id: randomUUID(), productionId: ctx.actor.productionId, ...input, createdAt: ctx.now };
    ctx.tx.insert(firearms).values(row).run();
    audit(ctx, { entity: 'firearm', entityId: row.id, action: 'firearm.create', after: row });
    return { id: row.id, tag: row.tag };
  },
});

export const updateFirearm = defineCore({
  schema: updateFirearmSchema,
  permission: 'firearm.manage',
  run: ({ firearmId, ...fields }, ctx) => {
    const before = firearmOf(ctx.tx, ctx.actor.productionId, firearmId);
    assertTagFree(ctx, fields.tag, firearmId);
    ctx.tx.update(firearms).set(fields).where(eq(firearms.id, firearmId)).run();
    const after = { ...before, ...fields };
    audit(ctx, { entity: 'firearm', entityId: firearmId, action: 'firearm.update', before, after });
    return { id: firearmId };
  },
});

/** Out of service, or back in service by hand (never past a failed check: see backInServiceRefusal). */
export const setFirearmStatus = defineCore({
  schema: setFirearmStatusSchema,
  permission: 'firearm.manage',
  run: ({ firearmId, to, reason }, ctx) => {
    const f = firearmOf(ctx.tx, ctx.actor.productionId, firearmId);
    const refusal = to === 'out_of_service' ? outOfServiceRefusal(f.status) : backInServiceRefusal(f.status, latestCheckOf(ctx.tx, f.id));
    if (refusal) throw new Refusal(refusal);
    changeStatus(ctx, f, to, reason);
    return { id: f.id, status: to };
  },
});
