-- Hand-written data move (ARCHITECTURE.md: OSHA recordkeeping): every Form 301 section kept in
-- incident_injuries (one per incident) becomes injured person 1 of its incident, keeping every
-- field and clock. It runs before the migration that drops incident_injuries. The new id is a
-- random version-4 UUID, as the app makes them.
INSERT INTO `injured_people` (
	`id`, `incident_id`, `ordinal`,
	`employee_name`, `employee_address`, `employee_birth_date`, `employee_hired_date`, `employee_sex`,
	`physician_name`, `facility_name_address`, `emergency_room`, `hospitalized_inpatient`,
	`case_number`, `time_began_work`, `activity_before`, `how_occurred`, `injury_description`, `harming_object`,
	`died`, `death_date`, `amputation`, `loss_of_eye`,
	`osha_reported_at`, `form301_completed_at`, `completed_by`, `completed_title`, `completed_phone`, `updated_at`
)
SELECT
	lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
		|| substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
	`incident_id`, 1,
	`employee_name`, `employee_address`, `employee_birth_date`, `employee_hired_date`, `employee_sex`,
	`physician_name`, `facility_name_address`, `emergency_room`, `hospitalized_inpatient`,
	`case_number`, `time_began_work`, `activity_before`, `how_occurred`, `injury_description`, `harming_object`,
	`died`, `death_date`, `amputation`, `loss_of_eye`,
	`osha_reported_at`, `form301_completed_at`, `completed_by`, `completed_title`, `completed_phone`, `updated_at`
FROM `incident_injuries`;
