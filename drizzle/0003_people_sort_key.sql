ALTER TABLE `people` ADD `sort_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `people_sort_idx` ON `people` (`sort_key`,`id`);