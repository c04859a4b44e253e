import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { docColumns } from './doc-table';

// ---------------------------------------------------------------------------------------------
// Issue 4: the Mayor's correspondence and citizen requests (pratiche). Each row's `data` is the
// shared DTO of src/shared/contract/cases.ts; the columns are what the server queries (recompute
// of open cases when a type's term changes, signature book by state).
// ---------------------------------------------------------------------------------------------

/** Case types and their term rules (L. 241/1990, D.lgs 33/2013, TUEL art. 43): `id` is the code. */
export const caseTypes = pgTable('case_types', docColumns());

/** Singleton ('singleton'): holiday rule, patron saint's day, "due soon" days, patronage window. */
export const caseSettings = pgTable('case_settings', docColumns());

export const cases = pgTable(
  'cases',
  {
    ...docColumns(),
    typeCode: text('type_code').notNull(),
    state: text('state').notNull(),
  },
  (t) => [index('cases_type_state').on(t.typeCode, t.state)],
);

/** Timeline of a case: append-only (every assignment, state change, suspension and note). */
export const caseEvents = pgTable(
  'case_events',
  {
    ...docColumns(),
    caseId: text('case_id').notNull(),
  },
  (t) => [index('case_events_case').on(t.caseId)],
);

/** Libro firma: documents awaiting the Mayor's signature. */
export const signatureItems = pgTable(
  'signature_items',
  {
    ...docColumns(),
    state: text('state').notNull(),
  },
  (t) => [index('signature_items_state').on(t.state)],
);

/** Audited changes of configuration (case types, settings): who, when, before and after. */
export const configAudit = pgTable('config_audit', docColumns());
