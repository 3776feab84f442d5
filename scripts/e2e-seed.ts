// Seeds the e2e database: the demo production, plus "Other Show" with its own producer and crew
// so tests can prove that another production's records answer 404.
import { openDatabase, writeWith } from '../db/client';
import { seedDemo, DEMO_PASSWORD } from '../db/seed/demo';
import { addMembership, createProduction, createUser, findUserByEmail, type Who } from '../app/lib/site';
import { hashPassword } from '../app/lib/passwords';
import { seedE2eFirearms } from './e2e-seed-firearms';
import { seedAnonymous } from './e2e-seed-anonymous';

async function main() {
  await seedDemo();
  const { db, sqlite } = openDatabase();
  const hash = await hashPassword(DEMO_PASSWORD);
  const who: Who = { userId: null, label: 'e2e seed' };
  const now = new Date();
  writeWith(db, (tx) => {
    if (findUserByEmail(tx, 'other.producer@setsafe.test')) return;
    const p = createProduction(tx, who, { title: 'Other Show (e2e)', company: 'Elsewhere Films', timeZone: 'America/Los_Angeles', phase: 'shooting' }, now);
    const op = createUser(tx, who, { email: 'other.producer@setsafe.test', name: 'Olive Other-Producer', passwordHash: hash }, now);
    const oc = createUser(tx, who, { email: 'other.crew@setsafe.test', name: 'Otto Other-Crew', passwordHash: hash }, now);
    addMembership(tx, who, { productionId: p.id, userId: op.id, role: 'producer', positions: [] }, now);
    addMembership(tx, who, { productionId: p.id, userId: oc.id, role: 'crew', positions: ['actor'] }, now);
  });
  sqlite.close();
  seedE2eFirearms();
  await seedAnonymous();
}
main();
