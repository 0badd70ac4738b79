-- Full-text search over tasks and initiatives (app/models/search.server.ts).
-- Contentless FTS5 tables (content=''): the text lives in tasks/initiatives, the index keeps
-- only tokens, rowid = the row's id. contentless_delete=1 (SQLite >= 3.43) lets a trigger
-- delete a row's tokens without the old values. unicode61 with remove_diacritics 2 folds every
-- Vietnamese mark, two-mark letters (ừ, ấ, ệ) included; đ/Đ are letters of their own, not
-- d + a mark, so the source views fold them with replace() and the query side does the same
-- (app/utils/fold.ts). drizzle-kit ignores these objects (tablesFilter "!*_fts*").
--
-- `facets` holds no text but access tokens, so that FTS5 intersects the text with what an
-- actor may see instead of the server checking tens of thousands of matches one by one:
-- o<id> for each organization on the path of the posting (task) or receiving (initiative)
-- organization, t<id> for each target organization of a task, p<id> for a task's assignees
-- and an initiative's creator and co-authors. The facets only narrow the candidates; the
-- rules themselves are applied in SQL by the scoping helpers of the task and initiative models.
CREATE VIRTUAL TABLE `tasks_fts` USING fts5(
  title, body, facets,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `initiatives_fts` USING fts5(
  number, title, body, facets,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- What each index row holds, in one place for the triggers and the backfill.
CREATE VIEW `tasks_fts_source` AS
SELECT
  t.id AS id,
  replace(replace(t.title, 'đ', 'd'), 'Đ', 'D') AS title,
  replace(replace(t.description, 'đ', 'd'), 'Đ', 'D') AS body,
  'o' || replace(trim(o.path, '/'), '/', ' o')
    || coalesce((SELECT ' ' || group_concat('t' || tt.org_id, ' ') FROM task_targets tt WHERE tt.task_id = t.id), '')
    || coalesce((SELECT ' ' || group_concat('p' || ta.person_id, ' ') FROM task_assignees ta WHERE ta.task_id = t.id), '') AS facets
FROM tasks t JOIN organizations o ON o.id = t.org_id;
--> statement-breakpoint
CREATE VIEW `initiatives_fts_source` AS
SELECT
  i.id AS id,
  coalesce(i.registration_number, '') AS number,
  replace(replace(i.title, 'đ', 'd'), 'Đ', 'D') AS title,
  replace(replace(i.search_text, 'đ', 'd'), 'Đ', 'D') AS body,
  'o' || replace(trim(o.path, '/'), '/', ' o') || ' p' || i.created_by
    || coalesce((SELECT ' ' || group_concat('p' || a.person_id, ' ') FROM initiative_authors a WHERE a.initiative_id = i.id AND a.person_id IS NOT NULL), '') AS facets
FROM initiatives i JOIN organizations o ON o.id = i.receiving_org_id;
--> statement-breakpoint
CREATE TRIGGER `tasks_fts_insert` AFTER INSERT ON `tasks` BEGIN
  INSERT INTO `tasks_fts` (rowid, title, body, facets) SELECT id, title, body, facets FROM `tasks_fts_source` WHERE id = new.id;
END;
--> statement-breakpoint
-- Only a change of what is indexed touches the index (publishing or closing does not).
CREATE TRIGGER `tasks_fts_update` AFTER UPDATE OF title, description, org_id ON `tasks`
WHEN old.title IS NOT new.title OR old.description IS NOT new.description OR old.org_id IS NOT new.org_id
BEGIN
  DELETE FROM `tasks_fts` WHERE rowid = old.id;
  INSERT INTO `tasks_fts` (rowid, title, body, facets) SELECT id, title, body, facets FROM `tasks_fts_source` WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `tasks_fts_delete` AFTER DELETE ON `tasks` BEGIN
  DELETE FROM `tasks_fts` WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `task_targets_fts_insert` AFTER INSERT ON `task_targets` BEGIN
  DELETE FROM `tasks_fts` WHERE rowid = new.task_id;
  INSERT INTO `tasks_fts` (rowid, title, body, facets) SELECT id, title, body, facets FROM `tasks_fts_source` WHERE id = new.task_id;
END;
--> statement-breakpoint
CREATE TRIGGER `task_targets_fts_delete` AFTER DELETE ON `task_targets` BEGIN
  DELETE FROM `tasks_fts` WHERE rowid = old.task_id;
  INSERT INTO `tasks_fts` (rowid, title, body, facets) SELECT id, title, body, facets FROM `tasks_fts_source` WHERE id = old.task_id;
END;
--> statement-breakpoint
CREATE TRIGGER `task_assignees_fts_insert` AFTER INSERT ON `task_assignees` BEGIN
  DELETE FROM `tasks_fts` WHERE rowid = new.task_id;
  INSERT INTO `tasks_fts` (rowid, title, body, facets) SELECT id, title, body, facets FROM `tasks_fts_source` WHERE id = new.task_id;
END;
--> statement-breakpoint
CREATE TRIGGER `task_assignees_fts_delete` AFTER DELETE ON `task_assignees` BEGIN
  DELETE FROM `tasks_fts` WHERE rowid = old.task_id;
  INSERT INTO `tasks_fts` (rowid, title, body, facets) SELECT id, title, body, facets FROM `tasks_fts_source` WHERE id = old.task_id;
END;
--> statement-breakpoint
CREATE TRIGGER `initiatives_fts_insert` AFTER INSERT ON `initiatives` BEGIN
  INSERT INTO `initiatives_fts` (rowid, number, title, body, facets) SELECT id, number, title, body, facets FROM `initiatives_fts_source` WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `initiatives_fts_update` AFTER UPDATE OF registration_number, title, search_text, receiving_org_id, created_by ON `initiatives`
WHEN old.registration_number IS NOT new.registration_number OR old.title IS NOT new.title OR old.search_text IS NOT new.search_text
  OR old.receiving_org_id IS NOT new.receiving_org_id OR old.created_by IS NOT new.created_by
BEGIN
  DELETE FROM `initiatives_fts` WHERE rowid = old.id;
  INSERT INTO `initiatives_fts` (rowid, number, title, body, facets) SELECT id, number, title, body, facets FROM `initiatives_fts_source` WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `initiatives_fts_delete` AFTER DELETE ON `initiatives` BEGIN
  DELETE FROM `initiatives_fts` WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `initiative_authors_fts_insert` AFTER INSERT ON `initiative_authors` WHEN new.person_id IS NOT NULL BEGIN
  DELETE FROM `initiatives_fts` WHERE rowid = new.initiative_id;
  INSERT INTO `initiatives_fts` (rowid, number, title, body, facets) SELECT id, number, title, body, facets FROM `initiatives_fts_source` WHERE id = new.initiative_id;
END;
--> statement-breakpoint
CREATE TRIGGER `initiative_authors_fts_delete` AFTER DELETE ON `initiative_authors` WHEN old.person_id IS NOT NULL BEGIN
  DELETE FROM `initiatives_fts` WHERE rowid = old.initiative_id;
  INSERT INTO `initiatives_fts` (rowid, number, title, body, facets) SELECT id, number, title, body, facets FROM `initiatives_fts_source` WHERE id = old.initiative_id;
END;
--> statement-breakpoint
CREATE TRIGGER `initiative_authors_fts_update` AFTER UPDATE OF person_id, initiative_id ON `initiative_authors` BEGIN
  DELETE FROM `initiatives_fts` WHERE rowid IN (old.initiative_id, new.initiative_id);
  INSERT INTO `initiatives_fts` (rowid, number, title, body, facets) SELECT id, number, title, body, facets FROM `initiatives_fts_source` WHERE id IN (old.initiative_id, new.initiative_id);
END;
--> statement-breakpoint
-- A moved organization (its path and its subtree's paths change) re-indexes the facets of the
-- tasks it posted and the initiatives it receives (tasks_org_idx, initiatives_receiving_idx).
CREATE TRIGGER `organizations_fts_path` AFTER UPDATE OF path ON `organizations` WHEN old.path IS NOT new.path BEGIN
  DELETE FROM `tasks_fts` WHERE rowid IN (SELECT id FROM tasks WHERE org_id = new.id);
  INSERT INTO `tasks_fts` (rowid, title, body, facets) SELECT s.id, s.title, s.body, s.facets FROM `tasks_fts_source` s JOIN tasks t ON t.id = s.id WHERE t.org_id = new.id;
  DELETE FROM `initiatives_fts` WHERE rowid IN (SELECT id FROM initiatives WHERE receiving_org_id = new.id);
  INSERT INTO `initiatives_fts` (rowid, number, title, body, facets)
    SELECT s.id, s.number, s.title, s.body, s.facets FROM `initiatives_fts_source` s JOIN initiatives i ON i.id = s.id WHERE i.receiving_org_id = new.id;
END;
--> statement-breakpoint
-- Backfill the rows written before this migration.
INSERT INTO `tasks_fts` (rowid, title, body, facets) SELECT id, title, body, facets FROM `tasks_fts_source`;
--> statement-breakpoint
INSERT INTO `initiatives_fts` (rowid, number, title, body, facets) SELECT id, number, title, body, facets FROM `initiatives_fts_source`;
