/** The anonymous report (with one photo) scripts/e2e-seed.ts files for the authorization matrix. No imports: the seed script reads it. */
export const SEEDED_ANONYMOUS = {
  description: 'Seeded for the authorization matrix: an anonymous report with a photo.',
  /** Only the e2e database knows this report; a fixed code lets the matrix open it. */
  receipt: 'E2E5-EED0-0000-0000-0000-0000-0001',
} as const;
