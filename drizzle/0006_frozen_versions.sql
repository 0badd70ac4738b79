-- A submitted version is evidence: once submitted_at is set the row can be neither changed
-- nor deleted (a revision is a new version).
CREATE TRIGGER `initiative_versions_frozen` BEFORE UPDATE ON `initiative_versions`
WHEN old.submitted_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a submitted version is frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `initiative_versions_kept` BEFORE DELETE ON `initiative_versions`
WHEN old.submitted_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a submitted version is frozen');
END;
