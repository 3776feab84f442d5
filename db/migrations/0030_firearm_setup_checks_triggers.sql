-- Hand-written (ARCHITECTURE.md: performance budget, growth): firearm_setup_checks holds each
-- weapon's newest before-use check per exact scene text (ties on time: the greater id), kept in
-- the transaction of every write to firearm_checks. A check written is compared with the kept one;
-- a check moved, corrected or removed recomputes the setups it left and joined.
CREATE TRIGGER `firearm_setup_checks_insert` AFTER INSERT ON `firearm_checks` WHEN NEW.phase = 'before_use' BEGIN
  INSERT INTO `firearm_setup_checks` (`firearm_id`, `scene`, `check_id`, `performed_at`, `result`)
    VALUES (NEW.firearm_id, NEW.scene, NEW.id, NEW.performed_at, NEW.result)
    ON CONFLICT (`firearm_id`, `scene`) DO UPDATE SET `check_id` = excluded.check_id, `performed_at` = excluded.performed_at, `result` = excluded.result
    WHERE excluded.performed_at > `firearm_setup_checks`.`performed_at`
       OR (excluded.performed_at = `firearm_setup_checks`.`performed_at` AND excluded.check_id > `firearm_setup_checks`.`check_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `firearm_setup_checks_update` AFTER UPDATE OF `id`, `firearm_id`, `phase`, `scene`, `performed_at`, `result` ON `firearm_checks` BEGIN
  DELETE FROM `firearm_setup_checks` WHERE `firearm_id` = OLD.firearm_id AND `scene` = OLD.scene;
  INSERT INTO `firearm_setup_checks` (`firearm_id`, `scene`, `check_id`, `performed_at`, `result`)
    SELECT `firearm_id`, `scene`, `id`, `performed_at`, `result` FROM `firearm_checks`
    WHERE `firearm_id` = OLD.firearm_id AND `scene` = OLD.scene AND `phase` = 'before_use'
    ORDER BY `performed_at` DESC, `id` DESC LIMIT 1;
  DELETE FROM `firearm_setup_checks` WHERE `firearm_id` = NEW.firearm_id AND `scene` = NEW.scene;
  INSERT INTO `firearm_setup_checks` (`firearm_id`, `scene`, `check_id`, `performed_at`, `result`)
    SELECT `firearm_id`, `scene`, `id`, `performed_at`, `result` FROM `firearm_checks`
    WHERE `firearm_id` = NEW.firearm_id AND `scene` = NEW.scene AND `phase` = 'before_use'
    ORDER BY `performed_at` DESC, `id` DESC LIMIT 1;
END;
--> statement-breakpoint
CREATE TRIGGER `firearm_setup_checks_delete` AFTER DELETE ON `firearm_checks` BEGIN
  DELETE FROM `firearm_setup_checks` WHERE `firearm_id` = OLD.firearm_id AND `scene` = OLD.scene;
  INSERT INTO `firearm_setup_checks` (`firearm_id`, `scene`, `check_id`, `performed_at`, `result`)
    SELECT `firearm_id`, `scene`, `id`, `performed_at`, `result` FROM `firearm_checks`
    WHERE `firearm_id` = OLD.firearm_id AND `scene` = OLD.scene AND `phase` = 'before_use'
    ORDER BY `performed_at` DESC, `id` DESC LIMIT 1;
END;
--> statement-breakpoint
INSERT INTO `firearm_setup_checks` (`firearm_id`, `scene`, `check_id`, `performed_at`, `result`)
  SELECT `firearm_id`, `scene`, `id`, `performed_at`, `result` FROM (
    SELECT `firearm_id`, `scene`, `id`, `performed_at`, `result`,
      row_number() OVER (PARTITION BY `firearm_id`, `scene` ORDER BY `performed_at` DESC, `id` DESC) AS `k`
    FROM `firearm_checks` WHERE `phase` = 'before_use'
  ) WHERE `k` = 1;
