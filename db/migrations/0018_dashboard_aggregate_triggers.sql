-- Dashboard aggregates kept in the write transaction (ARCHITECTURE.md: dashboard aggregates).
-- Hand-written: drizzle-kit declares neither triggers nor WITHOUT ROWID. Triggers keep the tallies
-- exact whatever path writes (cores, drop-box publication, scripts); the tables are rebuilt
-- WITHOUT ROWID so no row keeps an order of arrival (ARCHITECTURE.md: anonymity by order), then
-- filled from the data already there.
DROP TABLE `dashboard_tallies`;--> statement-breakpoint
CREATE TABLE `dashboard_tallies` (
	`production_id` text NOT NULL,
	`figure` text NOT NULL,
	`key` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`production_id`, `figure`, `key`)
) WITHOUT ROWID;--> statement-breakpoint
DROP TABLE `dashboard_pending_checks`;--> statement-breakpoint
CREATE TABLE `dashboard_pending_checks` (
	`production_id` text NOT NULL,
	`performed_at` integer NOT NULL,
	`check_id` text NOT NULL,
	PRIMARY KEY(`production_id`, `performed_at`, `check_id`)
) WITHOUT ROWID;--> statement-breakpoint
CREATE UNIQUE INDEX `dashboard_pending_checks_check` ON `dashboard_pending_checks` (`check_id`);--> statement-breakpoint
DROP TABLE `data_versions`;--> statement-breakpoint
CREATE TABLE `data_versions` (
	`area` text PRIMARY KEY NOT NULL,
	`v` integer NOT NULL
) WITHOUT ROWID;--> statement-breakpoint
CREATE TRIGGER `incidents_tally_insert` AFTER INSERT ON `incidents` BEGIN
  INSERT INTO `dashboard_tallies` (production_id, figure, key, n)
  SELECT NEW.production_id, f, k, 1 FROM (
    SELECT 'open_severity' AS f, NEW.severity AS k WHERE NEW.status <> 'closed'
    UNION ALL SELECT 'open_type', NEW.type WHERE NEW.status <> 'closed'
    UNION ALL SELECT 'untriaged', CASE WHEN NEW.severity = 'critical' OR NEW.type = 'live_ammunition_found' THEN 'stop' ELSE 'other' END
      WHERE NEW.status = 'reported' AND NEW.duplicate_of_id IS NULL
    UNION ALL SELECT 'untriaged', 'open_critical' WHERE NEW.status NOT IN ('reported', 'closed') AND NEW.severity = 'critical' AND NEW.duplicate_of_id IS NULL
  ) WHERE true
  ON CONFLICT (production_id, figure, key) DO UPDATE SET n = n + excluded.n;
END;--> statement-breakpoint
CREATE TRIGGER `incidents_tally_delete` AFTER DELETE ON `incidents` BEGIN
  INSERT INTO `dashboard_tallies` (production_id, figure, key, n)
  SELECT OLD.production_id, f, k, -1 FROM (
    SELECT 'open_severity' AS f, OLD.severity AS k WHERE OLD.status <> 'closed'
    UNION ALL SELECT 'open_type', OLD.type WHERE OLD.status <> 'closed'
    UNION ALL SELECT 'untriaged', CASE WHEN OLD.severity = 'critical' OR OLD.type = 'live_ammunition_found' THEN 'stop' ELSE 'other' END
      WHERE OLD.status = 'reported' AND OLD.duplicate_of_id IS NULL
    UNION ALL SELECT 'untriaged', 'open_critical' WHERE OLD.status NOT IN ('reported', 'closed') AND OLD.severity = 'critical' AND OLD.duplicate_of_id IS NULL
  ) WHERE true
  ON CONFLICT (production_id, figure, key) DO UPDATE SET n = n + excluded.n;
END;--> statement-breakpoint
CREATE TRIGGER `incidents_tally_update` AFTER UPDATE OF production_id, status, severity, type, duplicate_of_id ON `incidents` BEGIN
  INSERT INTO `dashboard_tallies` (production_id, figure, key, n)
  SELECT OLD.production_id, f, k, -1 FROM (
    SELECT 'open_severity' AS f, OLD.severity AS k WHERE OLD.status <> 'closed'
    UNION ALL SELECT 'open_type', OLD.type WHERE OLD.status <> 'closed'
    UNION ALL SELECT 'untriaged', CASE WHEN OLD.severity = 'critical' OR OLD.type = 'live_ammunition_found' THEN 'stop' ELSE 'other' END
      WHERE OLD.status = 'reported' AND OLD.duplicate_of_id IS NULL
    UNION ALL SELECT 'untriaged', 'open_critical' WHERE OLD.status NOT IN ('reported', 'closed') AND OLD.severity = 'critical' AND OLD.duplicate_of_id IS NULL
  ) WHERE true
  ON CONFLICT (production_id, figure, key) DO UPDATE SET n = n + excluded.n;
  INSERT INTO `dashboard_tallies` (production_id, figure, key, n)
  SELECT NEW.production_id, f, k, 1 FROM (
    SELECT 'open_severity' AS f, NEW.severity AS k WHERE NEW.status <> 'closed'
    UNION ALL SELECT 'open_type', NEW.type WHERE NEW.status <> 'closed'
    UNION ALL SELECT 'untriaged', CASE WHEN NEW.severity = 'critical' OR NEW.type = 'live_ammunition_found' THEN 'stop' ELSE 'other' END
      WHERE NEW.status = 'reported' AND NEW.duplicate_of_id IS NULL
    UNION ALL SELECT 'untriaged', 'open_critical' WHERE NEW.status NOT IN ('reported', 'closed') AND NEW.severity = 'critical' AND NEW.duplicate_of_id IS NULL
  ) WHERE true
  ON CONFLICT (production_id, figure, key) DO UPDATE SET n = n + excluded.n;
END;--> statement-breakpoint
CREATE TRIGGER `check_witnesses_pending_insert` AFTER INSERT ON `check_witnesses`
  WHEN NEW.confirmed_at IS NULL AND NEW.declined_at IS NULL BEGIN
  INSERT OR IGNORE INTO `dashboard_pending_checks` (production_id, performed_at, check_id)
    SELECT c.production_id, c.performed_at, c.id FROM firearm_checks c WHERE c.id = NEW.check_id;
END;--> statement-breakpoint
CREATE TRIGGER `check_witnesses_pending_update` AFTER UPDATE OF check_id, confirmed_at, declined_at ON `check_witnesses` BEGIN
  DELETE FROM `dashboard_pending_checks` WHERE check_id = OLD.check_id;
  INSERT INTO `dashboard_pending_checks` (production_id, performed_at, check_id)
    SELECT c.production_id, c.performed_at, c.id FROM firearm_checks c
    WHERE c.id = OLD.check_id AND EXISTS (SELECT 1 FROM check_witnesses w WHERE w.check_id = OLD.check_id AND w.confirmed_at IS NULL AND w.declined_at IS NULL);
  DELETE FROM `dashboard_pending_checks` WHERE check_id = NEW.check_id;
  INSERT INTO `dashboard_pending_checks` (production_id, performed_at, check_id)
    SELECT c.production_id, c.performed_at, c.id FROM firearm_checks c
    WHERE c.id = NEW.check_id AND EXISTS (SELECT 1 FROM check_witnesses w WHERE w.check_id = NEW.check_id AND w.confirmed_at IS NULL AND w.declined_at IS NULL);
END;--> statement-breakpoint
CREATE TRIGGER `check_witnesses_pending_delete` AFTER DELETE ON `check_witnesses` BEGIN
  DELETE FROM `dashboard_pending_checks` WHERE check_id = OLD.check_id;
  INSERT INTO `dashboard_pending_checks` (production_id, performed_at, check_id)
    SELECT c.production_id, c.performed_at, c.id FROM firearm_checks c
    WHERE c.id = OLD.check_id AND EXISTS (SELECT 1 FROM check_witnesses w WHERE w.check_id = OLD.check_id AND w.confirmed_at IS NULL AND w.declined_at IS NULL);
END;--> statement-breakpoint
CREATE TRIGGER `firearm_checks_pending_insert` AFTER INSERT ON `firearm_checks` BEGIN
  DELETE FROM `dashboard_pending_checks` WHERE check_id = NEW.id;
  INSERT INTO `dashboard_pending_checks` (production_id, performed_at, check_id)
    SELECT c.production_id, c.performed_at, c.id FROM firearm_checks c
    WHERE c.id = NEW.id AND EXISTS (SELECT 1 FROM check_witnesses w WHERE w.check_id = NEW.id AND w.confirmed_at IS NULL AND w.declined_at IS NULL);
END;--> statement-breakpoint
CREATE TRIGGER `firearm_checks_pending_update` AFTER UPDATE OF id, production_id, performed_at ON `firearm_checks` BEGIN
  DELETE FROM `dashboard_pending_checks` WHERE check_id = OLD.id;
  DELETE FROM `dashboard_pending_checks` WHERE check_id = NEW.id;
  INSERT INTO `dashboard_pending_checks` (production_id, performed_at, check_id)
    SELECT c.production_id, c.performed_at, c.id FROM firearm_checks c
    WHERE c.id = NEW.id AND EXISTS (SELECT 1 FROM check_witnesses w WHERE w.check_id = NEW.id AND w.confirmed_at IS NULL AND w.declined_at IS NULL);
END;--> statement-breakpoint
CREATE TRIGGER `firearm_checks_pending_delete` AFTER DELETE ON `firearm_checks` BEGIN
  DELETE FROM `dashboard_pending_checks` WHERE check_id = OLD.id;
END;--> statement-breakpoint
CREATE TRIGGER `firearms_version_insert` AFTER INSERT ON `firearms` BEGIN
  INSERT INTO `data_versions` (area, v) VALUES ('firearms', 1) ON CONFLICT (area) DO UPDATE SET v = v + 1;
END;--> statement-breakpoint
CREATE TRIGGER `firearms_version_update` AFTER UPDATE ON `firearms` BEGIN
  INSERT INTO `data_versions` (area, v) VALUES ('firearms', 1) ON CONFLICT (area) DO UPDATE SET v = v + 1;
END;--> statement-breakpoint
CREATE TRIGGER `firearms_version_delete` AFTER DELETE ON `firearms` BEGIN
  INSERT INTO `data_versions` (area, v) VALUES ('firearms', 1) ON CONFLICT (area) DO UPDATE SET v = v + 1;
END;--> statement-breakpoint
CREATE TRIGGER `firearm_checks_version_insert` AFTER INSERT ON `firearm_checks` BEGIN
  INSERT INTO `data_versions` (area, v) VALUES ('firearms', 1) ON CONFLICT (area) DO UPDATE SET v = v + 1;
END;--> statement-breakpoint
CREATE TRIGGER `firearm_checks_version_update` AFTER UPDATE ON `firearm_checks` BEGIN
  INSERT INTO `data_versions` (area, v) VALUES ('firearms', 1) ON CONFLICT (area) DO UPDATE SET v = v + 1;
END;--> statement-breakpoint
CREATE TRIGGER `firearm_checks_version_delete` AFTER DELETE ON `firearm_checks` BEGIN
  INSERT INTO `data_versions` (area, v) VALUES ('firearms', 1) ON CONFLICT (area) DO UPDATE SET v = v + 1;
END;--> statement-breakpoint
CREATE TRIGGER `check_witnesses_version_insert` AFTER INSERT ON `check_witnesses` BEGIN
  INSERT INTO `data_versions` (area, v) VALUES ('firearms', 1) ON CONFLICT (area) DO UPDATE SET v = v + 1;
END;--> statement-breakpoint
CREATE TRIGGER `check_witnesses_version_update` AFTER UPDATE ON `check_witnesses` BEGIN
  INSERT INTO `data_versions` (area, v) VALUES ('firearms', 1) ON CONFLICT (area) DO UPDATE SET v = v + 1;
END;--> statement-breakpoint
CREATE TRIGGER `check_witnesses_version_delete` AFTER DELETE ON `check_witnesses` BEGIN
  INSERT INTO `data_versions` (area, v) VALUES ('firearms', 1) ON CONFLICT (area) DO UPDATE SET v = v + 1;
END;--> statement-breakpoint
CREATE TRIGGER `handoffs_version_insert` AFTER INSERT ON `handoffs` BEGIN
  INSERT INTO `data_versions` (area, v) VALUES ('firearms', 1) ON CONFLICT (area) DO UPDATE SET v = v + 1;
END;--> statement-breakpoint
CREATE TRIGGER `handoffs_version_update` AFTER UPDATE ON `handoffs` BEGIN
  INSERT INTO `data_versions` (area, v) VALUES ('firearms', 1) ON CONFLICT (area) DO UPDATE SET v = v + 1;
END;--> statement-breakpoint
CREATE TRIGGER `handoffs_version_delete` AFTER DELETE ON `handoffs` BEGIN
  INSERT INTO `data_versions` (area, v) VALUES ('firearms', 1) ON CONFLICT (area) DO UPDATE SET v = v + 1;
END;--> statement-breakpoint
CREATE TRIGGER `refused_handoffs_version_insert` AFTER INSERT ON `refused_handoffs` BEGIN
  INSERT INTO `data_versions` (area, v) VALUES ('firearms', 1) ON CONFLICT (area) DO UPDATE SET v = v + 1;
END;--> statement-breakpoint
CREATE TRIGGER `refused_handoffs_version_update` AFTER UPDATE ON `refused_handoffs` BEGIN
  INSERT INTO `data_versions` (area, v) VALUES ('firearms', 1) ON CONFLICT (area) DO UPDATE SET v = v + 1;
END;--> statement-breakpoint
CREATE TRIGGER `refused_handoffs_version_delete` AFTER DELETE ON `refused_handoffs` BEGIN
  INSERT INTO `data_versions` (area, v) VALUES ('firearms', 1) ON CONFLICT (area) DO UPDATE SET v = v + 1;
END;--> statement-breakpoint
INSERT INTO `dashboard_tallies` (production_id, figure, key, n)
  SELECT production_id, 'open_severity', severity, count(*) FROM incidents WHERE status <> 'closed' GROUP BY production_id, severity
  UNION ALL SELECT production_id, 'open_type', type, count(*) FROM incidents WHERE status <> 'closed' GROUP BY production_id, type
  UNION ALL SELECT production_id, 'untriaged', CASE WHEN severity = 'critical' OR type = 'live_ammunition_found' THEN 'stop' ELSE 'other' END, count(*)
    FROM incidents WHERE status = 'reported' AND duplicate_of_id IS NULL GROUP BY 1, 3
  UNION ALL SELECT production_id, 'untriaged', 'open_critical', count(*) FROM incidents
    WHERE status NOT IN ('reported', 'closed') AND severity = 'critical' AND duplicate_of_id IS NULL GROUP BY production_id;--> statement-breakpoint
INSERT INTO `dashboard_pending_checks` (production_id, performed_at, check_id)
  SELECT c.production_id, c.performed_at, c.id FROM firearm_checks c
  WHERE EXISTS (SELECT 1 FROM check_witnesses w WHERE w.check_id = c.id AND w.confirmed_at IS NULL AND w.declined_at IS NULL);--> statement-breakpoint
INSERT INTO `data_versions` (area, v) VALUES ('firearms', 1);
