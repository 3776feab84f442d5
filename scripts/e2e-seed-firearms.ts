// e2e records the authorization-matrix routes need (a weapon and a check in each production),
// made through the same core functions as the app, as each production's armorer would.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { getDb, write } from '../db/client';
import { firearms, productions, users } from '../db/schema';
import type { Actor } from '../app/lib/actor';
import { addMembership, createUser, findUserByEmail } from '../app/lib/site';
import { createFirearm } from '../app/lib/firearms/inventory';
import { createAmmoLot } from '../app/lib/firearms/ammunition';
import { recordCheck } from '../app/lib/firearms/checks';
import { CHECK_ITEM_KEYS } from '../app/lib/firearms/checklist';
import { actorOf } from '../app/lib/testing/world';

export const SEED_TAGS = { demo: 'E2E-SEED-1', other: 'OTHER-SEED-1' } as const;
/** A lot of blanks per production for the ammunition lot page's route cases (ARCHITECTURE.md: ammunition chain). */
export const SEED_LOTS = { demo: 'E2E-SEED-LOT', other: 'OTHER-SEED-LOT' } as const;

function actorByTitle(productionTitle: string, email: string): Actor {
  const db = getDb();
  const p = db.select().from(productions).where(eq(productions.title, productionTitle)).get()!;
  const u = db.select().from(users).where(eq(users.email, email)).get()!;
  return actorOf(u.id, p.id);
}

function seedOne(armorer: Actor, tag: string, witnessId: string) {
  if (getDb().select().from(firearms).where(and(eq(firearms.productionId, armorer.productionId), eq(firearms.tag, tag))).get()) return;
  const f = createFirearm(armorer, { tag, make: 'Uberti', model: '1873 Cattleman (seed)', serial: '', kind: 'blank_firing', status: 'locked_up', notes: 'Seeded for the e2e route matrix.' });
  if (!f.ok) throw new Error(f.message);
  const checklist = Object.fromEntries(CHECK_ITEM_KEYS.map((k) => [k, true]));
  const c = recordCheck(armorer, { id: randomUUID(), firearmId: f.data.id, phase: 'before_use', scene: 'SEED', checklist, result: 'pass', findings: '', witnessIds: [witnessId] });
  if (!c.ok) throw new Error(c.message);
  const lot = createAmmoLot(armorer, {
    id: randomUUID(), kind: 'blank', calibre: '.45 Colt', countOnHand: 10, supplier: 'Seed Supply', paperworkRef: 'DN-SEED',
    lotNumber: tag === SEED_TAGS.demo ? SEED_LOTS.demo : SEED_LOTS.other, receivedOn: '2026-01-02', verificationMethods: [], verifiedCount: 0, inspected: true, inspectionNotes: 'Seeded for the e2e route matrix.',
  });
  if (!lot.ok) throw new Error(lot.message);
}

export function seedE2eFirearms() {
  const demoArmorer = actorByTitle('Dry Creek (demo)', 'armorer@setsafe.test');
  const actor = actorByTitle('Dry Creek (demo)', 'actor@setsafe.test');
  seedOne(demoArmorer, SEED_TAGS.demo, actor.userId);

  // Other Show gets its own armorer so its weapon is made the same way.
  const other = getDb().select().from(productions).where(eq(productions.title, 'Other Show (e2e)')).get()!;
  write((tx) => {
    if (findUserByEmail(tx, 'other.armorer@setsafe.test')) return;
    const now = new Date();
    const who = { userId: null, label: 'e2e seed' };
    const u = createUser(tx, who, { email: 'other.armorer@setsafe.test', name: 'Orla Other-Armorer', passwordHash: null }, now);
    addMembership(tx, who, { productionId: other.id, userId: u.id, role: 'armorer', positions: ['props'] }, now);
  });
  const otherCrew = actorByTitle('Other Show (e2e)', 'other.crew@setsafe.test');
  seedOne(actorByTitle('Other Show (e2e)', 'other.armorer@setsafe.test'), SEED_TAGS.other, otherCrew.userId);
}
