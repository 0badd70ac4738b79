CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` integer NOT NULL,
	`org_scope` text NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`created_at` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_at` text,
	`row_count` integer NOT NULL,
	`problem_count` integer NOT NULL,
	`created_count` integer DEFAULT 0 NOT NULL,
	`rows` text NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_batches_actor_idx` ON `import_batches` (`actor_id`,`status`);