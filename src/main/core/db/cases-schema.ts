import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { docColumns } from './doc-table';

// Issue 4 (pratiche): local copies. "My desk" and the indicators read 100,000 cases within
// 200 ms, so what they filter and sort on is a real indexed column next to the JSON.

export const caseTypes = sqliteTable('case_types', docColumns());
export const caseSettings = sqliteTable('case_settings', docColumns());

export const cases = sqliteTable(
  'cases',
  {
    ...docColumns(),
    typeCode: text('type_code').notNull(),
    state: text('state').notNull(),
    /** Legal start of the term ('YYYY-MM-DD'; the emergency date when registered in emergency). */
    receivedOn: text('received_on').notNull(),
    dueOn: text('due_on'),
    closedOn: text('closed_on'),
    /** The day the reply went out (indicators: answered within term). */
    repliedOn: text('replied_on'),
    ownerId: text('owner_id'),
    officeId: text('office_id'),
  },
  (t) => [
    index('cases_state_due').on(t.state, t.dueOn),
    index('cases_owner').on(t.ownerId, t.state),
    index('cases_office').on(t.officeId, t.state),
    index('cases_type_received').on(t.typeCode, t.receivedOn),
    // Indicators (issue 4): cases closed in a period, read from the index alone.
    index('cases_closed').on(t.closedOn, t.typeCode, t.receivedOn),
  ],
);

export const caseEvents = sqliteTable(
  'case_events',
  {
    ...docColumns(),
    caseId: text('case_id').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('case_events_case').on(t.caseId, t.at)],
);

export const signatureItems = sqliteTable(
  'signature_items',
  {
    ...docColumns(),
    state: text('state').notNull(),
  },
  (t) => [index('signature_items_state').on(t.state)],
);

export const configAudit = sqliteTable('config_audit', docColumns());

/**
 * Local index (not synced) of the protocol entries each case gathers: `cases.forEntry` on an
 * entry's detail reads it instead of scanning the JSON of every case. Kept by putDoc
 * (src/main/core/db/doc-tables.ts) whenever a case row is stored; a trigger of the migration
 * clears the links of a case row deleted by any path (tombstone, scope re-sync).
 */
export const caseEntryLinks = sqliteTable(
  'case_entry_links',
  {
    entryId: text('entry_id').notNull(),
    caseId: text('case_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.caseId] }), index('case_entry_links_case').on(t.caseId)],
);
