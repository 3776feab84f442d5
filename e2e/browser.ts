// Which Chromium runs the end-to-end suite (ARCHITECTURE.md: tests). Both come from Debian's
// packages; nothing is downloaded.
import fs from 'node:fs';

/**
 * Flags for a closed network: without the background-networking ones Chromium keeps trying
 * Google's hosts and is refused many times at every start.
 */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The full browser (package chromium). */
export const FULL_CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The headless shell (package chromium-headless-shell): the same Chromium build without the
 * browser's UI layers, what Playwright itself runs for headless tests. It runs the suite in about
 * half the time of the full browser on two cores. It has no notification centre, so a spec that
 * shows a notification asks for the full browser (`launchOptions: fullChromium`).
 */
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';

/** The suite's browser: the headless shell where it is installed, else the full browser. */
export const SUITE_CHROMIUM = process.env.CHROMIUM_PATH ?? (fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : FULL_CHROMIUM);

/** Launch options for a spec that needs the full browser. */
export const fullChromium = { executablePath: FULL_CHROMIUM, args: CHROMIUM_ARGS };
