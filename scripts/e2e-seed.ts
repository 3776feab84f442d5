// Seeds the e2e database: the demo production, plus "Other Show" with its own producer and crew
// so tests can prove that another production's records answer 404.
import { openDatabase, writeWith } from '../db/client';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { establishments, injuredPeople, productions } from '../db/schema';
import { seedDemo, DEMO_PASSWORD, DEMO_PRODUCTION_TITLE } from '../db/seed/demo';
import { addMembership, createProduction, createUser, findUserByEmail, type Who } from '../app/lib/site';
import { hashPassword } from '../app/lib/passwords';
import { fileIncidentTx } from '../app/lib/incidents/file';
import { SEEDED } from '../e2e/authz/seeded';
import { seedE2eFirearms } from './e2e-seed-firearms';
import { seedAnonymous } from './e2e-seed-anonymous';
import { seedE2eCertificates } from './e2e-seed-certificates';

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
    // One incident on each show for the authorization matrix (e2e/authz/ctx.ts).
    const demo = tx.select().from(productions).where(eq(productions.title, DEMO_PRODUCTION_TITLE)).get()!;
    const demoProducer = findUserByEmail(tx, 'producer@setsafe.test')!;
    fileIncidentTx(tx, { productionId: demo.id, timeZone: demo.timeZone, reporter: { userId: demoProducer.id, label: demoProducer.name }, now },
      { id: randomUUID(), type: 'unsafe_condition', description: SEEDED.demoIncident, location: 'Stage 2' });
    fileIncidentTx(tx, { productionId: p.id, timeZone: p.timeZone, reporter: { userId: op.id, label: op.name }, now },
      { id: randomUUID(), type: 'other', description: SEEDED.otherIncident, location: 'Backlot', injuredPeople: [{ employeeName: 'Otto Other-Crew', injuryDescription: 'Bruised forearm' }] });
    // A Form 301 case on the demo for the authorization matrix and the screens sweep: not a
    // firearm report, nothing serious, its 301 completed, so no hold and no clock runs.
    const demoCase = fileIncidentTx(tx, { productionId: demo.id, timeZone: demo.timeZone, reporter: { userId: demoProducer.id, label: demoProducer.name }, now },
      { id: randomUUID(), type: 'other', description: SEEDED.demoCase, location: 'Stage 2', injuredPeople: [{ employeeName: 'Casey Case (e2e)', injuryDescription: 'Bruised shin' }] });
    tx.update(injuredPeople).set({ form301CompletedAt: now }).where(eq(injuredPeople.incidentId, demoCase.incident.id)).run();
    // An OSHA establishment on each show (e2e/authz/osha.ts).
    for (const [productionId, name] of [[demo.id, SEEDED.demoEstablishment], [p.id, SEEDED.otherEstablishment]] as const) {
      tx.insert(establishments).values({ id: randomUUID(), productionId, name, createdAt: now, updatedAt: now }).run();
    }
  });
  sqlite.close();
  seedE2eFirearms();
  await seedE2eCertificates();
  await seedAnonymous();
}
main();
