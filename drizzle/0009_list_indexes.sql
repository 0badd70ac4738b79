CREATE INDEX `decisions_initiative_idx` ON `decisions` (`initiative_id`);--> statement-breakpoint
CREATE INDEX `result_reports_status_idx` ON `result_reports` (`status`,`submitted_at`);