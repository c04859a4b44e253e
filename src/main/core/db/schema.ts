import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The desk's local database: copies of the synced tables (written only by the write path and
 * the pull applier), the outbox, the sync state and the local blob index. JSON columns hold the
 * snapshots the DTOs carry (correspondents, assignments, documents), stored as text.
 */

export const organisation = sqliteTable('organisation', {
  key: text('key').primaryKey(),
  administrationName: text('administration_name').notNull(),
  ipaCode: text('ipa_code').notNull(),
  aooCode: text('aoo_code').notNull(),
  aooName: text('aoo_name').notNull(),
  registerCode: text('register_code').notNull(),
  version: integer('version').notNull().default(1),
});

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull(),
  fullName: text('full_name').notNull(),
  roles: text('roles').notNull().default('[]'),
  officeId: text('office_id'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  version: integer('version').notNull().default(1),
});

export const offices = sqliteTable('offices', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  version: integer('version').notNull().default(1),
});

export const titolario = sqliteTable('titolario', {
  code: text('code').primaryKey(),
  title: text('title').notNull(),
  parentCode: text('parent_code'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  version: integer('version').notNull().default(1),
});

export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** Lower-case, accent-free, single-spaced name: duplicate detection and prefix search. */
    normName: text('norm_name').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    fiscalCode: text('fiscal_code'),
    ipaCode: text('ipa_code'),
    pec: text('pec'),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    postalCode: text('postal_code'),
    city: text('city'),
    province: text('province'),
    notes: text('notes'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    index('contacts_norm_name').on(t.normName),
    index('contacts_fiscal_code').on(t.fiscalCode),
    index('contacts_ipa_code').on(t.ipaCode),
    index('contacts_pec').on(t.pec),
    index('contacts_email').on(t.email),
  ],
);

export const protocolEntries = sqliteTable(
  'protocol_entries',
  {
    id: text('id').primaryKey(),
    /** year * 10^8 + number: newest-first order, keyset paging and the FTS rowid. */
    sortKey: integer('sort_key').notNull(),
    aooCode: text('aoo_code').notNull(),
    registerCode: text('register_code').notNull(),
    year: integer('year').notNull(),
    number: integer('number'),
    registeredAt: text('registered_at').notNull(),
    direction: text('direction').notNull(),
    oggetto: text('oggetto').notNull(),
    correspondents: text('correspondents').notNull().default('[]'),
    means: text('means'),
    receivedDocDate: text('received_doc_date'),
    receivedDocNumber: text('received_doc_number'),
    classificationCode: text('classification_code'),
    assignments: text('assignments').notNull().default('[]'),
    documents: text('documents').notNull().default('[]'),
    paperAttachments: text('paper_attachments').notNull().default('{"count":0,"description":""}'),
    riservato: integer('riservato', { mode: 'boolean' }).notNull().default(false),
    notes: text('notes'),
    status: text('status').notNull(),
    annulment: text('annulment'),
    registeredBy: text('registered_by').notNull(),
    registeredByName: text('registered_by_name').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('protocol_entries_sort_key').on(t.sortKey),
    // "42" without a year: the exact number first, without scanning the register.
    index('protocol_entries_number').on(t.number, t.sortKey),
    index('protocol_entries_registered_at').on(t.registeredAt),
    index('protocol_entries_classification').on(t.classificationCode, t.sortKey),
  ],
);

export const protocolHistory = sqliteTable(
  'protocol_history',
  {
    id: text('id').primaryKey(),
    entryId: text('entry_id').notNull(),
    at: text('at').notNull(),
    by: text('by').notNull(),
    byName: text('by_name').notNull(),
    field: text('field').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
  },
  (t) => [index('protocol_history_entry').on(t.entryId, t.at)],
);

/** Mutations waiting for the server (pending) or refused by it (rejected, never dropped). */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    mutationId: text('mutation_id').notNull(),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    args: text('args').notNull(),
    baseVersions: text('base_versions').notNull().default('{}'),
    userId: text('user_id').notNull(),
    createdAt: text('created_at').notNull(),
    status: text('status', { enum: ['pending', 'rejected'] }).notNull().default('pending'),
    error: text('error'),
  },
  (t) => [uniqueIndex('outbox_mutation_id').on(t.mutationId), index('outbox_status').on(t.status, t.seq)],
);

export const syncState = sqliteTable('sync_state', {
  id: integer('id').primaryKey(),
  clientId: text('client_id').notNull(),
  cursor: integer('cursor').notNull().default(0),
  ackedSeq: integer('acked_seq').notNull().default(0),
  lastSyncAt: text('last_sync_at'),
  lastError: text('last_error'),
});

export const localBlobs = sqliteTable('local_blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  uploaded: integer('uploaded', { mode: 'boolean' }).notNull().default(false),
});
