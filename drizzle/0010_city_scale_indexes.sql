CREATE INDEX `accounts_locked_idx` ON `accounts` (`locked_until`);--> statement-breakpoint
CREATE INDEX `initiatives_submitted_idx` ON `initiatives` (`submitted_at`);