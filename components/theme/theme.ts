/** The theme chosen on this device; none means "follow the phone's setting" (prefers-color-scheme). */
export const THEME_KEY = 'setsafe-theme';
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Runs in <head> before the first paint, so a page never flashes light at night. Kept tiny and
 * dependency-free because it is inlined as text (the CSP allows inline scripts: next.config.js).
 */
export const THEME_BOOT = `try{var t=localStorage.getItem('${THEME_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;
