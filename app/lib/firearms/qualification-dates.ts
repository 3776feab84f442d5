// Days between calendar dates (YYYY-MM-DD), for the qualifications page (rule 8).
export { QUALIFICATION_REMINDER_DAYS as QUALIFICATION_WARNING_DAYS } from '../rules';

export function daysUntil(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
