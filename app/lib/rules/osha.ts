// The closed sets of OSHA recordkeeping (29 CFR 1904), kept in the rules folder so the pure
// rules, the schema, zod and the forms share one list. No imports: a leaf module.

/** Where the production's establishment reports (ARCHITECTURE.md: OSHA recordkeeping). */
export const JURISDICTIONS = ['federal', 'california', 'new_mexico'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export const JURISDICTION_LABELS: Record<Jurisdiction, string> = {
  federal: 'Federal OSHA (29 CFR 1904)',
  california: 'California — Cal/OSHA (8 CCR 342)',
  new_mexico: 'New Mexico — NMED OHSB (11.5.1.16 NMAC)',
};

/** Whom the 1904.39 report goes to, as each jurisdiction's rule names it. */
export const REPORT_TO: Record<Jurisdiction, string> = {
  federal: 'OSHA: the nearest Area Office, 1-800-321-OSHA (1-800-321-6742) or osha.gov (29 CFR 1904.39(a)(3))',
  california: 'Cal/OSHA: the Division of Occupational Safety and Health, by telephone or its online mechanism (8 CCR 342(a))',
  new_mexico: 'NMED Occupational Health and Safety Bureau: (505) 476-8700 or nmenv-osha@state.nm.us (11.5.1.16(B) NMAC)',
};

/** Form 300 column M: (1) injury, (2) skin disorder, (3) respiratory condition, (4) poisoning, (5) hearing loss, (6) all other illnesses. */
export const CASE_TYPES = ['injury', 'skin_disorder', 'respiratory', 'poisoning', 'hearing_loss', 'other_illness'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  injury: 'M1 Injury',
  skin_disorder: 'M2 Skin disorder',
  respiratory: 'M3 Respiratory condition',
  poisoning: 'M4 Poisoning',
  hearing_loss: 'M5 Hearing loss',
  other_illness: 'M6 All other illnesses',
};

/** Form 300 columns G–J: the most serious outcome of a recordable case. */
export const CASE_CLASSIFICATIONS = ['death', 'days_away', 'job_transfer_restriction', 'other_recordable'] as const;
export type CaseClassification = (typeof CASE_CLASSIFICATIONS)[number];
export const CASE_CLASSIFICATION_LABELS: Record<CaseClassification, string> = {
  death: 'G Death',
  days_away: 'H Days away from work',
  job_transfer_restriction: 'I Job transfer or restriction',
  other_recordable: 'J Other recordable case',
};

/** The complete first-aid list of 29 CFR 1904.7(b)(5)(ii)(A)–(N); anything else is medical treatment. */
export const FIRST_AID = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'] as const;
export type FirstAid = (typeof FIRST_AID)[number];
export const FIRST_AID_LABELS: Record<FirstAid, string> = {
  A: 'A non-prescription medication at non-prescription strength',
  B: 'A tetanus immunization',
  C: 'Cleaning, flushing or soaking wounds on the surface of the skin',
  D: 'Wound coverings (bandages, gauze pads), butterfly bandages or Steri-Strips',
  E: 'Hot or cold therapy',
  F: 'A non-rigid means of support (elastic bandage, wrap, non-rigid back belt)',
  G: 'A temporary immobilization device while transporting the victim (splint, sling, neck collar, back board)',
  H: 'Drilling a fingernail or toenail to relieve pressure, or draining fluid from a blister',
  I: 'Eye patches',
  J: 'Removing foreign bodies from the eye using only irrigation or a cotton swab',
  K: 'Removing splinters or foreign material (not from the eye) by irrigation, tweezers, cotton swabs or other simple means',
  L: 'Finger guards',
  M: 'Massages',
  N: 'Drinking fluids for relief of heat stress',
};

/** 29 CFR 1904.29(b)(7): the cases whose name is kept off the Form 300 ("privacy case"). */
export const PRIVACY_REASONS = ['intimate_body_part', 'sexual_assault', 'mental_illness', 'infectious_disease', 'contaminated_sharps', 'employee_request'] as const;
export type PrivacyReason = (typeof PRIVACY_REASONS)[number];
export const PRIVACY_REASON_LABELS: Record<PrivacyReason, string> = {
  intimate_body_part: 'An injury or illness to an intimate body part or the reproductive system (i)',
  sexual_assault: 'An injury or illness resulting from a sexual assault (ii)',
  mental_illness: 'A mental illness (iii)',
  infectious_disease: 'HIV infection, hepatitis or tuberculosis (iv)',
  contaminated_sharps: 'A needlestick or cut from a sharp object contaminated with another person’s blood or other potentially infectious material (v)',
  employee_request: 'Another illness, and the employee independently and voluntarily asked that the name be left off (vi)',
};

/** 29 CFR 1904.7(b)(3)(vii): days away and days restricted are capped at 180. */
export const DAYS_CAP = 180;

/** NAICS 512110, Motion Picture and Video Production: the default for a production's establishment. */
export const DEFAULT_NAICS = '512110';
export const DEFAULT_INDUSTRY = 'Motion Picture and Video Production';

/** ITA `establishment_type`: 1 not a government entity, 2 a state government entity, 3 a local government entity. */
export const ESTABLISHMENT_TYPES = ['private', 'state_government', 'local_government'] as const;
export type EstablishmentType = (typeof ESTABLISHMENT_TYPES)[number];
export const ESTABLISHMENT_TYPE_LABELS: Record<EstablishmentType, string> = {
  private: 'Not a government entity',
  state_government: 'A state government entity',
  local_government: 'A local government entity',
};
