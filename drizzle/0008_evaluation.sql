CREATE TABLE `conflicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`initiative_id` integer NOT NULL,
	`reason` text NOT NULL,
	`declared_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conflicts_uq` ON `conflicts` (`initiative_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `council_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`council_id` integer NOT NULL,
	`initiative_id` integer NOT NULL,
	`version` integer NOT NULL,
	`due_on` text NOT NULL,
	`assigned_by` integer NOT NULL,
	`assigned_at` text NOT NULL,
	FOREIGN KEY (`council_id`) REFERENCES `councils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `council_items_version_uq` ON `council_items` (`initiative_id`,`version`);--> statement-breakpoint
CREATE INDEX `council_items_council_idx` ON `council_items` (`council_id`);--> statement-breakpoint
CREATE TABLE `council_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`council_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`role` text NOT NULL,
	`added_by` integer NOT NULL,
	`added_at` text NOT NULL,
	`removed_at` text,
	FOREIGN KEY (`council_id`) REFERENCES `councils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `council_members_uq` ON `council_members` (`council_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `council_members_person_idx` ON `council_members` (`person_id`);--> statement-breakpoint
CREATE TABLE `councils` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`name` text NOT NULL,
	`period_year` integer NOT NULL,
	`period_quarter` integer,
	`rubric_id` integer NOT NULL,
	`spread_limit` integer DEFAULT 20 NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rubric_id`) REFERENCES `rubrics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `councils_org_idx` ON `councils` (`org_id`,`period_year`);--> statement-breakpoint
CREATE TABLE `credit_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`decision_id` integer NOT NULL,
	`initiative_id` integer NOT NULL,
	`person_id` integer,
	`author_name` text NOT NULL,
	`org_id` integer,
	`level` text NOT NULL,
	`period_year` integer NOT NULL,
	`share_bp` integer NOT NULL,
	`points` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credit_entries_person_idx` ON `credit_entries` (`person_id`,`period_year`);--> statement-breakpoint
CREATE INDEX `credit_entries_org_idx` ON `credit_entries` (`org_id`,`period_year`);--> statement-breakpoint
CREATE INDEX `credit_entries_decision_idx` ON `credit_entries` (`decision_id`);--> statement-breakpoint
CREATE TABLE `credit_rules` (
	`level` text PRIMARY KEY NOT NULL,
	`points` integer NOT NULL,
	`updated_by` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`council_id` integer NOT NULL,
	`org_id` integer NOT NULL,
	`initiative_id` integer NOT NULL,
	`version` integer NOT NULL,
	`outcome` text NOT NULL,
	`level` text,
	`reason` text DEFAULT '' NOT NULL,
	`number` text NOT NULL,
	`decided_on` text NOT NULL,
	`signer_name` text NOT NULL,
	`signer_title` text NOT NULL,
	`corrects_id` integer,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`council_id`) REFERENCES `councils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_original_uq` ON `decisions` (`initiative_id`,`version`) WHERE corrects_id IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_corrects_uq` ON `decisions` (`corrects_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_number_uq` ON `decisions` (`org_id`,`number`);--> statement-breakpoint
CREATE INDEX `decisions_council_idx` ON `decisions` (`council_id`);--> statement-breakpoint
CREATE TABLE `evaluation_scores` (
	`evaluation_id` integer NOT NULL,
	`criterion_id` integer NOT NULL,
	`half_points` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`evaluation_id`, `criterion_id`),
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`criterion_id`) REFERENCES `rubric_criteria`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `evaluations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`evaluator_id` integer NOT NULL,
	`status` text DEFAULT 'assigned' NOT NULL,
	`due_on` text NOT NULL,
	`assigned_by` integer NOT NULL,
	`assigned_at` text NOT NULL,
	`saved_at` text,
	`submitted_at` text,
	`total_half_points` integer,
	`reopened_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `council_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluator_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluations_uq` ON `evaluations` (`item_id`,`evaluator_id`);--> statement-breakpoint
CREATE INDEX `evaluations_evaluator_idx` ON `evaluations` (`evaluator_id`,`status`,`due_on`);--> statement-breakpoint
CREATE TABLE `holidays` (
	`date` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `proposal_votes` (
	`proposal_id` integer NOT NULL,
	`voter_id` integer NOT NULL,
	`vote` text NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	PRIMARY KEY(`proposal_id`, `voter_id`),
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voter_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`decider_org_id` integer NOT NULL,
	`proposer_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`title` text NOT NULL,
	`necessity` text DEFAULT '' NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`scope` text DEFAULT '' NOT NULL,
	`duration` text DEFAULT '' NOT NULL,
	`resources` text DEFAULT '' NOT NULL,
	`feasibility` text DEFAULT '' NOT NULL,
	`impacts` text DEFAULT '' NOT NULL,
	`submitted_at` text,
	`vote_due_on` text,
	`decided_at` text,
	`decided_by` integer,
	`votes_for` integer,
	`votes_against` integer,
	`head_override` integer DEFAULT false NOT NULL,
	`override_note` text DEFAULT '' NOT NULL,
	`implementation_ended_on` text,
	`report_due_on` text,
	`report` text DEFAULT '' NOT NULL,
	`reported_at` text,
	`evaluation_due_on` text,
	`completion` text,
	`causes` text DEFAULT '' NOT NULL,
	`damage` integer,
	`protection_tier` text,
	`evaluated_by` integer,
	`evaluated_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decider_org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposer_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluated_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `proposals_decider_idx` ON `proposals` (`decider_org_id`,`status`);--> statement-breakpoint
CREATE INDEX `proposals_proposer_idx` ON `proposals` (`proposer_id`);--> statement-breakpoint
CREATE TABLE `report_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` integer NOT NULL,
	`uploaded_at` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `result_reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_files_report_idx` ON `report_files` (`report_id`);--> statement-breakpoint
CREATE TABLE `result_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`initiative_id` integer NOT NULL,
	`measured_benefit` text NOT NULL,
	`applied_from` text,
	`status` text DEFAULT 'submitted' NOT NULL,
	`submitted_by` integer NOT NULL,
	`submitted_at` text NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`decision_note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `result_reports_initiative_idx` ON `result_reports` (`initiative_id`,`status`);--> statement-breakpoint
CREATE TABLE `rubric_criteria` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rubric_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`max_points` integer NOT NULL,
	`guidance` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`rubric_id`) REFERENCES `rubrics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rubric_criteria_uq` ON `rubric_criteria` (`rubric_id`,`position`);--> statement-breakpoint
CREATE TABLE `rubrics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`previous_id` integer,
	`threshold_unit` integer NOT NULL,
	`threshold_ward` integer NOT NULL,
	`threshold_city` integer NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`locked_at` text,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rubrics_org_idx` ON `rubrics` (`org_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `rubrics_previous_uq` ON `rubrics` (`previous_id`);--> statement-breakpoint
-- Decisions and credit entries are records: never updated nor deleted (a correction is a new decision).
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions BEGIN SELECT RAISE(ABORT, 'decisions are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions BEGIN SELECT RAISE(ABORT, 'decisions are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER credit_entries_no_update BEFORE UPDATE ON credit_entries BEGIN SELECT RAISE(ABORT, 'credit entries are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER credit_entries_no_delete BEFORE DELETE ON credit_entries BEGIN SELECT RAISE(ABORT, 'credit entries are immutable'); END;
--> statement-breakpoint
INSERT INTO credit_rules (level, points, updated_at) VALUES ('unit', 200, '2026-01-01T00:00:00.000Z'), ('ward', 500, '2026-01-01T00:00:00.000Z'), ('city', 1000, '2026-01-01T00:00:00.000Z');
--> statement-breakpoint
-- Vietnam's official holidays for 2026 and 2027 (Labour Code 2019, art. 112), with the days in
-- lieu when one falls on a weekend; administrators maintain the list from here on.
INSERT INTO holidays (date, name, created_at) VALUES
  ('2026-01-01', 'Tết Dương lịch', '2026-01-01T00:00:00.000Z'),
  ('2026-02-16', 'Tết Nguyên đán (28 tháng Chạp)', '2026-01-01T00:00:00.000Z'),
  ('2026-02-17', 'Tết Nguyên đán (Mùng 1)', '2026-01-01T00:00:00.000Z'),
  ('2026-02-18', 'Tết Nguyên đán (Mùng 2)', '2026-01-01T00:00:00.000Z'),
  ('2026-02-19', 'Tết Nguyên đán (Mùng 3)', '2026-01-01T00:00:00.000Z'),
  ('2026-02-20', 'Tết Nguyên đán (Mùng 4)', '2026-01-01T00:00:00.000Z'),
  ('2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', '2026-01-01T00:00:00.000Z'),
  ('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương', '2026-01-01T00:00:00.000Z'),
  ('2026-04-30', 'Ngày Chiến thắng', '2026-01-01T00:00:00.000Z'),
  ('2026-05-01', 'Ngày Quốc tế Lao động', '2026-01-01T00:00:00.000Z'),
  ('2026-09-01', 'Quốc khánh (ngày liền kề)', '2026-01-01T00:00:00.000Z'),
  ('2026-09-02', 'Quốc khánh', '2026-01-01T00:00:00.000Z'),
  ('2027-01-01', 'Tết Dương lịch', '2026-01-01T00:00:00.000Z'),
  ('2027-02-05', 'Tết Nguyên đán (30 tháng Chạp)', '2026-01-01T00:00:00.000Z'),
  ('2027-02-06', 'Tết Nguyên đán (Mùng 1)', '2026-01-01T00:00:00.000Z'),
  ('2027-02-07', 'Tết Nguyên đán (Mùng 2)', '2026-01-01T00:00:00.000Z'),
  ('2027-02-08', 'Tết Nguyên đán (Mùng 3)', '2026-01-01T00:00:00.000Z'),
  ('2027-02-09', 'Tết Nguyên đán (Mùng 4)', '2026-01-01T00:00:00.000Z'),
  ('2027-02-10', 'Nghỉ bù Tết Nguyên đán', '2026-01-01T00:00:00.000Z'),
  ('2027-02-11', 'Nghỉ bù Tết Nguyên đán', '2026-01-01T00:00:00.000Z'),
  ('2027-04-16', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', '2026-01-01T00:00:00.000Z'),
  ('2027-04-30', 'Ngày Chiến thắng', '2026-01-01T00:00:00.000Z'),
  ('2027-05-01', 'Ngày Quốc tế Lao động', '2026-01-01T00:00:00.000Z'),
  ('2027-05-03', 'Nghỉ bù Ngày Quốc tế Lao động', '2026-01-01T00:00:00.000Z'),
  ('2027-09-02', 'Quốc khánh', '2026-01-01T00:00:00.000Z'),
  ('2027-09-03', 'Quốc khánh (ngày liền kề)', '2026-01-01T00:00:00.000Z');
