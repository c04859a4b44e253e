import { z } from 'zod';
import { defineDomain, procedure } from './procedure';
import { noInput, type GeneratedFile } from './common';

/** What the desk always shows about its link with the register server. */
export interface SyncStatus {
  online: boolean;
  pendingCount: number;
  /** ISO time of the oldest mutation still waiting for the server, if any. */
  oldestPendingAt: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
  /** Mutations the server refused, waiting in "Da verificare". */
  rejectedCount: number;
  cursor: number;
  /** Desk clock minus server clock, in ms, from the last answer carrying the server time (warning only). */
  clockSkewMs?: number | null;
  /** The server reported VERSION_SKEW: this desk must be updated (set by the sync engine). */
  upgradeRequired?: boolean;
}

export interface SystemInfo {
  appVersion: string;
  schemaVersion: number;
  protocolVersion: number;
  dataDir: string;
  serverUrl: string;
  /** Upload limit for documents, in bytes (default 100 MB). */
  maxUploadBytes: number;
}

export const systemContract = defineDomain('system', {
  /** Versions, data folder and limits of this desk. */
  'system.info': procedure<typeof noInput, SystemInfo>(noInput, { auth: false }),
  /** Diagnostic bundle for support (versions, cursors, outbox with secrets redacted, sync log) as JSON. */
  'system.diagnostics': procedure<typeof noInput, GeneratedFile>(noInput),
});

export const syncContract = defineDomain('sync', {
  /** Online state, pending count, last sync and last error. */
  'sync.status': procedure<typeof noInput, SyncStatus>(noInput),
  /** Runs one sync round now (push, pull, push). */
  'sync.now': procedure<typeof noInput, SyncStatus>(noInput),
});
