DROP INDEX `initiatives_submitted_idx`;--> statement-breakpoint
DROP INDEX `initiatives_due_idx`;--> statement-breakpoint
CREATE INDEX `initiatives_number_idx` ON `initiatives` (`registration_number`,`id`,`status`);--> statement-breakpoint
CREATE INDEX `initiatives_submitted_idx` ON `initiatives` (`submitted_at`,`id`,`status`);--> statement-breakpoint
CREATE INDEX `initiatives_due_idx` ON `initiatives` (`decision_due_on`,`submitted_at`,`id`,`status`);