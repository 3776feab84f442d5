-- Hand-written (ARCHITECTURE.md: ammunition chain): lots recorded before the ledger get theirs,
-- rebuilt from their hand-offs, so each lot's ledger sums to its count on hand from the start.
-- Issued at each hand-out; back into the lot at each return (only unspent rounds, as the return
-- counted them); fired and unaccounted rounds as read from the return; the received entry is what
-- the lot must have held for the rest to end at today's count.
INSERT INTO `ammo_movements` (`id`, `production_id`, `lot_id`, `kind`, `delta`, `rounds`, `handoff_id`, `reason`, `by_id`, `at`)
SELECT 'backfill-issued-' || h.id, h.production_id, h.ammo_lot_id, 'issued', -h.rounds_out, h.rounds_out, h.id, '', h.from_id, h.handed_at
FROM `handoffs` h WHERE h.ammo_lot_id IS NOT NULL AND h.rounds_out > 0;
--> statement-breakpoint
INSERT INTO `ammo_movements` (`id`, `production_id`, `lot_id`, `kind`, `delta`, `rounds`, `handoff_id`, `reason`, `by_id`, `at`)
SELECT 'backfill-returned-' || h.id, h.production_id, h.ammo_lot_id, 'returned',
  max(0, min(h.rounds_back, h.rounds_out - coalesce(h.rounds_fired, 0))), max(0, min(h.rounds_back, h.rounds_out - coalesce(h.rounds_fired, 0))),
  h.id, '', h.received_by_id, h.returned_at
FROM `handoffs` h WHERE h.ammo_lot_id IS NOT NULL AND h.returned_at IS NOT NULL AND max(0, min(h.rounds_back, h.rounds_out - coalesce(h.rounds_fired, 0))) > 0;
--> statement-breakpoint
INSERT INTO `ammo_movements` (`id`, `production_id`, `lot_id`, `kind`, `delta`, `rounds`, `handoff_id`, `reason`, `by_id`, `at`)
SELECT 'backfill-fired-' || h.id, h.production_id, h.ammo_lot_id, 'fired', 0, h.rounds_fired, h.id, '', h.received_by_id, h.returned_at
FROM `handoffs` h WHERE h.ammo_lot_id IS NOT NULL AND h.returned_at IS NOT NULL AND coalesce(h.rounds_fired, 0) > 0;
--> statement-breakpoint
INSERT INTO `ammo_movements` (`id`, `production_id`, `lot_id`, `kind`, `delta`, `rounds`, `handoff_id`, `reason`, `by_id`, `at`)
SELECT 'backfill-missing-' || h.id, h.production_id, h.ammo_lot_id, 'missing', 0, h.rounds_out - coalesce(h.rounds_fired, 0) - h.rounds_back, h.id, '', h.received_by_id, h.returned_at
FROM `handoffs` h WHERE h.ammo_lot_id IS NOT NULL AND h.returned_at IS NOT NULL AND h.rounds_out - coalesce(h.rounds_fired, 0) - h.rounds_back > 0;
--> statement-breakpoint
UPDATE `ammo_lots` SET `count_received` = `count_on_hand` - coalesce((SELECT sum(m.`delta`) FROM `ammo_movements` m WHERE m.`lot_id` = `ammo_lots`.`id`), 0);
--> statement-breakpoint
INSERT INTO `ammo_movements` (`id`, `production_id`, `lot_id`, `kind`, `delta`, `rounds`, `handoff_id`, `reason`, `by_id`, `at`)
SELECT 'backfill-received-' || l.id, l.production_id, l.id, 'received', l.count_received, l.count_received, NULL, 'Recorded before the ledger: rebuilt from the lot''s hand-offs.', l.inspected_by_id, l.inspected_at
FROM `ammo_lots` l;
