import { bigint, boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Register server schema. Times are always the server clock's (DPR 445/2000 art. 53: the date of
 * registration is the register's), stored as timestamptz.
 */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** Singleton row: the administration, its AOO and the register (id is always 'singleton'). */
export const organisation = pgTable('organisation', {
  id: text('id').primaryKey(),
  administrationName: text('administration_name').notNull(),
  ipaCode: text('ipa_code').notNull(),
  aooCode: text('aoo_code').notNull(),
  aooName: text('aoo_name').notNull(),
  registerCode: text('register_code').notNull(),
  createdAt: ts('created_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const offices = pgTable('offices', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
});

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  /** scrypt$N$r$p$salt$hash — never the plain password. */
  passwordHash: text('password_hash').notNull(),
  roles: jsonb('roles').$type<string[]>().notNull(),
  officeId: text('office_id'),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull(),
  version: integer('version').notNull().default(1),
});

/** Only the SHA-256 of the bearer token is stored: a copy of the database opens no session. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id').notNull(),
  createdAt: ts('created_at').notNull(),
  lastSeenAt: ts('last_seen_at').notNull(),
  revokedAt: ts('revoked_at'),
});

export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('login_failures_username_at').on(t.username, t.at), index('login_failures_ip_at').on(t.ip, t.at)],
);

/** Titolario per i Comuni: classes are deactivated, never deleted (entries keep their code). */
export const titolario = pgTable('titolario', {
  code: text('code').primaryKey(),
  title: text('title').notNull(),
  parentCode: text('parent_code'),
  sortKey: text('sort_key').notNull(),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
});

export const contacts = pgTable('contacts', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const protocolEntries = pgTable(
  'protocol_entries',
  {
    id: text('id').primaryKey(),
    aooCode: text('aoo_code').notNull(),
    registerCode: text('register_code').notNull(),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    registeredAt: ts('registered_at').notNull(),
    direction: text('direction').notNull(),
    oggetto: text('oggetto').notNull(),
    correspondents: jsonb('correspondents').notNull(),
    means: text('means'),
    receivedDocDate: text('received_doc_date'),
    receivedDocNumber: text('received_doc_number'),
    classificationCode: text('classification_code'),
    assignments: jsonb('assignments').notNull(),
    documents: jsonb('documents').notNull(),
    paperAttachments: jsonb('paper_attachments').notNull(),
    riservato: boolean('riservato').notNull(),
    notes: text('notes'),
    status: text('status').notNull(),
    annulment: jsonb('annulment'),
    registeredBy: text('registered_by').notNull(),
    registeredByName: text('registered_by_name').notNull(),
    version: integer('version').notNull().default(1),
  },
  // Art. 57: one number per AOO, register and year — enforced by the database too.
  (t) => [
    uniqueIndex('protocol_entries_number_unique').on(t.aooCode, t.registerCode, t.year, t.number),
    index('protocol_entries_registered_at').on(t.registeredAt),
  ],
);

export const protocolHistory = pgTable(
  'protocol_history',
  {
    id: text('id').primaryKey(),
    entryId: text('entry_id').notNull(),
    at: ts('at').notNull(),
    by: text('by').notNull(),
    byName: text('by_name').notNull(),
    field: text('field').notNull(),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
  },
  (t) => [index('protocol_history_at').on(t.at), index('protocol_history_entry').on(t.entryId)],
);

/**
 * One row per AOO, register and year: `last` is the last number given (art. 57, gapless) and
 * `lastAt` its registration time. Both are advanced by the insert trigger on protocol_entries.
 */
export const protocolCounters = pgTable(
  'protocol_counters',
  {
    aooCode: text('aoo_code').notNull(),
    registerCode: text('register_code').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
    lastAt: ts('last_at'),
  },
  (t) => [primaryKey({ columns: [t.aooCode, t.registerCode, t.year] })],
);

/**
 * Commit-ordered change log (docs/decisions/0001): `seq` is handed out from `change_log_head`
 * as the last statement of each writing transaction; `txLast` is the last seq of its transaction.
 */
export const changeLog = pgTable(
  'change_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    txLast: bigint('tx_last', { mode: 'number' }).notNull(),
    tableName: text('table_name').notNull(),
    rowKey: text('row_key').notNull(),
    row: jsonb('row'),
    version: integer('version').notNull(),
  },
);

export const changeLogHead = pgTable('change_log_head', {
  id: integer('id').primaryKey(),
  last: bigint('last', { mode: 'number' }).notNull(),
});

export const syncClients = pgTable('sync_clients', {
  clientId: text('client_id').primaryKey(),
  userId: text('user_id').notNull(),
  lastSeq: integer('last_seq').notNull().default(0),
  updatedAt: ts('updated_at').notNull(),
});

export const mutationResults = pgTable(
  'mutation_results',
  {
    mutationId: text('mutation_id').primaryKey(),
    clientId: text('client_id').notNull(),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    status: text('status').notNull(),
    result: jsonb('result'),
    error: jsonb('error'),
    at: ts('at').notNull(),
  },
  (t) => [uniqueIndex('mutation_results_client_seq').on(t.clientId, t.seq)],
);

export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  createdAt: ts('created_at').notNull(),
  createdBy: text('created_by'),
});

/** Registro giornaliero: recorded once for a closed day and never changed afterwards. */
export const dailyRegisters = pgTable('daily_registers', {
  date: text('date').primaryKey(),
  json: bytea('json').notNull(),
  jsonSha256: text('json_sha256').notNull(),
  pdf: bytea('pdf').notNull(),
  pdfSha256: text('pdf_sha256').notNull(),
  firstNumber: integer('first_number'),
  lastNumber: integer('last_number'),
  count: integer('count').notNull(),
  generatedAt: ts('generated_at').notNull(),
});
