import { integer, text } from 'drizzle-orm/sqlite-core';

/**
 * Columns shared by the local copies of the "document" tables (issues 4 and 5): the row's shared
 * DTO as JSON text, its server version, and next to it only the columns local queries filter or
 * sort on (kept in step by src/main/core/db/doc-tables.ts).
 */
export function docColumns() {
  return {
    id: text('id').primaryKey(),
    data: text('data').notNull(),
    version: integer('version').notNull().default(0),
  };
}
