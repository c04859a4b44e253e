import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AppError, contract, isProcedureName, parseInput, type DeskEvent, type DeskEventListener, type DocumentRef, type Handlers, type SyncStatus } from '../../shared/contract';
import { isAllowed } from '../../shared/domain/permissions';
import { uuidv7 } from '../../shared/domain/ids';
import { BlobStore } from './blobs/store';
import { openLocalDatabase, DEFAULT_MIGRATIONS_FOLDER } from './db/open';
import { installWriteGate } from './db/write-gate';
import { syncState } from './db/schema';
import type { DeskContext, DeskDeps } from './deps';
import { redact, silentLogger, type Logger } from './logger';
import { SessionStore } from './session';
import { SyncEngine } from './sync/engine';
import { ServerClient } from './sync/server-client';
import { authHandlers } from './modules/auth/handlers';
import { deviceHandlers } from './device/handlers';
import { directoryHandlers } from './modules/directory/handlers';
import { organisationHandlers } from './modules/organisation/handlers';
import { protocolHandlers } from './modules/protocol/handlers';
import { conflictsHandlers } from './modules/conflicts/handlers';
import { documentHandlers } from './blobs/handlers';
import { emergencyHandlers } from './modules/emergency/handlers';
import { systemHandlers } from './modules/system/handlers';
import { observeServerClient, SyncLog } from './modules/system/sync-log';
import { reviewHandlers } from './modules/review/handlers';
import { casesHandlers } from './modules/cases/handlers';
import { agendaHandlers } from './modules/agenda/handlers';
import { invitationHandlers } from './modules/invitations/handlers';

export { StartupError } from './errors';
export type { Logger } from './logger';

export interface OpenDeskOptions {
  /** Folder of the desk's data (database, blobs), or ':memory:' for tests. */
  dataDir: string | ':memory:';
  serverUrl: string;
  clock?: () => Date;
  logger?: Logger;
  /** Upload limit for documents (default 100 MB). */
  maxUploadBytes?: number;
  migrationsFolder?: string;
  appVersion?: string;
  /** SSE subscription and polling (default true); tests switch it off to drive rounds by hand. */
  live?: boolean;
  /** Days an offline login stays possible after the last online one (default 14; issue 3). */
  offlineLoginDays?: number;
}

export interface Desk {
  /** Runs a contract procedure: validation, session, permission, handler; throws AppError only. */
  call(name: string, rawInput: unknown, ctx: { token?: string }): Promise<unknown>;
  /** Stores a document by SHA-256 (the impronta) and returns its reference. */
  putFile(bytes: Uint8Array, fileName: string, mimeType: string): Promise<DocumentRef>;
  onEvent(listener: DeskEventListener): () => void;
  syncNow(): Promise<SyncStatus>;
  close(): Promise<void>;
  dataDir: string;
}

const DEFAULT_MAX_UPLOAD = 100 * 1024 * 1024;
const SLOW_CALL_MS = 20;

/** Opens the desk: checks and migrates the local database, then starts the sync engine. */
export async function openDesk(opts: OpenDeskOptions): Promise<Desk> {
  const clock = opts.clock ?? (() => new Date());
  const logger = opts.logger ?? silentLogger;
  const inMemory = opts.dataDir === ':memory:';
  const dataDir = inMemory ? fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-desk-')) : opts.dataDir;
  fs.mkdirSync(dataDir, { recursive: true });
  const db = openLocalDatabase(inMemory ? ':memory:' : path.join(dataDir, 'gonfalone.db'), opts.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER);
  installWriteGate(db.$client);
  db.insert(syncState).values({ id: 1, clientId: uuidv7(clock().getTime()) }).onConflictDoNothing().run();

  const listeners = new Set<DeskEventListener>();
  const syncLog = new SyncLog(clock);
  const emit = (raw: DeskEvent) => {
    // Each status the engine reports closes a round in the sync log and gains the clock skew.
    if (raw.type === 'sync-status') syncLog.endRound(raw.status);
    const e: DeskEvent = raw.type === 'sync-status' ? { type: 'sync-status', status: syncLog.decorate(raw.status) } : raw;
    for (const l of listeners) {
      try {
        l(e);
      } catch (err) {
        logger.log('warn', 'event listener failed', { error: err instanceof Error ? err.message : String(err) });
      }
    }
  };
  const client = new ServerClient(opts.serverUrl);
  observeServerClient(client, syncLog);
  const sessions = new SessionStore(clock, { db, client });
  const blobs = new BlobStore(path.join(dataDir, 'blobs'), db);
  const engine = new SyncEngine({ db, client, sessions, blobs, clock, logger, emit });
  const maxUploadBytes = opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD;
  const deps: DeskDeps = {
    db, client, sessions, engine, blobs, clock, logger, emit, syncLog,
    settings: { dataDir, serverUrl: opts.serverUrl, maxUploadBytes, appVersion: opts.appVersion ?? '0.1.0' },
  };
  const handlers: Handlers<DeskContext> = {
    ...authHandlers(deps, { offlineLoginDays: opts.offlineLoginDays }),
    ...deviceHandlers(deps),
    ...systemHandlers(deps),
    ...directoryHandlers(deps),
    ...organisationHandlers(deps),
    ...protocolHandlers(deps),
    ...conflictsHandlers(deps),
    ...documentHandlers(deps),
    ...emergencyHandlers(deps),
    ...reviewHandlers(deps),
    ...casesHandlers(deps),
    ...agendaHandlers(deps),
    ...invitationHandlers(deps),
  };
  if (opts.live ?? true) engine.start();

  async function call(name: string, rawInput: unknown, ctx: { token?: string }): Promise<unknown> {
    const started = performance.now();
    let outcome = 'ok';
    try {
      if (!isProcedureName(name)) throw new AppError('UNKNOWN_PROCEDURE', `Operazione sconosciuta: ${name.slice(0, 80)}`);
      const proc = contract[name];
      const input = parseInput(proc.input, rawInput ?? {});
      const user = proc.auth ? sessions.require(ctx.token) : null;
      if (user && !isAllowed(name, user.roles)) throw new AppError('FORBIDDEN');
      const handler = handlers[name] as (i: unknown, c: DeskContext) => unknown;
      return await handler(input, { token: ctx.token, user });
    } catch (err) {
      outcome = err instanceof AppError ? err.code : 'INTERNAL';
      if (err instanceof AppError) throw err;
      logger.log('error', 'rpc failed', { name, error: err instanceof Error ? err.stack : String(err) });
      throw new AppError('INTERNAL');
    } finally {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      logger.log(ms >= SLOW_CALL_MS ? 'info' : 'debug', 'rpc', { name, ms, outcome, args: redact(rawInput) });
    }
  }

  return {
    dataDir,
    call,
    async putFile(bytes, fileName, mimeType) {
      if (bytes.byteLength === 0) throw new AppError('FILE_EMPTY', `Il file «${fileName}» è vuoto.`);
      if (bytes.byteLength > maxUploadBytes) {
        throw new AppError('FILE_TOO_LARGE', `Il file «${fileName}» supera il limite di ${Math.round(maxUploadBytes / 1024 / 1024)} MB.`);
      }
      const sha256 = blobs.put(bytes);
      return { sha256, fileName: fileName.slice(0, 255) || 'documento', mimeType: mimeType || 'application/octet-stream', size: bytes.byteLength, role: 'allegato' };
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    syncNow: () => engine.round().then((s) => syncLog.decorate(s)),
    async close() {
      await engine.stop();
      listeners.clear();
      db.$client.close();
      if (inMemory) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
