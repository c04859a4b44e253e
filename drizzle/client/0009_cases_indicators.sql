ALTER TABLE `cases` ADD `replied_on` text;--> statement-breakpoint
CREATE INDEX `cases_closed` ON `cases` (`closed_on`,`type_code`,`received_on`);
--> statement-breakpoint
-- Rows stored before this column existed: the reply day from the JSON copy.
UPDATE `cases` SET `replied_on` = json_extract(`data`, '$.repliedOn');