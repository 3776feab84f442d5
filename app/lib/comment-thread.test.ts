import { describe, expect, it } from 'vitest';
import { threadComments } from './comment-thread';

const at = (h: number) => new Date(Date.UTC(2026, 10, 18, h));
const day = at(0);

describe('threadComments', () => {
  it('puts each question before its answer, though the answer carries only its day', () => {
    const rows = [
      { id: 'a1', kind: 'answer', createdAt: day },
      { id: 'q1', kind: 'question', createdAt: at(10) },
      { id: 'c', kind: 'comment', createdAt: at(12) },
      { id: 'q2', kind: 'question', createdAt: at(14) },
      { id: 'a2', kind: 'answer', createdAt: day },
      { id: 'c0', kind: 'comment', createdAt: at(9) },
    ];
    expect(threadComments(rows, (r) => r).map((r) => r.id)).toEqual(['c0', 'q1', 'a1', 'c', 'q2', 'a2']);
  });

  it('leaves an open question unanswered and keeps a stray answer', () => {
    expect(threadComments([{ id: 'q', kind: 'question', createdAt: at(10) }], (r) => r).map((r) => r.id)).toEqual(['q']);
    expect(threadComments([{ id: 'a', kind: 'answer', createdAt: day }], (r) => r).map((r) => r.id)).toEqual(['a']);
  });
});
