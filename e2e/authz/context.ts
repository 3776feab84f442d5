import { testDb } from '../helpers';
import type { AuthzContext } from './types';
import { SEEDED } from './seeded';

/** The ids the incident routes need, read from the e2e database (records seeded by scripts/e2e-seed.ts). */
export function authzContext(): AuthzContext {
  const db = testDb();
  try {
    const prod = (title: string) => (db.prepare('select id from productions where title = ?').get(title) as { id: string }).id;
    const incident = (description: string) => (db.prepare('select id from incidents where description = ?').get(description) as { id: string } | undefined)?.id ?? 'missing';
    return {
      demo: prod('Dry Creek (demo)'),
      other: prod('Other Show (e2e)'),
      demoIncident: incident(SEEDED.demoIncident),
      otherIncident: incident(SEEDED.otherIncident),
    };
  } finally {
    db.close();
  }
}
