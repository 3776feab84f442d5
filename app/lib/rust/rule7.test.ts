import { describe, expect, it } from 'vitest';
import { RUST_EVENTS } from '@/db/seed/rust-case';
import { replayRust } from './replay';
import { rule7ForEvent } from './rule7';

describe('Rust replay: rule 7', () => {
  const replay = replayRust(RUST_EVENTS);
  const all = RUST_EVENTS.map((e) => ({ e, signals: rule7ForEvent(e, replay.byKey[e.key]) }));

  it('escalates every critical signal of the on-set events: re-sent at 15 minutes, to the safety contacts at 30', () => {
    const fired = all.filter((x) => x.signals.length > 0);
    expect(fired.length).toBeGreaterThan(0);
    for (const { signals } of fired) {
      for (const s of signals) {
        expect(s.steps.map((st) => st.step)).toEqual(['resend', 'contacts']);
        expect(s.steps[0].dueAt.getTime() - s.raisedAt.getTime()).toBe(15 * 60_000);
        expect(s.steps[1].dueAt.getTime() - s.raisedAt.getTime()).toBe(30 * 60_000);
      }
    }
  });
  it('an accidental discharge raises its signal; events after the shooting raise none', () => {
    const kinds = all.flatMap((x) => x.signals.map((s) => s.kind));
    expect(kinds).toContain('accidental_discharge');
    for (const { e, signals } of all) if (e.phase === 'after') expect(signals).toEqual([]);
  });
  it('a rule-2 refusal in the replay is a custody-breach signal', () => {
    for (const { e, signals } of all) {
      const refused = replay.byKey[e.key]?.firings.some((f) => f.rule === 2);
      expect(signals.some((s) => s.kind === 'custody_breach')).toBe(!!refused && e.phase === 'on-set');
    }
  });
});
