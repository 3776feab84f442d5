export const HOLD_SEEN_COOKIE = 'setsafe-hold-seen';
