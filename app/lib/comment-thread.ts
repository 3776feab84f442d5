// The order a record is read in: each question to the anonymous reporter, then its answer. Pure.
//
// What the anonymous reporter writes is stored with the start of its day as its time (so it cannot
// be placed among a member's named actions), which sorts an answer before the question asked later
// that day. Only one question is open at a time and an answer closes it, so the n-th answer
// answers the n-th question: each answer is placed right after its question.
type Threadable = { kind: string; createdAt: Date };

export function threadComments<T>(rows: readonly T[], pick: (row: T) => Threadable): T[] {
  const byTime = [...rows].sort((a, b) => pick(a).createdAt.getTime() - pick(b).createdAt.getTime());
  const answers = byTime.filter((r) => pick(r).kind === 'answer');
  const out: T[] = [];
  let next = 0;
  for (const r of byTime) {
    if (pick(r).kind === 'answer') continue;
    out.push(r);
    if (pick(r).kind === 'question' && next < answers.length) out.push(answers[next++]);
  }
  // An answer with no question before it (older data) keeps its place at the end rather than vanish.
  return out.concat(answers.slice(next));
}
