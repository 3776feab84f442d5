// Rule 9's form: a producer's decision on an armorer who holds another position, and its
// revocation. One schema per form, used by react-hook-form and parsed again by the core.
import { z } from 'zod';
import { plainText } from './common';

const idRef = (message: string) => z.string({ error: message }).trim().min(1, message).max(100, message);

export const decideDutiesSchema = z.object({
  id: z.uuid('A request id is missing; reload the page and try again.'),
  userId: idRef('Choose the armorer.'),
  reason: plainText(1000, 'The reason', 10, 'Say why the armorer keeps the other position and who covers it while weapons are out (at least 10 characters).'),
});
export type DecideDutiesInput = z.infer<typeof decideDutiesSchema>;

export const revokeDutyDecisionSchema = z.object({
  decisionId: idRef('Choose the decision.'),
  reason: plainText(1000, 'The reason', 3, 'Say why the decision no longer stands.'),
});
export type RevokeDutyDecisionInput = z.infer<typeof revokeDutyDecisionSchema>;
