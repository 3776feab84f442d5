// npm run db:migrate — creates the database file if needed, applies db/migrations and seeds the
// read-only reference cases (as the server does on start).
import { openDatabase } from '../db/client';
import { databasePath } from '../db/paths';
import { seedReferenceCases } from '../db/seed/reference';
import { migrateDayStamps } from '../app/lib/day-stamps';

const { db, sqlite } = openDatabase();
migrateDayStamps(db);
seedReferenceCases(db);
const n = sqlite.prepare('select count(*) n from __drizzle_migrations').get() as { n: number };
console.log(`Database at ${databasePath()} is migrated (${n.n} migrations applied).`);
sqlite.close();
