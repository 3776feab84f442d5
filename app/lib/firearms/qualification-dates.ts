// Days between calendar dates (YYYY-MM-DD), for qualifications' expiry (rule 8) and their reminders.
export const QUALIFICATION_WARNING_DAYS = 14;

export function daysUntil(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
