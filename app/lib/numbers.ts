// Figures with thousands separators ("14,928"): read at a glance on a phone in a hurry. One
// formatter for all: building an Intl formatter costs far more than using one, and a
// number's toLocaleString builds one per call (ARCHITECTURE.md: performance budget).
const COUNT = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return COUNT.format(n);
}
