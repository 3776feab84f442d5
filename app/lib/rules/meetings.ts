/** Rule 6: a weapon goes out only on a day with a recorded safety meeting that covered firearms. */
export function meetingCoversDay(meetings: { date: string; firearmsOnSet: boolean }[], day: string): boolean {
  return meetings.some((m) => m.date === day && m.firearmsOnSet);
}
