import { z } from 'zod';
import { isoDateTime, uuid } from '../contract/common';
import type { ErrorEnvelope } from '../contract/errors';

/**
 * The push/pull protocol between a desk and the register server (ARCHITECTURE.md, "Sync").
 * Bump PROTOCOL_VERSION when a message shape changes; mutation versions are per mutation.
 */
export const PROTOCOL_VERSION = 1;

/** Names of the mutations the server knows, with the version the desk writes today. */
export const mutationVersions = {
  'protocol.register': 1,
  'protocol.update': 1,
  'protocol.requestAnnulment': 1,
  'protocol.annul': 1,
  'directory.create': 1,
  // v2: `clear` names the optional fields to empty (v1 is upgraded by the server).
  'directory.update': 2,
  'titolario.upsert': 1,
  'offices.upsert': 1,
  'conflicts.resolve': 1,
  // Emergency register (art. 63), issue 3.
  'emergency.open': 1,
  'emergency.close': 1,
  'emergency.preauthorise': 1,
  'protocol.registerEmergency': 1,
  // Cases (pratiche), issue 4.
  'cases.open': 1,
  'cases.linkEntry': 1,
  'cases.assign': 1,
  'cases.takeCharge': 1,
  'cases.refuse': 1,
  'cases.transition': 1,
  'cases.suspend': 1,
  'cases.resume': 1,
  'cases.addNote': 1,
  'cases.replySent': 1,
  'cases.close': 1,
  'cases.archive': 1,
  'cases.updatePatronage': 1,
  'cases.decidePatronage': 1,
  'cases.advanceHearing': 1,
  'cases.updateType': 1,
  'cases.updateSettings': 1,
  'signature.submit': 1,
  'signature.decide': 1,
  // Agenda, rooms and invitations, issue 5.
  'agenda.create': 1,
  'agenda.update': 1,
  'agenda.delete': 1,
  'agenda.delegate': 1,
  'agenda.upsertPerson': 1,
  'agenda.upsertRoom': 1,
  'agenda.upsertTemplate': 1,
  'invitations.record': 1,
  'invitations.decide': 1,
  'invitations.linkLetter': 1,
} as const;
export type MutationName = keyof typeof mutationVersions;

export const mutationEnvelope = z.object({
  /** UUID of the mutation: the idempotency key. */
  id: uuid,
  /** Gapless per-client sequence, starting at 1. */
  seq: z.number().int().min(1),
  name: z.string().min(1).max(80),
  version: z.number().int().min(1),
  /** Arguments, validated by the server against the schema of (name, version). */
  args: z.unknown(),
  /** Row versions the desk based the change on, e.g. { "protocol_entries:<id>": 3 }. */
  baseVersions: z.record(z.string(), z.number().int().min(0)).default({}),
  /** Desk clock at creation: informational only, never used to order or decide. */
  createdAt: isoDateTime,
});
export type MutationEnvelope = z.infer<typeof mutationEnvelope>;

export const pushRequest = z.object({
  clientId: uuid,
  protocolVersion: z.number().int(),
  schemaVersion: z.number().int(),
  mutations: z.array(mutationEnvelope).max(1000),
});
export type PushRequest = z.infer<typeof pushRequest>;

export interface MutationResult {
  id: string;
  seq: number;
  status: 'applied' | 'rejected';
  /** What the handler returned (e.g. the assigned protocol number); stored and replayed on retry. */
  result?: unknown;
  error?: ErrorEnvelope;
}

export interface PushResponse {
  results: MutationResult[];
  /** Highest sequence of this client the server has processed. */
  lastSeq: number;
  /** Newest change-log position after the push. */
  cursor: number;
}

/**
 * "Document" tables (issues 4 and 5): each row travels as its shared DTO and is stored whole on
 * both sides, next to a few query columns (src/server/db/doc-table.ts, src/main/core/db/doc-tables.ts).
 */
export const docTables = [
  'case_types', 'case_settings', 'cases', 'case_events', 'signature_items', 'config_audit',
  'agenda_people', 'rooms', 'agenda_events', 'invitations', 'ceremony_templates',
] as const;
export type DocTable = (typeof docTables)[number];

/** Synced tables and the shape of their rows (the shared DTOs). */
export const syncedTables = [
  'organisation', 'users', 'offices', 'titolario', 'contacts', 'protocol_entries', 'protocol_history', 'conflicts',
  'emergency_sessions', 'emergency_entries', 'emergency_preauthorisations',
  ...docTables,
] as const;
export type SyncedTable = (typeof syncedTables)[number];

export interface Change {
  /** Position in the commit-ordered change log. */
  seq: number;
  table: SyncedTable;
  /** Primary key of the row (id, or code for titolario, 'singleton' for organisation). */
  key: string;
  /** The full row after the change; null is a tombstone. */
  row: Record<string, unknown> | null;
  version: number;
}

export interface PullResponse {
  changes: Change[];
  /** Cursor to send next time; the page always ends on a transaction boundary. */
  cursor: number;
  hasMore: boolean;
  /** Results of this client's mutations processed after `ackedSeq`. */
  acks: MutationResult[];
  serverTime: string;
  /**
   * Names what decided the rows this desk receives (its users' roles and offices,
   * docs/decisions/0003-scopes.md). When it changes the desk pulls again from 0 and drops the
   * scoped rows it no longer receives.
   */
  scopeKey?: string;
}

export const pullQuery = z.object({
  cursor: z.coerce.number().int().min(0).default(0),
  clientId: uuid.optional(),
  ackedSeq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(10000).default(2000),
});

/** `GET /health` of the register server. */
export interface ServerHealth {
  ok: true;
  initialized: boolean;
  serverTime: string;
  protocolVersion: number;
  schemaVersion: number;
  /** Newest version of each mutation the server applies (older ones are upgraded). */
  mutationVersions?: Record<string, number>;
}
