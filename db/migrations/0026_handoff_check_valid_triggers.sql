-- Hand-written (ARCHITECTURE.md: performance budget, kept aggregates): handoffs.check_valid is 1
-- when the hand-off went out on a valid check by rule 2 as the record stands: the check is a passed
-- before-use check of that weapon, done before the hand-off and after the weapon's previous return,
-- with at least one witness and every witness confirmed before the hand-off. The dashboard's
-- compliance figure used to evaluate this for every hand-off of the window on each view; the
-- triggers below keep it per row, in the transaction of any write that can change it. The test is
-- written once, as the view handoff_check_validity, which every trigger reads for its rows.
CREATE VIEW `handoff_check_validity` AS SELECT h.id AS `id`, (
    exists (select 1 from firearm_checks c where c.id = h.check_id
      and c.result = 'pass' and c.phase = 'before_use' and c.firearm_id = h.firearm_id and c.performed_at <= h.handed_at
      and exists (select 1 from check_witnesses w where w.check_id = c.id)
      and not exists (select 1 from check_witnesses w where w.check_id = c.id and (w.confirmed_at is null or w.confirmed_at > h.handed_at))
      and coalesce((select p.returned_at from handoffs p where p.firearm_id = h.firearm_id and p.handed_at < h.handed_at
                    order by p.handed_at desc limit 1), 0) <= c.performed_at)) AS `valid`
  FROM `handoffs` h;
--> statement-breakpoint
CREATE TRIGGER `handoffs_check_valid_insert` AFTER INSERT ON `handoffs` BEGIN
  UPDATE `handoffs` SET `check_valid` = (SELECT `valid` FROM `handoff_check_validity` v WHERE v.id = `handoffs`.`id`)
  WHERE `firearm_id` = NEW.firearm_id AND `handed_at` >= NEW.handed_at;
END;
--> statement-breakpoint
CREATE TRIGGER `handoffs_check_valid_update` AFTER UPDATE OF `firearm_id`, `check_id`, `handed_at`, `returned_at` ON `handoffs` BEGIN
  UPDATE `handoffs` SET `check_valid` = (SELECT `valid` FROM `handoff_check_validity` v WHERE v.id = `handoffs`.`id`)
  WHERE `firearm_id` IN (OLD.firearm_id, NEW.firearm_id) AND `handed_at` >= min(OLD.handed_at, NEW.handed_at);
END;
--> statement-breakpoint
CREATE TRIGGER `handoffs_check_valid_delete` AFTER DELETE ON `handoffs` BEGIN
  UPDATE `handoffs` SET `check_valid` = (SELECT `valid` FROM `handoff_check_validity` v WHERE v.id = `handoffs`.`id`)
  WHERE `firearm_id` = OLD.firearm_id AND `handed_at` > OLD.handed_at;
END;
--> statement-breakpoint
CREATE TRIGGER `handoffs_check_valid_check_update` AFTER UPDATE OF `firearm_id`, `phase`, `result`, `performed_at` ON `firearm_checks` BEGIN
  UPDATE `handoffs` SET `check_valid` = (SELECT `valid` FROM `handoff_check_validity` v WHERE v.id = `handoffs`.`id`)
  WHERE `check_id` = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `handoffs_check_valid_witness_insert` AFTER INSERT ON `check_witnesses` BEGIN
  UPDATE `handoffs` SET `check_valid` = (SELECT `valid` FROM `handoff_check_validity` v WHERE v.id = `handoffs`.`id`)
  WHERE `check_id` = NEW.check_id;
END;
--> statement-breakpoint
CREATE TRIGGER `handoffs_check_valid_witness_update` AFTER UPDATE OF `check_id`, `confirmed_at` ON `check_witnesses` BEGIN
  UPDATE `handoffs` SET `check_valid` = (SELECT `valid` FROM `handoff_check_validity` v WHERE v.id = `handoffs`.`id`)
  WHERE `check_id` IN (OLD.check_id, NEW.check_id);
END;
--> statement-breakpoint
CREATE TRIGGER `handoffs_check_valid_witness_delete` AFTER DELETE ON `check_witnesses` BEGIN
  UPDATE `handoffs` SET `check_valid` = (SELECT `valid` FROM `handoff_check_validity` v WHERE v.id = `handoffs`.`id`)
  WHERE `check_id` = OLD.check_id;
END;
--> statement-breakpoint
-- The record as it stands when this runs.
UPDATE `handoffs` SET `check_valid` = (SELECT `valid` FROM `handoff_check_validity` v WHERE v.id = `handoffs`.`id`);
