// What the reporter is told about a sealed report (ARCHITECTURE.md: anonymity by order). Pure text,
// so the client follow-up page can show it without importing server code.
export const SEALED_PUSH_MESSAGE = 'Alerts can be turned on once your report is published (with the rest of its day’s reports).';
