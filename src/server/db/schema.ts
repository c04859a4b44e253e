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
  /** Issue 3 (devices): the enrolled device the access token was issued to (null: none). */
  deviceId: text('device_id'),
  /** Issue 3 (devices): short-lived access tokens end here; null keeps the idle/absolute rule. */
  expiresAt: ts('expires_at'),
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

// ---------------------------------------------------------------------------------------------
// Issue 3, slice "sync": scopes, per-field versions and conflicts.

/** The users seen pulling or pushing through each desk: a desk's scope is the union of theirs. */
export const syncClientUsers = pgTable(
  'sync_client_users',
  {
    clientId: text('client_id').notNull(),
    userId: text('user_id').notNull(),
    firstSeenAt: ts('first_seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.userId] })],
);

/**
 * For each updatable field of a synced row, the row version at which it last changed and by
 * whom: a mutation based on an older version conflicts only on fields changed since its base.
 */
export const fieldVersions = pgTable(
  'field_versions',
  {
    tableName: text('table_name').notNull(),
    rowKey: text('row_key').notNull(),
    field: text('field').notNull(),
    version: integer('version').notNull(),
    userId: text('user_id').notNull(),
    mutationId: text('mutation_id'),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowKey, t.field] })],
);

/** The same field changed on two desks from the same base: the value kept and the one lost. */
export const conflicts = pgTable(
  'conflicts',
  {
    id: text('id').primaryKey(),
    tableName: text('table_name').notNull(),
    rowKey: text('row_key').notNull(),
    field: text('field').notNull(),
    keptValue: jsonb('kept_value'),
    losingValue: jsonb('losing_value'),
    keptBy: text('kept_by'),
    losingBy: text('losing_by').notNull(),
    keptMutationId: text('kept_mutation_id'),
    losingMutationId: text('losing_mutation_id').notNull(),
    at: ts('at').notNull(),
    resolvedBy: text('resolved_by'),
    resolvedAt: ts('resolved_at'),
    resolution: text('resolution'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('conflicts_row').on(t.tableName, t.rowKey)],
);

// ─── Issue 3, slice "devices": enrolled devices, refresh tokens, client bindings, review ───

/** A desk or laptop enrolled by an administrator; only the hash of its secret is stored. */
export const devices = pgTable('devices', {
  id: text('id').primaryKey(),
  /** Short code shown to people and used in emergency numbers (e.g. SEGR01). */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  secretHash: text('secret_hash').notNull(),
  enrolledAt: ts('enrolled_at').notNull(),
  enrolledBy: text('enrolled_by'),
  revokedAt: ts('revoked_at'),
  revokedBy: text('revoked_by'),
  lastSeenAt: ts('last_seen_at'),
});

/** One-time enrollment codes: only the hash is stored, used at most once, until `expiresAt`. */
export const deviceEnrollments = pgTable('device_enrollments', {
  codeHash: text('code_hash').primaryKey(),
  deviceCode: text('device_code').notNull(),
  name: text('name').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  deviceId: text('device_id'),
});

/** Refresh tokens, rotated on use; a reused one revokes its whole family (stolen copy). */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    familyId: text('family_id').notNull(),
    userId: text('user_id').notNull(),
    deviceId: text('device_id'),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('refresh_tokens_family').on(t.familyId)],
);

/** Which device a sync client id belongs to: recorded at its first push, then enforced. */
export const deviceClients = pgTable('device_clients', {
  clientId: text('client_id').primaryKey(),
  deviceId: text('device_id'),
  firstUserId: text('first_user_id').notNull(),
  boundAt: ts('bound_at').notNull(),
});

/** Mutations pushed by a revoked device: never applied, kept for an administrator's review. */
export const deviceReview = pgTable(
  'device_review',
  {
    id: text('id').primaryKey(),
    deviceId: text('device_id').notNull(),
    clientId: text('client_id').notNull(),
    userId: text('user_id').notNull(),
    mutationId: text('mutation_id').notNull().unique(),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull(),
    receivedAt: ts('received_at').notNull(),
    resolvedAt: ts('resolved_at'),
    resolvedBy: text('resolved_by'),
    resolution: text('resolution'),
  },
  (t) => [index('device_review_open').on(t.resolvedAt, t.receivedAt)],
);

// ---------------------------------------------------------------------------------------------
// Slice emergency (issue 3): the emergency register (DPR 445/2000 art. 63). One row per
// emergency entry links its `E/…` number to the ordinary entry for ever; the unique keys make
// recovery idempotent (an entry can never receive a second ordinary number).
// ---------------------------------------------------------------------------------------------
export const emergencySessions = pgTable('emergency_sessions', {
  id: text('id').primaryKey(),
  deviceId: text('device_id').notNull(),
  deviceCode: text('device_code').notNull(),
  cause: text('cause').notNull(),
  startedAt: ts('started_at').notNull(),
  endedAt: ts('ended_at'),
  authoriser: jsonb('authoriser').notNull(),
  dailyCounts: jsonb('daily_counts').$type<Record<string, number>>().notNull(),
  total: integer('total').notNull().default(0),
  /** Total declared by the desk on closing, kept to compare with what was recovered. */
  declaredTotal: integer('declared_total'),
  openedBy: text('opened_by').notNull(),
  openedByName: text('opened_by_name').notNull(),
  version: integer('version').notNull().default(1),
});

export const emergencyEntries = pgTable(
  'emergency_entries',
  {
    entryId: text('entry_id').primaryKey(),
    emergencyNumber: text('emergency_number').notNull(),
    year: integer('year').notNull(),
    deviceCode: text('device_code').notNull(),
    seq: integer('seq').notNull(),
    sessionId: text('session_id').notNull(),
    /** Date and time of the emergency registration: the legal date for terms. */
    legalDate: ts('legal_date').notNull(),
    recoveredAt: ts('recovered_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('emergency_entries_number_unique').on(t.emergencyNumber),
    uniqueIndex('emergency_entries_device_seq_unique').on(t.year, t.deviceCode, t.seq),
    index('emergency_entries_session').on(t.sessionId),
  ],
);

export const emergencyPreauthorisations = pgTable('emergency_preauthorisations', {
  id: text('id').primaryKey(),
  deviceId: text('device_id').notNull(),
  validUntil: ts('valid_until').notNull(),
  act: text('act').notNull(),
  authorisedBy: text('authorised_by').notNull(),
  authorisedByName: text('authorised_by_name').notNull(),
  createdAt: ts('created_at').notNull(),
  version: integer('version').notNull().default(1),
});
