CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`username` text NOT NULL,
	`password_hash` text,
	`must_change_password` integer DEFAULT true NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`last_sign_in_at` text,
	`password_changed_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_username_uq` ON `accounts` (`username`);--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_person_uq` ON `accounts` (`person_id`);--> statement-breakpoint
CREATE TABLE `ledger_events` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor_id` integer,
	`org_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`payload_hash` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	`signature` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ledger_events_actor_idx` ON `ledger_events` (`actor_id`,`seq`);--> statement-breakpoint
CREATE INDEX `ledger_events_org_idx` ON `ledger_events` (`org_id`,`seq`);--> statement-breakpoint
CREATE INDEX `ledger_events_entity_idx` ON `ledger_events` (`entity`,`entity_id`,`seq`);--> statement-breakpoint
CREATE INDEX `ledger_events_at_idx` ON `ledger_events` (`at`);--> statement-breakpoint
CREATE TABLE `ledger_payloads` (
	`seq` integer PRIMARY KEY NOT NULL,
	`payload` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `organization_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`name` text NOT NULL,
	`parent_id` integer,
	`valid_from` text NOT NULL,
	`valid_to` text NOT NULL,
	`change` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `organization_versions_org_idx` ON `organization_versions` (`org_id`,`valid_from`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_id` integer,
	`path` text NOT NULL,
	`depth` integer NOT NULL,
	`search_name` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_code_uq` ON `organizations` (`code`);--> statement-breakpoint
CREATE INDEX `organizations_path_idx` ON `organizations` (`path`);--> statement-breakpoint
CREATE INDEX `organizations_parent_idx` ON `organizations` (`parent_id`,`name`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`family_name` text NOT NULL,
	`middle_name` text DEFAULT '' NOT NULL,
	`given_name` text NOT NULL,
	`search_name` text NOT NULL,
	`date_of_birth` text,
	`position` text DEFAULT '' NOT NULL,
	`org_id` integer NOT NULL,
	`party_member` integer DEFAULT true NOT NULL,
	`email` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `people_org_idx` ON `people` (`org_id`,`given_name`);--> statement-breakpoint
CREATE INDEX `people_search_idx` ON `people` (`search_name`);--> statement-breakpoint
CREATE UNIQUE INDEX `people_email_uq` ON `people` (`email`) WHERE "people"."email" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `role_grants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`role` text NOT NULL,
	`org_id` integer NOT NULL,
	`granted_by` integer,
	`granted_at` text NOT NULL,
	`revoked_by` integer,
	`revoked_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `role_grants_person_idx` ON `role_grants` (`person_id`,`revoked_at`);--> statement-breakpoint
CREATE INDEX `role_grants_org_idx` ON `role_grants` (`org_id`,`role`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`user_agent` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_person_idx` ON `sessions` (`person_id`);