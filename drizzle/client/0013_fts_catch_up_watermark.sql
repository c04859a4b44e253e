-- A new desk's catch-up indexes the register page by page instead of all at the end: while the
-- next page travels, the rows the last one inserted (rowid above `indexed_rowid`) go into the
-- full-text index, on a second thread (src/main/core/sync/fts-catch-up.ts, fts-drainer.ts). Rows
-- updated or deleted meanwhile are remembered in the backlog in both modes now, and so is an
-- insert that reuses a rowid at or below the mark; the mark moves in the same transaction as
-- the index, so a catch-up cut short goes on from there. No `INSERT OR IGNORE` in the triggers:
-- the pull applier's upsert (`ON CONFLICT DO UPDATE`) imposes its own conflict policy on them,
-- and an update that keeps its sort key would fail on the backlog's key.
ALTER TABLE `protocol_fts_catch_up` ADD `indexed_rowid` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
DROP TRIGGER `protocol_fts_backlog_ai`;
--> statement-breakpoint
DROP TRIGGER `protocol_fts_backlog_au`;
--> statement-breakpoint
DROP TRIGGER `protocol_fts_backlog_ad`;
--> statement-breakpoint
CREATE TRIGGER `protocol_fts_backlog_ai` AFTER INSERT ON `protocol_entries` WHEN EXISTS (SELECT 1 FROM `protocol_fts_catch_up` WHERE `full` = 0 OR new.rowid <= `indexed_rowid`) BEGIN
  INSERT INTO `protocol_fts_backlog`(`sort_key`) SELECT new.sort_key WHERE NOT EXISTS (SELECT 1 FROM `protocol_fts_backlog` WHERE `sort_key` = new.sort_key);
END;
--> statement-breakpoint
CREATE TRIGGER `protocol_fts_backlog_au` AFTER UPDATE OF `oggetto`, `correspondents`, `number`, `year`, `sort_key` ON `protocol_entries`
  WHEN EXISTS (SELECT 1 FROM `protocol_fts_catch_up`)
   AND (old.oggetto IS NOT new.oggetto OR old.correspondents IS NOT new.correspondents OR old.number IS NOT new.number OR old.year IS NOT new.year OR old.sort_key IS NOT new.sort_key) BEGIN
  INSERT INTO `protocol_fts_backlog`(`sort_key`) SELECT k FROM (SELECT old.sort_key AS k UNION SELECT new.sort_key) WHERE k NOT IN (SELECT `sort_key` FROM `protocol_fts_backlog`);
END;
--> statement-breakpoint
CREATE TRIGGER `protocol_fts_backlog_ad` AFTER DELETE ON `protocol_entries` WHEN EXISTS (SELECT 1 FROM `protocol_fts_catch_up`) BEGIN
  INSERT INTO `protocol_fts_backlog`(`sort_key`) SELECT old.sort_key WHERE NOT EXISTS (SELECT 1 FROM `protocol_fts_backlog` WHERE `sort_key` = old.sort_key);
END;
