CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`initiative_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` integer NOT NULL,
	`uploaded_at` text NOT NULL,
	`removed_at` text,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_initiative_idx` ON `attachments` (`initiative_id`,`removed_at`);--> statement-breakpoint
CREATE TABLE `initiative_authors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`initiative_id` integer NOT NULL,
	`position` integer NOT NULL,
	`person_id` integer,
	`full_name` text NOT NULL,
	`date_of_birth` text,
	`workplace` text DEFAULT '' NOT NULL,
	`job_title` text DEFAULT '' NOT NULL,
	`qualification` text DEFAULT '' NOT NULL,
	`share_bp` integer NOT NULL,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `initiative_authors_initiative_idx` ON `initiative_authors` (`initiative_id`,`position`);--> statement-breakpoint
CREATE INDEX `initiative_authors_person_idx` ON `initiative_authors` (`person_id`,`initiative_id`);--> statement-breakpoint
CREATE TABLE `initiative_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`initiative_id` integer NOT NULL,
	`version` integer NOT NULL,
	`content` text NOT NULL,
	`content_sha256` text,
	`submitted_at` text,
	`ledger_seq` integer,
	`ledger_hash` text,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `initiative_versions_uq` ON `initiative_versions` (`initiative_id`,`version`);--> statement-breakpoint
CREATE TABLE `initiatives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`registration_number` text,
	`receiving_org_id` integer NOT NULL,
	`author_org_id` integer NOT NULL,
	`task_id` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`title` text NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`current_version` integer DEFAULT 1 NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`first_submitted_at` text,
	`submitted_at` text,
	`accepted_at` text,
	`decision_due_on` text,
	`returned_reason` text,
	`withdrawn_at` text,
	FOREIGN KEY (`receiving_org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `initiatives_regno_uq` ON `initiatives` (`registration_number`) WHERE "initiatives"."registration_number" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `initiatives_receiving_idx` ON `initiatives` (`receiving_org_id`,`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `initiatives_status_idx` ON `initiatives` (`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `initiatives_task_idx` ON `initiatives` (`task_id`,`receiving_org_id`);--> statement-breakpoint
CREATE INDEX `initiatives_creator_idx` ON `initiatives` (`created_by`,`updated_at`);--> statement-breakpoint
CREATE TABLE `registration_counters` (
	`prefix` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`prefix`, `year`)
);
