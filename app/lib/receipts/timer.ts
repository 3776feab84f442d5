// Puts the daily head receipt on the outbox worker's clock (ARCHITECTURE.md: audit trail, anchoring):
// the receipt rows it writes leave in the same tick. Call before the worker starts.
import { addPeriodicJob } from '../delivery/worker';
import { receiptJob } from './core';

export function scheduleReceipts(): void {
  addPeriodicJob(receiptJob);
}
