import { integer, jsonb, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Columns shared by the "document" tables of the secretariat and the agenda (issues 4 and 5):
 * the row travels as its shared DTO (`data`), the server keeps a version per row for conflicts
 * (src/server/sync/field-merge.ts) and only the columns its own queries need.
 */
export function docColumns() {
  return {
    id: text('id').primaryKey(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  };
}
