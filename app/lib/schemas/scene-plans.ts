// Rule 8's forms: the firearm scene plan, its signatures and approval, and members'
// qualifications. One schema per form, used by react-hook-form and parsed again by the core.
import { z } from 'zod';
import { DUTIES, PLAN_LOADS, QUALIFICATION_KINDS } from '../enums';
import { plainText } from './common';
import { isCalendarDate } from './firearms';

const idRef = (message: string) => z.string({ error: message }).trim().min(1, message).max(100, message);
const clientId = z.uuid('A request id is missing; reload the page and try again.');
const required = (max: number, label: string, message: string) => plainText(max, label, 1, message);
const calendarDate = (message: string) => z.string({ error: message }).refine(isCalendarDate, 'Enter a date as YYYY-MM-DD.');

export const planWeaponSchema = z
  .object({
    firearmId: idRef('Choose the weapon.'),
    handlerId: idRef('Choose who handles it.'),
    load: z.enum(PLAN_LOADS, { error: 'Choose the load: no rounds, dummies or blanks. Live rounds are never a load.' }),
    rounds: z.number({ error: 'Enter how many rounds (0 for none).' }).int('Enter a whole number.').min(0, 'The count cannot be negative.').max(500, 'At most 500 rounds.'),
  })
  .superRefine((w, ctx) => {
    if (w.load === 'none' && w.rounds !== 0) ctx.addIssue({ code: 'custom', path: ['rounds'], message: 'No rounds go out with this load: enter 0.' });
    if (w.load !== 'none' && w.rounds < 1) ctx.addIssue({ code: 'custom', path: ['rounds'], message: 'Enter how many rounds go out at most.' });
  });

/** Rule 9: who works which other position on this setup. A custodian listed here refuses the setup's hand-outs. */
export const planDutySchema = z.object({
  userId: idRef('Choose the member.'),
  duty: z.enum(DUTIES, { error: 'Choose the duty from the list.' }),
});

export const createScenePlanSchema = z
  .object({
    id: clientId,
    scene: required(60, 'The scene', 'Enter the scene or setup, e.g. 14B.'),
    action: required(2000, 'What happens', 'Say what happens in the scene with the weapons.'),
    weapons: z.array(planWeaponSchema).min(1, 'Name at least one weapon and its handler.').max(20, 'At most 20 weapons in one plan.'),
    lineOfFire: required(2000, 'The line of fire', 'Describe the line of fire and who may be in it.'),
    protection: required(2000, 'Protection', 'Say what protects the people near it: shields, eye and ear protection, distances.'),
    replicaConsidered: required(2000, 'Whether a replica would do', 'Say whether a non-firing replica would do, and if not, why not.'),
    riskAssessment: required(4000, 'The risk assessment', 'Write the specific firearms risk assessment for this scene (Cal. Labor Code §9152.5).'),
    duties: z.array(planDutySchema, { error: 'Choose duties from the list.' }).max(50, 'At most 50 duties in one plan.').optional(),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.weapons.forEach((w, i) => {
      const key = `${w.firearmId}\u0000${w.handlerId}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['weapons', i, 'handlerId'], message: 'This weapon and handler are already named.' });
      seen.add(key);
    });
    const dutySeen = new Set<string>();
    (v.duties ?? []).forEach((d, i) => {
      if (dutySeen.has(d.userId)) ctx.addIssue({ code: 'custom', path: ['duties', i, 'userId'], message: 'This member already has a duty in this plan.' });
      dutySeen.add(d.userId);
    });
  });
export type CreateScenePlanInput = z.infer<typeof createScenePlanSchema>;

export const scenePlanRefSchema = z.object({ planId: idRef('Choose the plan.') });
export type ScenePlanRefInput = z.infer<typeof scenePlanRefSchema>;

export const recordQualificationSchema = z
  .object({
    id: clientId,
    userId: idRef('Choose the member.'),
    kind: z.enum(QUALIFICATION_KINDS, { error: 'Choose the kind of qualification.' }),
    issuer: required(120, 'The issuer', 'Enter who issued it.'),
    reference: plainText(80, 'The certificate or permit number'),
    issuedOn: calendarDate('Enter the date it was issued.'),
    expiresOn: calendarDate('Enter the date it expires.'),
  })
  .superRefine((v, ctx) => {
    if (isCalendarDate(v.issuedOn) && isCalendarDate(v.expiresOn) && v.expiresOn < v.issuedOn)
      ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'It cannot expire before it was issued.' });
  });
export type RecordQualificationInput = z.infer<typeof recordQualificationSchema>;
