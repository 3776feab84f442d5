import { z } from 'zod';
import { CRITICAL_NOTIFICATION_KINDS, NOTIFICATION_KINDS } from '../enums';

const base64url = (label: string) => z.string({ message: `${label} is missing.` }).regex(/^[A-Za-z0-9_-]+={0,2}$/, `${label} is not valid.`).min(16).max(200);

/** A browser's PushSubscription.toJSON(), as the device sends it. */
export const pushSubscriptionSchema = z.object({
  endpoint: z
    .string({ message: 'The push address is missing.' })
    .max(1000)
    .refine((s) => {
      try {
        const u = new URL(s);
        return u.protocol === 'https:' || u.protocol === 'http:';
      } catch {
        return false;
      }
    }, 'The push address is not valid.'),
  keys: z.object({ p256dh: base64url('The device key'), auth: base64url('The device secret') }),
  label: z.string().max(80).optional(),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

export const removePushSchema = z.object({ endpoint: z.string({ message: 'Choose a device.' }).min(1).max(1000) });

const clock = z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give a time as HH:MM.')]);
export const MUTE_CRITICAL_MESSAGE = 'Critical safety messages cannot be turned off.';

/** Channels per kind for one production, and quiet hours in that production's time zone. */
export const preferencesSchema = z
  .object({
    productionId: z.string({ message: 'Choose a production.' }).min(1).max(100),
    channels: z.partialRecord(z.enum(NOTIFICATION_KINDS), z.object({ email: z.boolean(), push: z.boolean() })),
    quietFrom: clock,
    quietTo: clock,
  })
  .superRefine((v, ctx) => {
    for (const k of CRITICAL_NOTIFICATION_KINDS) {
      const c = v.channels[k];
      if (c && (!c.email || !c.push)) ctx.addIssue({ code: 'custom', path: ['channels'], message: MUTE_CRITICAL_MESSAGE });
    }
    if ((v.quietFrom === '') !== (v.quietTo === '')) ctx.addIssue({ code: 'custom', path: ['quietTo'], message: 'Give both ends of the quiet hours, or neither.' });
    else if (v.quietFrom !== '' && v.quietFrom === v.quietTo) ctx.addIssue({ code: 'custom', path: ['quietTo'], message: 'Quiet hours must end at another time than they start.' });
  });
export type PreferencesInput = z.infer<typeof preferencesSchema>;
