// npm run db:migrate — creates the database file if needed and applies db/migrations.
import { openDatabase } from '../db/client';
import { databasePath } from '../db/paths';

const { sqlite } = openDatabase();
const n = sqlite.prepare('select count(*) n from __drizzle_migrations').get() as { n: number };
console.log(`Database at ${databasePath()} is migrated (${n.n} migrations applied).`);
sqlite.close();
