CREATE TABLE `ledger_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`from_seq` integer,
	`started_at` text NOT NULL,
	`started_by` integer,
	`runner` text NOT NULL,
	`heartbeat_at` text NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`total` integer,
	`finished_at` text,
	`outcome` text,
	`position` text,
	`position_signature` text,
	FOREIGN KEY (`started_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_checks_open_idx` ON `ledger_checks` (`finished_at`,`id`);