// Photo limits shared by the report form's picker and the server's attachment store. No zod here:
// the anonymous report form loads zod only when it is first touched (ARCHITECTURE.md: performance budget).
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTO_ACCEPT = PHOTO_TYPES.join(',');
export const PHOTO_RULES = 'JPEG, PNG or WebP, up to 10 MB each. Location and camera details are removed.';
