/** Rule 6: a weapon goes out only on a day with a recorded safety meeting that covered firearms. */
export function meetingCoversDay(meetings: { date: string; firearmsOnSet: boolean }[], day: string): boolean {
  return meetings.some((m) => m.date === day && m.firearmsOnSet);
}

/** A meeting is recorded after it is held: never for a day that has not started yet. */
export function meetingDateRefusal(date: string, today: string): string | null {
  return date > today ? 'A safety meeting is recorded once it has been held: the date cannot be in the future.' : null;
}
