import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../db/seed/demo';
import { databasePath } from '../db/paths';
import { seedDemoActivity } from '../db/seed/demo-activity';

seedDemo().then(({ productionId }) => {
  // Only the demo gets a day of activity; the e2e seed starts from the bare production.
  if (seedDemoActivity(productionId)) console.log('Seeded a day on the demo set: three weapons, ammunition, today’s safety meeting, checks, an approved scene plan, qualifications (one expired), a first take collected by the property master and the hand-off for the next, two reports and one recordable injury on Stage 2’s OSHA log.');
  console.log(`\nSetSafe demo data is ready in ${databasePath()}`);
  console.log(`Demo production: /productions/${productionId}\n`);
  console.log(`Every demo account uses the password:  ${DEMO_PASSWORD}\n`);
  for (const u of DEMO_USERS) console.log(`  ${(u.role ?? 'site admin').padEnd(10)} ${u.email.padEnd(26)} ${u.name}${u.positions.length ? ` (${u.positions.join(', ')})` : ''}`);
  console.log('');
});
