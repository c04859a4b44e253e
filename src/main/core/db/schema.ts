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

// ---------------------------------------------------------------------------------------------
// Slice desk-ux (issue 3): the local log of the "Da verificare" inbox. A mutation the server
// refused leaves the outbox only by a person's decision, and is copied here with who and when:
// nothing is ever dropped silently (ARCHITECTURE.md, "Sync"). Local to the desk, never synced.
// ---------------------------------------------------------------------------------------------
export const reviewLog = sqliteTable(
  'review_log',
  {
    mutationId: text('mutation_id').primaryKey(),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    args: text('args').notNull(),
    baseVersions: text('base_versions').notNull().default('{}'),
    userId: text('user_id').notNull(),
    createdAt: text('created_at').notNull(),
    /** The server's refusal, as the `{code, message}` envelope it sent. */
    error: text('error'),
    decision: text('decision', { enum: ['discarded', 'resubmitted'] }).notNull(),
    decidedBy: text('decided_by').notNull(),
    decidedByName: text('decided_by_name').notNull(),
    decidedAt: text('decided_at').notNull(),
    note: text('note'),
    /** The new mutation written by "Risolvi" (resubmitted), if any. */
    newMutationId: text('new_mutation_id'),
  },
  (t) => [index('review_log_decided_at').on(t.decidedAt)],
);

// ---------------------------------------------------------------------------------------------
// Slice emergency (issue 3): the emergency register (DPR 445/2000 art. 63). Sessions, links and
// pre-authorisations are synced copies (written by the write path and the pull applier); the
// per-device, per-year counter is local and advanced in the transaction that writes the entry,
// so the emergency sequence is gapless per device.
// ---------------------------------------------------------------------------------------------
export const emergencySessions = sqliteTable(
  'emergency_sessions',
  {
    id: text('id').primaryKey(),
    deviceId: text('device_id').notNull(),
    deviceCode: text('device_code').notNull(),
    cause: text('cause').notNull(),
    startedAt: text('started_at').notNull(),
    endedAt: text('ended_at'),
    authoriser: text('authoriser').notNull(),
    dailyCounts: text('daily_counts').notNull().default('{}'),
    total: integer('total').notNull().default(0),
    openedBy: text('opened_by').notNull(),
    openedByName: text('opened_by_name').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('emergency_sessions_device').on(t.deviceId, t.startedAt)],
);

export const emergencyEntries = sqliteTable(
  'emergency_entries',
  {
    entryId: text('entry_id').primaryKey(),
    emergencyNumber: text('emergency_number').notNull(),
    year: integer('year').notNull(),
    deviceCode: text('device_code').notNull(),
    seq: integer('seq').notNull(),
    sessionId: text('session_id').notNull(),
    legalDate: text('legal_date').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('emergency_entries_number').on(t.emergencyNumber), index('emergency_entries_session').on(t.sessionId)],
);

export const emergencyPreauthorisations = sqliteTable('emergency_preauthorisations', {
  id: text('id').primaryKey(),
  deviceId: text('device_id').notNull(),
  validUntil: text('valid_until').notNull(),
  act: text('act').notNull(),
  authorisedBy: text('authorised_by').notNull(),
  authorisedByName: text('authorised_by_name').notNull(),
  createdAt: text('created_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const emergencyCounters = sqliteTable(
  'emergency_counters',
  {
    deviceCode: text('device_code').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [uniqueIndex('emergency_counters_pk').on(t.deviceCode, t.year)],
);

// ---------------------------------------------------------------------------------------------
// Issue 3, slice "sync": conflicts, scope changes and the download cache of documents.

/** Copy of the server's conflicts this desk's users may see (synced table `conflicts`). */
export const conflicts = sqliteTable(
  'conflicts',
  {
    id: text('id').primaryKey(),
    tableName: text('table_name').notNull(),
    rowKey: text('row_key').notNull(),
    field: text('field').notNull(),
    keptValue: text('kept_value'),
    losingValue: text('losing_value'),
    keptBy: text('kept_by'),
    losingBy: text('losing_by').notNull(),
    keptMutationId: text('kept_mutation_id'),
    losingMutationId: text('losing_mutation_id').notNull(),
    at: text('at').notNull(),
    resolvedBy: text('resolved_by'),
    resolvedAt: text('resolved_at'),
    resolution: text('resolution'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('conflicts_open').on(t.resolvedAt, t.at)],
);

/** The scope key of the last pull and whether a re-pull from 0 (after a scope change) is under way. */
export const syncScope = sqliteTable('sync_scope', {
  id: integer('id').primaryKey(),
  scopeKey: text('scope_key'),
  resyncing: integer('resyncing', { mode: 'boolean' }).notNull().default(false),
});

/** Rows of scoped tables received during a re-pull from 0: the others leave the desk at its end. */
export const scopeResyncSeen = sqliteTable(
  'scope_resync_seen',
  {
    tableName: text('table_name').notNull(),
    rowKey: text('row_key').notNull(),
  },
  (t) => [uniqueIndex('scope_resync_seen_pk').on(t.tableName, t.rowKey)],
);

/**
 * Documents downloaded on demand (not created on this desk): the only ones evicted, least
 * recently used first, when the per-device budget is exceeded.
 */
export const downloadedBlobs = sqliteTable(
  'downloaded_blobs',
  {
    sha256: text('sha256').primaryKey(),
    size: integer('size').notNull(),
    lastUsedAt: text('last_used_at').notNull(),
  },
  (t) => [index('downloaded_blobs_lru').on(t.lastUsedAt)],
);

// ─── Issue 3, slice "devices": this desk's enrollment and the offline-login cache ───

/** Singleton (id 1): the credentials the register server gave this desk at enrollment. */
export const deviceIdentity = sqliteTable('device_identity', {
  id: integer('id').primaryKey(),
  deviceId: text('device_id').notNull(),
  deviceCode: text('device_code').notNull(),
  deviceSecret: text('device_secret').notNull(),
  enrolledAt: text('enrolled_at').notNull(),
});

/**
 * Per user who logged in online here: a scrypt verifier of the password (never the password)
 * for offline login, and the latest refresh token so the desk re-authenticates on reconnection.
 */
export const offlineCredentials = sqliteTable('offline_credentials', {
  username: text('username').primaryKey(),
  userId: text('user_id').notNull(),
  user: text('user').notNull(),
  verifier: text('verifier').notNull(),
  cachedAt: text('cached_at').notNull(),
  refreshToken: text('refresh_token'),
  refreshExpiresAt: text('refresh_expires_at'),
});

export const offlineLoginFailures = sqliteTable(
  'offline_login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('offline_login_failures_username_at').on(t.username, t.at)],
);
