import { describe, expect, it } from 'vitest';
import { handOutProblem } from './hand-out-problem';

const gun = { id: 'f1', tag: 'DC-01' };
const ready = [{ firearmId: 'f1', scene: '12A' }];
const awaiting = [{ firearmId: 'f1', scene: '14B', waitingFor: ['Cal Actor', 'Dee First-AD'] }];

describe('what the hand-out form says before submitting (rule 2)', () => {
  it('says nothing until a weapon and a setup are chosen, and nothing for a cleared pair (any case, spaces)', () => {
    expect(handOutProblem(undefined, '12A', ready, awaiting)).toBeNull();
    expect(handOutProblem(gun, '  ', ready, awaiting)).toBeNull();
    expect(handOutProblem(gun, ' 12a ', ready, awaiting)).toBeNull();
  });
  it('names the witnesses a passing check still waits for', () => {
    expect(handOutProblem(gun, '14b', ready, awaiting)).toBe('The check of DC-01 for 14B still waits for Cal Actor, Dee First-AD to confirm it (rule 2).');
  });
  it('says there is no check for another setup or another weapon', () => {
    expect(handOutProblem(gun, '9C', ready, awaiting)).toMatch(/^DC-01 has no passing, witnessed check for “9C”/);
    expect(handOutProblem({ id: 'f2', tag: 'DC-02' }, '12A', ready, awaiting)).toMatch(/^DC-02 has no passing/);
  });
});
