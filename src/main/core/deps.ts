import { AppError, type DeskEvent, type SessionUser } from '../../shared/contract';
import type { BlobStore } from './blobs/store';
import type { Db } from './db/open';
import type { Logger } from './logger';
import type { SessionStore } from './session';
import type { SyncEngine } from './sync/engine';
import type { ServerClient } from './sync/server-client';
import type { SyncLog } from './modules/system/sync-log';

/** Everything the desk's services need, injected once by `openDesk` (no singletons). */
export interface DeskDeps {
  db: Db;
  client: ServerClient;
  sessions: SessionStore;
  engine: SyncEngine;
  blobs: BlobStore;
  clock: () => Date;
  logger: Logger;
  emit: (e: DeskEvent) => void;
  /** Recent sync events and the observed clock skew (diagnostics, status bar). */
  syncLog: SyncLog;
  settings: { dataDir: string; serverUrl: string; maxUploadBytes: number; appVersion: string };
}

/** The caller of a procedure: token as received, user when the session is valid. */
export interface DeskContext {
  token: string | undefined;
  user: SessionUser | null;
}

export function requireUser(ctx: DeskContext): SessionUser {
  if (!ctx.user) throw new AppError('UNAUTHENTICATED');
  return ctx.user;
}
