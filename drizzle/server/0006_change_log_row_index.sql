-- Issue 3, slice sync: the base-version snapshot lookup of the three-way merge (src/server/sync/field-merge.ts).
CREATE INDEX IF NOT EXISTS change_log_row ON change_log (table_name, row_key, version);
