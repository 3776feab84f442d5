-- The firearms report's figures (ARCHITECTURE.md: performance budget). The indexes came from
-- drizzle-kit; the triggers are hand-written, as every tally's (ARCHITECTURE.md: dashboard
-- aggregates): checks by phase and result, and witnesses named, confirmed, declined and still
-- awaited, kept per production in dashboard_tallies by the writing transaction, so the report
-- reads eight rows where it counted a million checks and their witnesses (seconds at full scale).
-- incidents_production_kind replaces incidents_production_type (same leading columns), so a
-- filing writes no more index entries than before.
DROP INDEX `incidents_production_type`;--> statement-breakpoint
CREATE INDEX `incidents_production_kind` ON `incidents` (`production_id`,`type`,`severity`,`status`,`duplicate_of_id`,`id`);--> statement-breakpoint
CREATE INDEX `firearm_checks_failed` ON `firearm_checks` (`production_id`,`performed_at`,`id`,`firearm_id`,`scene`,`phase`,`performed_by_id`,`findings`) WHERE result = 'fail';--> statement-breakpoint
CREATE INDEX `check_witnesses_declined` ON `check_witnesses` (`declined_at`) WHERE declined_at is not null;--> statement-breakpoint
CREATE INDEX `handoffs_production_rounds` ON `handoffs` (`production_id`,`firearm_id`,`ammo_lot_id`,`returned_at`,`rounds_out`,`rounds_fired`,`rounds_back`);--> statement-breakpoint
CREATE TRIGGER `firearm_checks_kind_tally_insert` AFTER INSERT ON `firearm_checks` BEGIN
  INSERT INTO `dashboard_tallies` (production_id, figure, key, n) VALUES (NEW.production_id, 'check_kind', NEW.phase || ' ' || NEW.result, 1)
    ON CONFLICT (production_id, figure, key) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `firearm_checks_kind_tally_delete` AFTER DELETE ON `firearm_checks` BEGIN
  UPDATE `dashboard_tallies` SET n = n - 1 WHERE production_id = OLD.production_id AND figure = 'check_kind' AND key = OLD.phase || ' ' || OLD.result;
  -- Witness rows left behind by a deleted check no longer count (they join no check).
  UPDATE `dashboard_tallies` SET n = n - (
      SELECT count(*) FROM `check_witnesses` w WHERE w.check_id = OLD.id AND (
        key = 'named' OR (key = 'confirmed' AND w.confirmed_at IS NOT NULL) OR (key = 'declined' AND w.declined_at IS NOT NULL)
        OR (key = 'awaited' AND w.confirmed_at IS NULL AND w.declined_at IS NULL)))
    WHERE production_id = OLD.production_id AND figure = 'witness';
END;
--> statement-breakpoint
CREATE TRIGGER `firearm_checks_kind_tally_update` AFTER UPDATE OF id, production_id, phase, result ON `firearm_checks` BEGIN
  UPDATE `dashboard_tallies` SET n = n - 1 WHERE production_id = OLD.production_id AND figure = 'check_kind' AND key = OLD.phase || ' ' || OLD.result;
  INSERT INTO `dashboard_tallies` (production_id, figure, key, n) VALUES (NEW.production_id, 'check_kind', NEW.phase || ' ' || NEW.result, 1)
    ON CONFLICT (production_id, figure, key) DO UPDATE SET n = n + 1;
  UPDATE `dashboard_tallies` SET n = n - (
      SELECT count(*) FROM `check_witnesses` w WHERE w.check_id = OLD.id AND (
        key = 'named' OR (key = 'confirmed' AND w.confirmed_at IS NOT NULL) OR (key = 'declined' AND w.declined_at IS NOT NULL)
        OR (key = 'awaited' AND w.confirmed_at IS NULL AND w.declined_at IS NULL)))
    WHERE production_id = OLD.production_id AND figure = 'witness';
  INSERT INTO `dashboard_tallies` (production_id, figure, key, n)
    SELECT NEW.production_id, 'witness', k.key, count(*) FROM `check_witnesses` w,
      (SELECT 'named' AS key UNION ALL SELECT 'confirmed' UNION ALL SELECT 'declined' UNION ALL SELECT 'awaited') k
    WHERE w.check_id = NEW.id AND (
      k.key = 'named' OR (k.key = 'confirmed' AND w.confirmed_at IS NOT NULL) OR (k.key = 'declined' AND w.declined_at IS NOT NULL)
      OR (k.key = 'awaited' AND w.confirmed_at IS NULL AND w.declined_at IS NULL))
    GROUP BY k.key
    ON CONFLICT (production_id, figure, key) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `check_witnesses_tally_insert` AFTER INSERT ON `check_witnesses` BEGIN
  INSERT INTO `dashboard_tallies` (production_id, figure, key, n)
    SELECT c.production_id, 'witness', k.key, 1 FROM `firearm_checks` c,
      (SELECT 'named' AS key UNION ALL SELECT 'confirmed' WHERE NEW.confirmed_at IS NOT NULL UNION ALL SELECT 'declined' WHERE NEW.declined_at IS NOT NULL
        UNION ALL SELECT 'awaited' WHERE NEW.confirmed_at IS NULL AND NEW.declined_at IS NULL) k
    WHERE c.id = NEW.check_id
    ON CONFLICT (production_id, figure, key) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `check_witnesses_tally_delete` AFTER DELETE ON `check_witnesses` BEGIN
  UPDATE `dashboard_tallies` SET n = n - 1
    WHERE figure = 'witness' AND production_id = (SELECT production_id FROM `firearm_checks` WHERE id = OLD.check_id) AND (
      key = 'named' OR (key = 'confirmed' AND OLD.confirmed_at IS NOT NULL) OR (key = 'declined' AND OLD.declined_at IS NOT NULL)
      OR (key = 'awaited' AND OLD.confirmed_at IS NULL AND OLD.declined_at IS NULL));
END;
--> statement-breakpoint
CREATE TRIGGER `check_witnesses_tally_update` AFTER UPDATE OF check_id, confirmed_at, declined_at ON `check_witnesses` BEGIN
  UPDATE `dashboard_tallies` SET n = n - 1
    WHERE figure = 'witness' AND production_id = (SELECT production_id FROM `firearm_checks` WHERE id = OLD.check_id) AND (
      key = 'named' OR (key = 'confirmed' AND OLD.confirmed_at IS NOT NULL) OR (key = 'declined' AND OLD.declined_at IS NOT NULL)
      OR (key = 'awaited' AND OLD.confirmed_at IS NULL AND OLD.declined_at IS NULL));
  INSERT INTO `dashboard_tallies` (production_id, figure, key, n)
    SELECT c.production_id, 'witness', k.key, 1 FROM `firearm_checks` c,
      (SELECT 'named' AS key UNION ALL SELECT 'confirmed' WHERE NEW.confirmed_at IS NOT NULL UNION ALL SELECT 'declined' WHERE NEW.declined_at IS NOT NULL
        UNION ALL SELECT 'awaited' WHERE NEW.confirmed_at IS NULL AND NEW.declined_at IS NULL) k
    WHERE c.id = NEW.check_id
    ON CONFLICT (production_id, figure, key) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
INSERT INTO `dashboard_tallies` (production_id, figure, key, n)
  SELECT production_id, 'check_kind', phase || ' ' || result, count(*) FROM `firearm_checks` GROUP BY production_id, phase, result;
--> statement-breakpoint
INSERT INTO `dashboard_tallies` (production_id, figure, key, n)
  SELECT c.production_id, 'witness', k.key, sum(
      CASE k.key WHEN 'named' THEN 1 WHEN 'confirmed' THEN w.confirmed_at IS NOT NULL WHEN 'declined' THEN w.declined_at IS NOT NULL
        ELSE w.confirmed_at IS NULL AND w.declined_at IS NULL END)
  FROM `check_witnesses` w JOIN `firearm_checks` c ON c.id = w.check_id,
    (SELECT 'named' AS key UNION ALL SELECT 'confirmed' UNION ALL SELECT 'declined' UNION ALL SELECT 'awaited') k
  GROUP BY c.production_id, k.key;
