-- Big catch-ups index the register in bulk (bench/sync-initial.ts: a new desk pulls a million
-- entries). While a row sits in `protocol_fts_catch_up` the per-row FTS triggers stand aside:
-- in `full` mode the whole index is rebuilt at the end of the catch-up; otherwise the touched
-- sort keys are remembered in `protocol_fts_backlog` and only those are re-indexed. The flag is
-- persistent, so a catch-up cut short by a crash is completed by the next one
-- (src/main/core/sync/fts-catch-up.ts).
CREATE TABLE `protocol_fts_catch_up` (`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1), `full` integer NOT NULL);
--> statement-breakpoint
CREATE TABLE `protocol_fts_backlog` (`sort_key` integer PRIMARY KEY NOT NULL);
--> statement-breakpoint
DROP TRIGGER `protocol_fts_ai`;
--> statement-breakpoint
DROP TRIGGER `protocol_fts_au`;
--> statement-breakpoint
DROP TRIGGER `protocol_fts_ad`;
--> statement-breakpoint
CREATE TRIGGER `protocol_fts_ai` AFTER INSERT ON `protocol_entries` WHEN NOT EXISTS (SELECT 1 FROM `protocol_fts_catch_up`) BEGIN
  INSERT INTO `protocol_fts`(rowid, `body`) VALUES (new.sort_key,
    new.oggetto || ' ' || coalesce((SELECT group_concat(json_extract(value, '$.name'), ' ') FROM json_each(new.correspondents)), '')
    || ' ' || coalesce(new.number || ' ' || printf('%07d', new.number), '') || ' ' || new.year);
END;
--> statement-breakpoint
CREATE TRIGGER `protocol_fts_au` AFTER UPDATE OF `oggetto`, `correspondents`, `number`, `year`, `sort_key` ON `protocol_entries` WHEN NOT EXISTS (SELECT 1 FROM `protocol_fts_catch_up`) BEGIN
  DELETE FROM `protocol_fts` WHERE rowid = old.sort_key;
  INSERT INTO `protocol_fts`(rowid, `body`) VALUES (new.sort_key,
    new.oggetto || ' ' || coalesce((SELECT group_concat(json_extract(value, '$.name'), ' ') FROM json_each(new.correspondents)), '')
    || ' ' || coalesce(new.number || ' ' || printf('%07d', new.number), '') || ' ' || new.year);
END;
--> statement-breakpoint
CREATE TRIGGER `protocol_fts_ad` AFTER DELETE ON `protocol_entries` WHEN NOT EXISTS (SELECT 1 FROM `protocol_fts_catch_up`) BEGIN
  DELETE FROM `protocol_fts` WHERE rowid = old.sort_key;
END;
--> statement-breakpoint
CREATE TRIGGER `protocol_fts_backlog_ai` AFTER INSERT ON `protocol_entries` WHEN EXISTS (SELECT 1 FROM `protocol_fts_catch_up` WHERE `full` = 0) BEGIN
  INSERT OR IGNORE INTO `protocol_fts_backlog`(`sort_key`) VALUES (new.sort_key);
END;
--> statement-breakpoint
CREATE TRIGGER `protocol_fts_backlog_au` AFTER UPDATE OF `oggetto`, `correspondents`, `number`, `year`, `sort_key` ON `protocol_entries` WHEN EXISTS (SELECT 1 FROM `protocol_fts_catch_up` WHERE `full` = 0) BEGIN
  INSERT OR IGNORE INTO `protocol_fts_backlog`(`sort_key`) VALUES (old.sort_key), (new.sort_key);
END;
--> statement-breakpoint
CREATE TRIGGER `protocol_fts_backlog_ad` AFTER DELETE ON `protocol_entries` WHEN EXISTS (SELECT 1 FROM `protocol_fts_catch_up` WHERE `full` = 0) BEGIN
  INSERT OR IGNORE INTO `protocol_fts_backlog`(`sort_key`) VALUES (old.sort_key);
END;
