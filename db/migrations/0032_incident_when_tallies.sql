-- Hand-written after drizzle-kit's CREATE TABLE (ARCHITECTURE.md: dashboard aggregates): the
-- incidents-per-week chart and the unassigned count are kept in the writing transaction, so a
-- dashboard recomputed after a filing sums a few rows instead of counting a quarter's incidents.
-- WITHOUT ROWID, as every tally: no row keeps an order of arrival (ARCHITECTURE.md: anonymity by
-- order). The firearm type list is spelled as in incidents_production_firearm_when.
CREATE TABLE `incident_when_tallies` (
	`production_id` text NOT NULL,
	`bucket` integer NOT NULL,
	`firearm` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`production_id`, `bucket`, `firearm`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER `incidents_when_tally_insert` AFTER INSERT ON `incidents` WHEN NEW.duplicate_of_id IS NULL BEGIN
  INSERT INTO `incident_when_tallies` (production_id, bucket, firearm, n)
    VALUES (NEW.production_id, coalesce(NEW.occurred_at, NEW.reported_at) / 3600000,
            NEW.type IN ('accidental_discharge', 'misfire_malfunction', 'live_ammunition_found', 'custody_breach'), 1)
    ON CONFLICT (production_id, bucket, firearm) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `incidents_when_tally_delete` AFTER DELETE ON `incidents` WHEN OLD.duplicate_of_id IS NULL BEGIN
  UPDATE `incident_when_tallies` SET n = n - 1
    WHERE production_id = OLD.production_id AND bucket = coalesce(OLD.occurred_at, OLD.reported_at) / 3600000
      AND firearm = (OLD.type IN ('accidental_discharge', 'misfire_malfunction', 'live_ammunition_found', 'custody_breach'));
END;
--> statement-breakpoint
CREATE TRIGGER `incidents_when_tally_update` AFTER UPDATE OF production_id, occurred_at, reported_at, type, duplicate_of_id ON `incidents` BEGIN
  UPDATE `incident_when_tallies` SET n = n - 1
    WHERE OLD.duplicate_of_id IS NULL AND production_id = OLD.production_id AND bucket = coalesce(OLD.occurred_at, OLD.reported_at) / 3600000
      AND firearm = (OLD.type IN ('accidental_discharge', 'misfire_malfunction', 'live_ammunition_found', 'custody_breach'));
  INSERT INTO `incident_when_tallies` (production_id, bucket, firearm, n)
    SELECT NEW.production_id, coalesce(NEW.occurred_at, NEW.reported_at) / 3600000,
           NEW.type IN ('accidental_discharge', 'misfire_malfunction', 'live_ammunition_found', 'custody_breach'), 1
    WHERE NEW.duplicate_of_id IS NULL
    ON CONFLICT (production_id, bucket, firearm) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
INSERT INTO `incident_when_tallies` (production_id, bucket, firearm, n)
  SELECT production_id, coalesce(occurred_at, reported_at) / 3600000,
         type IN ('accidental_discharge', 'misfire_malfunction', 'live_ammunition_found', 'custody_breach'), count(*)
  FROM incidents WHERE duplicate_of_id IS NULL GROUP BY 1, 2, 3;
--> statement-breakpoint
-- Open reports nobody owns: dashboard_tallies figure 'open_unassigned', key ''. The tally triggers
-- of 0018 do not watch owner_id, so these are their own.
CREATE TRIGGER `incidents_unassigned_tally_insert` AFTER INSERT ON `incidents` WHEN NEW.owner_id IS NULL AND NEW.status <> 'closed' BEGIN
  INSERT INTO `dashboard_tallies` (production_id, figure, key, n) VALUES (NEW.production_id, 'open_unassigned', '', 1)
    ON CONFLICT (production_id, figure, key) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `incidents_unassigned_tally_delete` AFTER DELETE ON `incidents` WHEN OLD.owner_id IS NULL AND OLD.status <> 'closed' BEGIN
  UPDATE `dashboard_tallies` SET n = n - 1 WHERE production_id = OLD.production_id AND figure = 'open_unassigned' AND key = '';
END;
--> statement-breakpoint
CREATE TRIGGER `incidents_unassigned_tally_update` AFTER UPDATE OF production_id, owner_id, status ON `incidents` BEGIN
  UPDATE `dashboard_tallies` SET n = n - 1
    WHERE OLD.owner_id IS NULL AND OLD.status <> 'closed' AND production_id = OLD.production_id AND figure = 'open_unassigned' AND key = '';
  INSERT INTO `dashboard_tallies` (production_id, figure, key, n)
    SELECT NEW.production_id, 'open_unassigned', '', 1 WHERE NEW.owner_id IS NULL AND NEW.status <> 'closed'
    ON CONFLICT (production_id, figure, key) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
INSERT INTO `dashboard_tallies` (production_id, figure, key, n)
  SELECT production_id, 'open_unassigned', '', count(*) FROM incidents WHERE owner_id IS NULL AND status <> 'closed' GROUP BY production_id;
