// The demo: a fictional production with one user per role (an actor, a 1st AD, a stunt
// performer and the safety advisor among the crew). Same passwords on every run; running it twice changes nothing.
import { eq } from 'drizzle-orm';
import { openDatabase, writeWith } from '../client';
import { productions } from '../schema';
import { addMembership, createProduction, createUser, findUserByEmail, getMembership, type Who } from '../../app/lib/site';
import { hashPassword } from '../../app/lib/passwords';
import type { Position, Role } from '../../app/lib/enums';

export const DEMO_PASSWORD = 'setsafe-demo-2026';
export const DEMO_PRODUCTION_TITLE = 'Dry Creek (demo)';

export const DEMO_USERS: { email: string; name: string; role: Role | null; positions: Position[]; admin?: boolean }[] = [
  { email: 'admin@setsafe.test', name: 'Sam Admin', role: null, positions: [], admin: true },
  { email: 'producer@setsafe.test', name: 'Priya Producer', role: 'producer', positions: [] },
  { email: 'producer2@setsafe.test', name: 'Paul Second-Producer', role: 'producer', positions: [] },
  { email: 'armorer@setsafe.test', name: 'Ana Armorer', role: 'armorer', positions: ['props'] },
  { email: 'auditor@setsafe.test', name: 'Aldo Auditor', role: 'auditor', positions: [] },
  { email: 'actor@setsafe.test', name: 'Cal Actor', role: 'crew', positions: ['actor'] },
  { email: 'ad@setsafe.test', name: 'Dee First-AD', role: 'crew', positions: ['first_ad'] },
  { email: 'stunt@setsafe.test', name: 'Sky Stunt', role: 'crew', positions: ['stunt_performer'] },
  { email: 'crew@setsafe.test', name: 'Cody Camera', role: 'crew', positions: ['camera'] },
  // The safety advisor signs each scene plan's risk assessment beside the armorer (rule 8).
  { email: 'advisor@setsafe.test', name: 'Sol Safety-Advisor', role: 'crew', positions: ['safety_advisor'] },
  // The property master holds weapons in custody beside the armorer and collects them (rule 9).
  { email: 'propmaster@setsafe.test', name: 'Pat Property-Master', role: 'crew', positions: ['property_master'] },
];

export async function seedDemo(now = new Date()): Promise<{ productionId: string }> {
  const { db, sqlite } = openDatabase();
  const hash = await hashPassword(DEMO_PASSWORD);
  const who: Who = { userId: null, label: 'Demo seed' };
  const productionId = writeWith(db, (tx) => {
    let prod = tx.select().from(productions).where(eq(productions.title, DEMO_PRODUCTION_TITLE)).get();
    prod ??= createProduction(
      tx,
      who,
      { title: DEMO_PRODUCTION_TITLE, company: 'Fictional Pictures LLC (demo)', locations: 'Stage 2; Dry Creek ranch exterior', startDate: '2026-11-02', endDate: '2026-12-18', timeZone: 'America/Denver', phase: 'shooting' },
      now,
    );
    for (const u of DEMO_USERS) {
      const user = findUserByEmail(tx, u.email) ?? createUser(tx, who, { email: u.email, name: u.name, passwordHash: hash, isAdmin: u.admin }, now);
      if (u.role && !getMembership(tx, prod.id, user.id)) {
        addMembership(tx, who, { productionId: prod.id, userId: user.id, role: u.role, positions: u.positions }, now);
      }
    }
    return prod.id;
  });
  sqlite.close();
  return { productionId };
}
