-- Hand-written (ARCHITECTURE.md: performance budget, growth): the audit screen's filter options
-- were counted once per process over the whole chain (5.6 s at 2M entries, every request waiting),
-- then topped up. The counts are now kept as entries are written. audit_log is append-only (its
-- triggers refuse UPDATE and DELETE), so an insert trigger is all it takes.
CREATE TRIGGER `audit_option_counts_insert` AFTER INSERT ON `audit_log` BEGIN
  INSERT INTO `audit_option_counts` (`chain`, `entity`, `action`, `actor_key`, `label`, `n`)
  VALUES (NEW.chain, NEW.entity, NEW.action, coalesce(NEW.actor_id, ''), NEW.actor_label, 1)
  ON CONFLICT (`chain`, `entity`, `action`, `actor_key`) DO UPDATE SET `n` = `n` + 1, `label` = max(`label`, excluded.`label`);
END;
--> statement-breakpoint
INSERT INTO `audit_option_counts` (`chain`, `entity`, `action`, `actor_key`, `label`, `n`)
  SELECT `chain`, `entity`, `action`, coalesce(`actor_id`, ''), max(`actor_label`), count(*)
  FROM `audit_log` GROUP BY `chain`, `entity`, `action`, coalesce(`actor_id`, '');
