
import type { AuthzContext } from './types';
import { anonymousRecords } from './anonymous';
import { SEEDED } from './seeded';
import { ids, testDb } from '../db';

/** The ids the route table needs, read from the e2e database after the seed ran. */
export function authzCtx(): AuthzContext {
  const { demo, other } = ids();
  const db = testDb();
  const one = (sql: string, ...args: string[]) => (db.prepare(sql).get(...args) as { id: string } | undefined)?.id ?? 'missing-seed-record';
  const seeded = {
    // scripts/e2e-seed-firearms.ts
    demoFirearm: one("select id from firearms where production_id = ? and tag = 'E2E-SEED-1'", demo),
    demoCheck: one("select c.id from firearm_checks c join firearms f on f.id = c.firearm_id where f.production_id = ? and f.tag = 'E2E-SEED-1'", demo),
    otherFirearm: one("select id from firearms where production_id = ? and tag = 'OTHER-SEED-1'", other),
    demoLot: one("select id from ammo_lots where production_id = ? and lot_number = 'E2E-SEED-LOT'", demo),
    otherLot: one("select id from ammo_lots where production_id = ? and lot_number = 'OTHER-SEED-LOT'", other),
    otherCheck: one("select c.id from firearm_checks c join firearms f on f.id = c.firearm_id where f.production_id = ? and f.tag = 'OTHER-SEED-1'", other),
    // scripts/e2e-seed.ts: the demo one was filed by the demo producer, so crew may not open it
    demoIncident: one('select id from incidents where production_id = ? and description = ?', demo, SEEDED.demoIncident),
    otherIncident: one('select id from incidents where production_id = ? and description = ?', other, SEEDED.otherIncident),
    demoEstablishment: one('select id from establishments where production_id = ? and name = ?', demo, SEEDED.demoEstablishment),
    otherEstablishment: one('select id from establishments where production_id = ? and name = ?', other, SEEDED.otherEstablishment),
    demoCase: one('select p.id from injured_people p join incidents i on i.id = p.incident_id where i.production_id = ? and i.description = ?', demo, SEEDED.demoCase),
    otherCase: one('select p.id from injured_people p join incidents i on i.id = p.incident_id where i.production_id = ? and i.description = ?', other, SEEDED.otherIncident),
    // scripts/e2e-seed-certificates.ts
    demoQualification: one('select id from qualifications where production_id = ? and issuer = ?', demo, SEEDED.certificateIssuer),
    demoCertificate: one('select c.id from qualification_certificates c join qualifications q on q.id = c.qualification_id where q.production_id = ? and q.issuer = ?', demo, SEEDED.certificateIssuer),
    otherQualification: one('select id from qualifications where production_id = ? and issuer = ?', other, SEEDED.certificateIssuer),
    otherCertificate: one('select c.id from qualification_certificates c join qualifications q on q.id = c.qualification_id where q.production_id = ? and q.issuer = ?', other, SEEDED.certificateIssuer),
    // scripts/e2e-seed-anonymous.ts
    ...anonymousRecords(db, demo),
  };
  db.close();
  return { demo, other, ...seeded };
}
