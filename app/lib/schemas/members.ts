import { z } from 'zod';
import { POSITIONS, ROLES } from '../enums';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Enter their email.')
  .max(254, 'That email is too long.')
  .email('Enter a valid email address.');
const name = z.string().trim().min(1, 'Enter their name.').max(100, 'Use at most 100 characters.');
const role = z.enum(ROLES, { message: 'Choose a role.' });
const positions = z.array(z.enum(POSITIONS, { message: 'Choose positions from the list.' }), { message: 'Choose positions from the list.' }).max(POSITIONS.length);
const membershipId = z.string({ message: 'Choose a member.' }).min(1, 'Choose a member.').max(100, 'Choose a member.');

/** Invite by email; creates the account (without a password) when the email is new. */
export const inviteMemberSchema = z.object({ email, name, role, positions });
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

export const changeMemberSchema = z.object({ membershipId, role, positions });
export type ChangeMemberInput = z.infer<typeof changeMemberSchema>;

export const memberRefSchema = z.object({ membershipId });
export type MemberRefInput = z.infer<typeof memberRefSchema>;
