-- A leaner full-text index of the register (bench/sync-initial.ts: a new desk indexes a million
-- entries). detail=none: searches only ever ask for single words and prefixes (every word is
-- its own quoted term, src/main/core/modules/protocol/fts-query.ts), so positions are never
-- read. The number is indexed once, in its 7-digit form: a typed "42" asks for "42" or
-- "0000042" (fts-query.ts), and the plain form's prefix entries were a fifth of the index.
-- The pull's upsert sets every column: an entry that comes back unchanged (a desk's own
-- registration, pulled after its push) no longer has its index entry deleted and rewritten.
-- The table is rebuilt once from the entries.
DROP TRIGGER `protocol_fts_ai`;
--> statement-breakpoint
DROP TRIGGER `protocol_fts_au`;
--> statement-breakpoint
DROP TRIGGER `protocol_fts_ad`;
--> statement-breakpoint
DROP TABLE `protocol_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `protocol_fts` USING fts5(`body`, content='', contentless_delete=1, detail=none, prefix='3 4 5 6', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `protocol_fts`(rowid, `body`) SELECT e.sort_key,
    e.oggetto || ' ' || coalesce((SELECT group_concat(json_extract(value, '$.name'), ' ') FROM json_each(e.correspondents)), '')
    || ' ' || CASE WHEN e.number IS NULL THEN '' ELSE printf('%07d', e.number) END || ' ' || e.year
  FROM `protocol_entries` e ORDER BY e.sort_key;
--> statement-breakpoint
CREATE TRIGGER `protocol_fts_ai` AFTER INSERT ON `protocol_entries` WHEN NOT EXISTS (SELECT 1 FROM `protocol_fts_catch_up`) BEGIN
  INSERT INTO `protocol_fts`(rowid, `body`) VALUES (new.sort_key,
    new.oggetto || ' ' || coalesce((SELECT group_concat(json_extract(value, '$.name'), ' ') FROM json_each(new.correspondents)), '')
    || ' ' || CASE WHEN new.number IS NULL THEN '' ELSE printf('%07d', new.number) END || ' ' || new.year);
END;
--> statement-breakpoint
CREATE TRIGGER `protocol_fts_au` AFTER UPDATE OF `oggetto`, `correspondents`, `number`, `year`, `sort_key` ON `protocol_entries`
  WHEN NOT EXISTS (SELECT 1 FROM `protocol_fts_catch_up`)
   AND (old.oggetto IS NOT new.oggetto OR old.correspondents IS NOT new.correspondents OR old.number IS NOT new.number OR old.year IS NOT new.year OR old.sort_key IS NOT new.sort_key) BEGIN
  DELETE FROM `protocol_fts` WHERE rowid = old.sort_key;
  INSERT INTO `protocol_fts`(rowid, `body`) VALUES (new.sort_key,
    new.oggetto || ' ' || coalesce((SELECT group_concat(json_extract(value, '$.name'), ' ') FROM json_each(new.correspondents)), '')
    || ' ' || CASE WHEN new.number IS NULL THEN '' ELSE printf('%07d', new.number) END || ' ' || new.year);
END;
--> statement-breakpoint
CREATE TRIGGER `protocol_fts_ad` AFTER DELETE ON `protocol_entries` WHEN NOT EXISTS (SELECT 1 FROM `protocol_fts_catch_up`) BEGIN
  DELETE FROM `protocol_fts` WHERE rowid = old.sort_key;
END;
