// How far V8 lets the JavaScript heap grow past what is live before a full collection
// (ARCHITECTURE.md: exports in constant memory). By default V8 picks a factor up to 4 after each
// full collection: with about 50 MB live, a long download's garbage (a few MB a second) floated up
// to 200 MB before the first one, and the server's memory with it. Twice what is live keeps a
// download of any size under 100 MB of growth at no measured cost in speed.
import v8 from 'node:v8';

export const DEFAULT_HEAP_GROWING_PERCENT = 100;
const DEFAULT = { flag: `--heap-growing-percent=${DEFAULT_HEAP_GROWING_PERCENT}`, note: `${DEFAULT_HEAP_GROWING_PERCENT}%` };

/** The V8 flag for SETSAFE_HEAP_GROWING_PERCENT (a whole number of percent; 0 leaves V8's own choice), or why not. */
export function heapGrowingFlag(env: string | undefined): { flag: string | null; note: string } {
  if (env === undefined || env.trim() === '') return DEFAULT;
  const n = Number(env);
  if (!Number.isInteger(n) || n < 0 || n > 1000) return { flag: DEFAULT.flag, note: `${DEFAULT.note} (SETSAFE_HEAP_GROWING_PERCENT=${JSON.stringify(env)} is not a whole number from 0 to 1000)` };
  if (n === 0) return { flag: null, note: "V8's own (SETSAFE_HEAP_GROWING_PERCENT=0)" };
  return { flag: `--heap-growing-percent=${n}`, note: `${n}%` };
}

/** Sets the heap's growing factor for this process; returns what was set, for the start log. */
export function boundHeapGrowth(env = process.env.SETSAFE_HEAP_GROWING_PERCENT): string {
  const { flag, note } = heapGrowingFlag(env);
  if (flag) v8.setFlagsFromString(flag);
  return note;
}
