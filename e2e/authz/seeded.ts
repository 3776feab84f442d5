/** Descriptions of the records scripts/e2e-seed.ts files for the authorization matrix. No imports: the seed script reads it. */
export const SEEDED = {
  demoIncident: 'Seeded for the authorization matrix: filed by the demo producer.',
  otherIncident: 'Seeded for the authorization matrix: filed on the other show.',
  demoCase: 'Seeded for the authorization matrix: a Form 301 case with no clock running.',
  demoEstablishment: 'Seeded establishment (authorization matrix)',
  otherEstablishment: 'Seeded establishment on the other show (authorization matrix)',
  /** The issuer of an armorer's certificate on each show, with one scanned certificate (scripts/e2e-seed-certificates.ts). */
  certificateIssuer: 'Seeded certificate issuer (authorization matrix)',
} as const;
