// One schema per form, used by react-hook-form on the client and parsed again by the core
// (ARCHITECTURE.md: layers). No server imports.
import { z } from 'zod';
import { AMMO_KINDS, CHECK_PHASES, CHECK_RESULTS, DUMMY_VERIFICATION_METHODS, FIREARM_KINDS, type CheckPhase } from '../enums';
import { CHECK_ITEM_KEYS, itemsFor, type CheckItemKey } from '../firearms/checklist';
import { plainText } from './common';
import { localDateTime } from './incidents';

const idRef = (message: string) => z.string({ error: message }).trim().min(1, message).max(100, message);
const text = (max: number, label: string) => plainText(max, label);
const required = (message: string, max: number, label: string) => plainText(max, label, 1, message);
const clientId = z.uuid('A request id is missing; reload the page and try again.');
const count = (message: string) => z.number({ error: message }).int(message).min(0, 'The count cannot be negative.').max(100_000, 'That count is too large.');

export const isCalendarDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};
const calendarDate = z.string({ error: 'Enter the date.' }).refine(isCalendarDate, 'Enter a date as YYYY-MM-DD.');

// ───────────── inventory ─────────────

const firearmFields = z.object({
  tag: required('Enter the tag painted or tied on the weapon.', 30, 'The tag'),
  make: required('Enter the make.', 80, 'The make'),
  model: required('Enter the model.', 80, 'The model'),
  serial: text(80, 'The serial number'),
  kind: z.enum(FIREARM_KINDS, { error: 'Choose the kind of weapon.' }),
  notes: text(2000, 'Notes'),
});

export const IN_STORE_STATUSES = ['locked_up', 'out_of_service'] as const;

export const createFirearmSchema = firearmFields.extend({
  // A new weapon starts in the locked store or out of service; only a hand-off checks one out.
  status: z.enum(IN_STORE_STATUSES, { error: 'Choose locked up or out of service.' }),
});

export const updateFirearmSchema = firearmFields.extend({ firearmId: idRef('Choose the weapon.') });

/** The add/edit form's fields: the server parses them with the create or the update schema. */
export const firearmFormSchema = createFirearmSchema.extend({ firearmId: z.string().max(100) });
export type FirearmFormInput = z.infer<typeof firearmFormSchema>;

export const setFirearmStatusSchema = z.object({
  firearmId: idRef('Choose the weapon.'),
  to: z.enum(IN_STORE_STATUSES, { error: 'Choose the new status.' }),
  reason: required('Say why, for the weapon’s history.', 500, 'The reason'),
});
export type SetFirearmStatusInput = z.infer<typeof setFirearmStatusSchema>;

// ───────────── ammunition ─────────────

export const LIVE_AMMO_MESSAGE =
  'Live ammunition can never be entered as inventory: only dummies and blanks. If live rounds were found, file a “Live ammunition found” incident now — it is critical and puts the production on a stop-work hold (rule 1).';

/**
 * Receiving one lot of a delivery from the vendor (ARCHITECTURE.md: ammunition chain): the
 * paperwork, the lot, the count and, for dummies, how the rounds were verified and how many.
 */
export const createAmmoLotSchema = z
  .object({
    id: clientId,
    // Anything but dummy or blank (live, above all) is refused with the message above.
    kind: z.enum(AMMO_KINDS, { error: LIVE_AMMO_MESSAGE }),
    calibre: required('Enter the calibre, e.g. .45 Colt.', 40, 'The calibre'),
    countOnHand: count('Enter how many rounds arrived.').min(1, 'A lot has at least one round.'),
    supplier: required('Enter the supplier.', 120, 'The supplier'),
    paperworkRef: required('Enter the delivery note or invoice number.', 80, 'The paperwork reference'),
    lotNumber: required('Enter the supplier’s lot number.', 80, 'The lot number'),
    receivedOn: calendarDate,
    verificationMethods: z.array(z.enum(DUMMY_VERIFICATION_METHODS, { error: 'Choose how the dummies were verified.' })).max(3),
    verifiedCount: count('Enter how many dummies you verified (0 for blanks).'),
    inspected: z.literal(true, { error: 'Confirm that you inspected every round on arrival.' }),
    inspectionNotes: text(2000, 'Inspection notes'),
  })
  .superRefine((v, ctx) => {
    // Live rounds came mixed with dummies on Rust: every dummy lot says how it was verified.
    if (v.kind === 'dummy') {
      if (v.verificationMethods.length === 0) ctx.addIssue({ code: 'custom', path: ['verificationMethods'], message: 'Say how the dummies were verified: rattle, drilled case, no primer.' });
      if (v.verifiedCount < 1) ctx.addIssue({ code: 'custom', path: ['verifiedCount'], message: 'Enter how many dummies you verified.' });
      else if (v.verifiedCount > v.countOnHand) ctx.addIssue({ code: 'custom', path: ['verifiedCount'], message: 'More rounds verified than received: count again.' });
    }
    if (new Set(v.verificationMethods).size !== v.verificationMethods.length) ctx.addIssue({ code: 'custom', path: ['verificationMethods'], message: 'Choose each method once.' });
  });
export type CreateAmmoLotInput = z.infer<typeof createAmmoLotSchema>;

// ───────────── checks ─────────────

const checklistSchema = z.object(
  Object.fromEntries(CHECK_ITEM_KEYS.map((k) => [k, z.boolean().catch(false)])) as Record<CheckItemKey, z.ZodCatch<z.ZodBoolean>>,
);

type CheckBody = { checklist: Record<CheckItemKey, boolean>; result?: 'pass' | 'fail' | null; findings: string };

/** A check passes only with every item of its phase verified; a failure says what was found. */
function refineCheck(v: CheckBody, phase: CheckPhase, ctx: z.RefinementCtx, prefix: string[] = []) {
  if (v.result === 'pass') {
    for (const item of itemsFor(phase)) {
      if (!v.checklist[item.key]) {
        ctx.addIssue({ code: 'custom', path: [...prefix, 'checklist', item.key], message: 'Not verified: a check passes only when every item is.' });
      }
    }
  }
  if (v.result === 'fail' && v.findings.trim().length < 3) {
    ctx.addIssue({ code: 'custom', path: [...prefix, 'findings'], message: 'Write what was found: the weapon goes out of service until a passing check.' });
  }
}

export const recordCheckSchema = z
  .object({
    id: clientId,
    firearmId: idRef('Choose the weapon.'),
    phase: z.enum(CHECK_PHASES, { error: 'Choose before use or after use.' }),
    scene: required('Enter the scene or setup, e.g. 12A.', 60, 'The scene'),
    checklist: checklistSchema,
    result: z.enum(CHECK_RESULTS, { error: 'Choose pass or fail.' }),
    findings: text(2000, 'Findings'),
    witnessIds: z.array(z.string().max(100)).max(20, 'Name at most 20 witnesses.'),
  })
  .superRefine((v, ctx) => {
    refineCheck(v, v.phase, ctx);
    if (v.phase === 'before_use' && v.result === 'pass' && v.witnessIds.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['witnessIds'],
        message: 'Name at least one witness (actor, stunt performer or 1st AD): a hand-off needs a witnessed check (rule 2).',
      });
    }
    if (new Set(v.witnessIds).size !== v.witnessIds.length) ctx.addIssue({ code: 'custom', path: ['witnessIds'], message: 'Name each witness once.' });
  });
export type RecordCheckInput = z.infer<typeof recordCheckSchema>;

export const confirmWitnessSchema = z.object({ checkId: idRef('Choose the check.') });

// ───────────── custody ─────────────

export const handOffSchema = z
  .object({
    // Made by the form: a repeated submission is the same attempt, not a second breach.
    id: clientId,
    firearmId: idRef('Choose the weapon.'),
    toUserId: idRef('Choose who receives the weapon.'),
    scene: required('Enter the scene or setup the weapon is checked for.', 60, 'The scene'),
    ammoLotId: z.string().trim().max(100),
    roundsOut: count('Count the rounds out (0 if none).').max(500, 'At most 500 rounds go out with one weapon.'),
  })
  .superRefine((v, ctx) => {
    if (v.roundsOut > 0 && !v.ammoLotId) ctx.addIssue({ code: 'custom', path: ['ammoLotId'], message: 'Choose the lot the rounds come from.' });
  });
export type HandOffInput = z.infer<typeof handOffSchema>;

export const recordReturnSchema = z
  .object({
    handoffId: idRef('Choose the hand-off.'),
    roundsBack: count('Count the rounds back (0 if none).').max(500, 'That count is too large.'),
    /** Blanks spent while the weapon was out (absent = none, as before this was asked). */
    roundsFired: count('Count the rounds fired (0 if none).').max(500, 'That count is too large.').optional(),
    /** An after-use check already recorded for this weapon since it went out; '' records one here. */
    afterCheckId: z.string().trim().max(100),
    /** Who collected the weapon (rule 9): the armorer, a property master or an assistant; '' or absent = the one recording. */
    collectedById: z.string().trim().max(100, 'Choose who collected the weapon.').optional(),
    checkId: z.uuid().optional(),
    checklist: checklistSchema,
    result: z.enum(CHECK_RESULTS).nullable().optional(),
    findings: text(2000, 'Findings'),
  })
  .superRefine((v, ctx) => {
    if (v.afterCheckId) return;
    if (!v.result) {
      ctx.addIssue({ code: 'custom', path: ['result'], message: 'The return needs an after-use check: choose pass or fail.' });
      return;
    }
    refineCheck(v, 'after_use', ctx);
  });
export type RecordReturnInput = z.infer<typeof recordReturnSchema>;

export const reportOutsideHandoffSchema = z.object({
  id: clientId,
  firearmId: z.string().trim().max(100),
  location: required('Where did it happen?', 200, 'The location'),
  occurredAt: z.union([z.literal(''), localDateTime]),
  description: required('Say what you saw: who had the weapon, who gave it to them, when.', 4000, 'The description').refine(
    (s) => s.length >= 10,
    'Say a little more: who had the weapon, who gave it to them, when.',
  ),
});
export type ReportOutsideHandoffInput = z.infer<typeof reportOutsideHandoffSchema>;

// ───────────── safety meetings ─────────────

export const recordMeetingSchema = z
  .object({
    id: clientId,
    date: calendarDate,
    scene: required('Enter the scene or setup the meeting covered.', 60, 'The scene'),
    firearmsOnSet: z.boolean(),
    blanksInUse: z.boolean(),
    topics: text(2000, 'Topics'),
    attendeeIds: z.array(z.string().max(100)).min(1, 'Name who attended.').max(300, 'That is too many attendees.'),
  })
  .superRefine((v, ctx) => {
    if (new Set(v.attendeeIds).size !== v.attendeeIds.length) ctx.addIssue({ code: 'custom', path: ['attendeeIds'], message: 'Name each attendee once.' });
    if (!v.firearmsOnSet && !v.blanksInUse && v.topics.trim().length === 0) {
      ctx.addIssue({ code: 'custom', path: ['topics'], message: 'Say what the meeting covered.' });
    }
  });
export type RecordMeetingInput = z.infer<typeof recordMeetingSchema>;

export const confirmAttendanceSchema = z.object({ meetingId: idRef('Choose the meeting.') });
