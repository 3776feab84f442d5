import type { InjuryInput } from './incidents';

// The Form 301 field names, shared by the injury fields of the form, the incident page and the
// timeline. No zod here: the form shows these on first load, before validation code loads.
export const INJURY_FIELD_LABELS: Record<keyof InjuryInput, string> = {
  employeeName: 'Employee’s full name',
  employeeAddress: 'Employee’s address',
  employeeBirthDate: 'Date of birth',
  employeeHiredDate: 'Date hired',
  employeeSex: 'Sex',
  physicianName: 'Physician or health care professional',
  facilityNameAddress: 'Treated away from the worksite: facility and address',
  emergencyRoom: 'Treated in an emergency room',
  hospitalizedInpatient: 'Hospitalised overnight as an in-patient',
  caseNumber: 'Case number from the OSHA 300 Log',
  timeBeganWork: 'Time the employee began work',
  activityBefore: 'What the employee was doing just before',
  howOccurred: 'What happened (how the injury occurred)',
  injuryDescription: 'The injury: body part and how it was affected',
  harmingObject: 'Object or substance that directly harmed the employee',
  died: 'The employee died',
  deathDate: 'Date of death',
  amputation: 'Amputation',
  lossOfEye: 'Loss of an eye',
  completedBy: 'Form completed by',
  completedTitle: 'Their title',
  completedPhone: 'Their phone',
};
