import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../db/seed/demo';
import { databasePath } from '../db/paths';

seedDemo().then(({ productionId }) => {
  console.log(`\nSetSafe demo data is ready in ${databasePath()}`);
  console.log(`Demo production: /productions/${productionId}\n`);
  console.log(`Every demo account uses the password:  ${DEMO_PASSWORD}\n`);
  for (const u of DEMO_USERS) console.log(`  ${(u.role ?? 'site admin').padEnd(10)} ${u.email.padEnd(26)} ${u.name}${u.positions.length ? ` (${u.positions.join(', ')})` : ''}`);
  console.log('');
});
