-- The ledger is append-only: edits and deletions are refused, and an insert must extend the
-- current head (its prev_hash is the head's hash and its seq the next number).
CREATE TRIGGER `ledger_events_no_update` BEFORE UPDATE ON `ledger_events` BEGIN
  SELECT RAISE(ABORT, 'ledger_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_events_no_delete` BEFORE DELETE ON `ledger_events` BEGIN
  SELECT RAISE(ABORT, 'ledger_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_events_extend_head` BEFORE INSERT ON `ledger_events`
WHEN new.prev_hash IS NOT coalesce((SELECT hash FROM ledger_events ORDER BY seq DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000')
  OR new.seq IS NOT coalesce((SELECT max(seq) FROM ledger_events), 0) + 1
BEGIN
  SELECT RAISE(ABORT, 'ledger insert does not extend the head');
END;
