CREATE TABLE `case_entry_links` (
	`entry_id` text NOT NULL,
	`case_id` text NOT NULL,
	PRIMARY KEY(`entry_id`, `case_id`)
);
--> statement-breakpoint
CREATE INDEX `case_entry_links_case` ON `case_entry_links` (`case_id`);--> statement-breakpoint
-- Cases stored before this table existed: their links from the JSON copy (issue 4, cases.forEntry).
INSERT OR IGNORE INTO `case_entry_links` (`entry_id`, `case_id`)
  SELECT json_extract(l.value, '$.entryId'), c.id FROM `cases` c, json_each(c.data, '$.links') l
  WHERE json_extract(l.value, '$.entryId') IS NOT NULL;
--> statement-breakpoint
-- A case row deleted by any path (a tombstone through dropDoc, a scope re-sync) takes its links along.
CREATE TRIGGER `case_entry_links_ad` AFTER DELETE ON `cases` BEGIN
  DELETE FROM `case_entry_links` WHERE `case_id` = old.id;
END;
