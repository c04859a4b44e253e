-- Full-text index of the register (FTS5): oggetto, correspondent names and the number in its
-- plain, 7-digit and year forms. Contentless, with rowid = sort_key (year * 10^8 + number), so a
-- search walks rowids newest first and stops at LIMIT instead of sorting every match.
-- Prefix indexes (3–6 characters) keep search-as-you-type fast on a million entries.
CREATE VIRTUAL TABLE `protocol_fts` USING fts5(`body`, content='', contentless_delete=1, prefix='3 4 5 6', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `protocol_fts_ai` AFTER INSERT ON `protocol_entries` BEGIN
  INSERT INTO `protocol_fts`(rowid, `body`) VALUES (new.sort_key,
    new.oggetto || ' ' || coalesce((SELECT group_concat(json_extract(value, '$.name'), ' ') FROM json_each(new.correspondents)), '')
    || ' ' || coalesce(new.number || ' ' || printf('%07d', new.number), '') || ' ' || new.year);
END;
--> statement-breakpoint
CREATE TRIGGER `protocol_fts_au` AFTER UPDATE OF `oggetto`, `correspondents`, `number`, `year`, `sort_key` ON `protocol_entries` BEGIN
  DELETE FROM `protocol_fts` WHERE rowid = old.sort_key;
  INSERT INTO `protocol_fts`(rowid, `body`) VALUES (new.sort_key,
    new.oggetto || ' ' || coalesce((SELECT group_concat(json_extract(value, '$.name'), ' ') FROM json_each(new.correspondents)), '')
    || ' ' || coalesce(new.number || ' ' || printf('%07d', new.number), '') || ' ' || new.year);
END;
--> statement-breakpoint
CREATE TRIGGER `protocol_fts_ad` AFTER DELETE ON `protocol_entries` BEGIN
  DELETE FROM `protocol_fts` WHERE rowid = old.sort_key;
END;
