import { eq } from 'drizzle-orm';
import { AppError, type DeskEvent, type SessionUser, type SyncStatus } from '../../../shared/contract';
import { PROTOCOL_VERSION, type MutationResult, type PullResponse, type SyncedTable } from '../../../shared/sync/protocol';
import type { Db } from '../db/open';
import { syncState } from '../db/schema';
import { throughWriteGate } from '../db/write-gate';
import type { Logger } from '../logger';
import type { BlobStore } from '../blobs/store';
import type { SessionStore } from '../session';
import { CLIENT_SCHEMA_VERSION } from '../db/version';
import { Mutex } from './mutex';
import { nextBatch, outboxCounts, toEnvelope, type OutboxRow } from './outbox';
import { applyAcks, applyPullPage } from './pull-applier';
import type { ServerClient } from './server-client';
import { LiveLink } from './live';
import { restartIfScopeChanged } from './scope';
import { uploadBlob } from './blob-transfer';
import { closeFtsCatchUp, openFtsCatchUp } from './fts-catch-up';
import { startFtsDrainer, type FtsDrainer } from './fts-drainer';
import { restoreEntryIndexes } from './entry-indexes';

export interface SyncDeps {
  db: Db;
  client: ServerClient;
  sessions: SessionStore;
  blobs: BlobStore;
  clock: () => Date;
  logger: Logger;
  emit: (e: DeskEvent) => void;
}

/** The deferred pull after an acknowledged registration (see pullSoon). */
const PULL_QUIET_MS = 150;
const PULL_MAX_DELAY_MS = 2_000;

const domainsOf: Record<SyncedTable, Extract<DeskEvent, { type: 'data-changed' }>['domains'][number]> = {
  organisation: 'setup',
  users: 'users',
  offices: 'offices',
  titolario: 'titolario',
  contacts: 'directory',
  protocol_entries: 'protocol',
  protocol_history: 'protocol',
  emergency_sessions: 'protocol',
  emergency_entries: 'protocol',
  emergency_preauthorisations: 'protocol',
  conflicts: 'conflicts',
  case_types: 'cases',
  case_settings: 'cases',
  cases: 'cases',
  case_events: 'cases',
  signature_items: 'cases',
  config_audit: 'cases',
  agenda_people: 'agenda',
  rooms: 'agenda',
  agenda_events: 'agenda',
  invitations: 'agenda',
  ceremony_templates: 'agenda',
};

/**
 * The sync engine: one round under a mutex (push → pull → push). Results of pushed mutations
 * are kept in memory so `protocol.register` can wait for its own number.
 */
export class SyncEngine {
  private readonly mutex = new Mutex();
  private readonly results = new Map<string, MutationResult>();
  private online = false;
  private upgradeRequired = false;
  private readonly announced = new Set<string>();
  private readonly live: LiveLink;
  private pullTimer: ReturnType<typeof setTimeout> | undefined;
  private pullDueBy = 0;
  /** The server's change-log head after this desk's latest push. */
  private pushedHead = 0;

  constructor(private readonly d: SyncDeps) {
    // A catch-up cut short (crash, power cut) may have left the register without them.
    restoreEntryIndexes(d.db.$client);
    this.live = new LiveLink({ client: d.client, sessions: d.sessions, logger: d.logger, round: (poked) => this.round(poked).then((s) => s.lastError === null) });
  }

  get clientId(): string {
    return this.state().clientId;
  }

  /** Starts the SSE subscription and the 10 s polling fallback. */
  start(): void {
    this.live.start();
  }

  async stop(): Promise<void> {
    if (this.pullTimer) clearTimeout(this.pullTimer);
    this.pullTimer = undefined;
    await this.live.stop();
    await this.mutex.run(async () => undefined);
  }

  /** One full round; failures are recorded in the status, never thrown. */
  round(pokedCursor?: number): Promise<SyncStatus> {
    return this.mutex.run(async () => {
      // A poke for a commit this desk already pulled (typically its own registration, pulled
      // right after the push) needs no trip to the server.
      if (pokedCursor !== undefined && this.online && this.state().cursor >= pokedCursor && outboxCounts(this.d.db).pending === 0) {
        return this.status();
      }
      // A poke for a commit no later than this desk's last push (its own registration, pushed
      // a moment ago) is brought by the pull already deferred for it (pullSoon): registrations
      // in a burst are not each followed by a round of their own.
      if (pokedCursor !== undefined && this.pullTimer && pokedCursor <= this.pushedHead && outboxCounts(this.d.db).pending === 0) {
        return this.status();
      }
      // This round pulls: a deferred pull still waiting (pullSoon) has nothing left to do, and
      // firing later it would pull changes made after this round in the middle of the next action.
      if (this.pullTimer) {
        clearTimeout(this.pullTimer);
        this.pullTimer = undefined;
      }
      try {
        await this.pushAll();
        await this.pullAll();
        await this.pushAll();
        this.recordSuccess();
      } catch (err) {
        this.recordFailure(err);
      }
      return this.emitStatus();
    });
  }

  /**
   * Pushes at once and pulls, for a mutation whose answer the caller waits for (registration).
   * Throws OFFLINE if the server could not be reached (the mutation stays in the outbox).
   */
  syncMutation(mutationId: string): Promise<MutationResult | undefined> {
    return this.mutex.run(async () => {
      try {
        await this.pushAll();
        const result = this.results.get(mutationId);
        // The applied result carries what the caller needs (the registered entry): the pull that
        // brings the server's rows runs shortly after, so the clerk does not wait for it.
        if (result?.status === 'applied') this.pullSoon();
        this.recordSuccess();
        this.emitStatus();
        return result;
      } catch (err) {
        this.recordFailure(err);
        this.emitStatus();
        throw err;
      }
    });
  }

  /**
   * A round after a quiet moment: registrations in a burst share one pull, and one comes at the
   * latest PULL_MAX_DELAY_MS after the first of them.
   */
  private pullSoon(): void {
    const now = Date.now();
    if (!this.pullTimer) this.pullDueBy = now + PULL_MAX_DELAY_MS;
    else clearTimeout(this.pullTimer);
    this.pullTimer = setTimeout(() => {
      this.pullTimer = undefined;
      void this.round();
    }, Math.max(0, Math.min(PULL_QUIET_MS, this.pullDueBy - now)));
    this.pullTimer.unref?.();
  }

  status(): SyncStatus {
    const s = this.state();
    const c = outboxCounts(this.d.db);
    return { online: this.online, pendingCount: c.pending, oldestPendingAt: c.oldestPendingAt, lastSyncAt: s.lastSyncAt, lastError: s.lastError, rejectedCount: c.rejected, cursor: s.cursor, upgradeRequired: this.upgradeRequired };
  }

  private async pushAll(): Promise<void> {
    for (;;) {
      const batch = nextBatch(this.d.db);
      if (batch.length === 0) return;
      const token = this.d.sessions.tokenOf(batch[0]!.userId);
      if (!token) throw new AppError('UNAUTHENTICATED', "Modifiche in attesa: l'autore deve accedere di nuovo per inviarle al server.");
      await this.uploadDocuments(batch, token);
      const res = await this.d.client.push(
        { clientId: this.clientId, protocolVersion: PROTOCOL_VERSION, schemaVersion: CLIENT_SCHEMA_VERSION, mutations: batch.map(toEnvelope) },
        token,
      );
      this.upgradeRequired = false;
      this.pushedHead = Math.max(this.pushedHead, res.cursor);
      for (const r of res.results) this.results.set(r.id, r);
      throughWriteGate(this.d.db.$client, () => applyAcks(this.d.db, res.results));
      this.online = true;
      if (res.results.length === 0) return;
    }
  }

  /** PUT /blobs/<sha> for every document a mutation references that the server lacks. */
  private async uploadDocuments(batch: OutboxRow[], token: string): Promise<void> {
    for (const m of batch) {
      for (const sha of referencedHashes(JSON.parse(m.args) as unknown)) {
        if (this.d.blobs.isUploaded(sha)) continue;
        const bytes = this.d.blobs.read(sha);
        if (!bytes) continue; // the server will refuse the mutation with a clear reason
        await uploadBlob(this.d.client.baseUrl, sha, bytes, await this.d.client.accessTokenFor(token));
        this.d.blobs.markUploaded(sha, bytes.byteLength);
      }
    }
  }

  /**
   * The desk's scope is the union of its users' (docs/decisions/0003-scopes.md): each user who
   * logs in here is announced once with a one-row pull under their own session.
   */
  private async announceUsers(): Promise<void> {
    for (const [userId, token] of this.d.sessions.liveTokensByUser()) {
      if (this.announced.has(userId)) continue;
      const s = this.state();
      await this.d.client.pull({ cursor: s.cursor, clientId: s.clientId, ackedSeq: s.ackedSeq, limit: 1 }, token);
      this.announced.add(userId);
    }
  }

  /**
   * Pulls until the server has nothing more. The next page is requested before the current one
   * is written, so the server prepares it meanwhile; a big catch-up (more than one page)
   * defers the full-text index to one bulk update at its end, even when it fails half-way.
   */
  private async pullAll(): Promise<void> {
    await this.announceUsers();
    const token = this.d.sessions.anyToken();
    const touched = new Set<SyncedTable>();
    const sqlite = this.d.db.$client;
    let catchingUp = false;
    let drainer: FtsDrainer | null = null;
    try {
      let s = this.state();
      let from = s.cursor;
      let next = this.fetchPage(s.cursor, s.clientId, s.ackedSeq, token);
      for (;;) {
        const page = await next;
        s = this.state();
        // Fetched from another position (the cursor moved meanwhile): ask again from here.
        if (from !== s.cursor) {
          from = s.cursor;
          next = this.fetchPage(s.cursor, s.clientId, s.ackedSeq, token);
          continue;
        }
        // The scope changed: the desk starts again from 0 and drops what it may no longer hold.
        if (restartIfScopeChanged(this.d.db, page, s.cursor)) {
          from = 0;
          next = this.fetchPage(0, s.clientId, s.ackedSeq, token);
          continue;
        }
        const more = page.hasMore && page.cursor !== s.cursor;
        if (more) {
          if (!catchingUp) {
            if (openFtsCatchUp(sqlite).full) drainer = startFtsDrainer(sqlite, (err) => this.d.logger.log('warn', 'fts drain failed', { error: String(err) }));
          }
          catchingUp = true;
          const ackedSeq = page.acks.reduce((m, a) => Math.max(m, a.seq), s.ackedSeq);
          from = page.cursor;
          next = this.fetchPage(page.cursor, s.clientId, ackedSeq, token);
          // fetch writes the request on a later turn of the event loop: without this turn the
          // page below would be written first and the server would only then start the next.
          await new Promise((resolve) => setImmediate(resolve));
        }
        for (const a of page.acks) this.results.set(a.id, a);
        // The index thread writes what the last page brought while this one travelled.
        await drainer?.settled();
        for (const t of applyPullPage(this.d.db, page, (id) => this.userFor(id))) touched.add(t);
        drainer?.request();
        this.online = true;
        if (!more) break;
      }
    } finally {
      await drainer?.close();
      closeFtsCatchUp(sqlite);
    }
    if (touched.size > 0) this.d.emit({ type: 'data-changed', domains: [...new Set([...touched].map((t) => domainsOf[t]))] });
  }

  /** One pull request; a failure surfaces when the page is awaited, never as an unhandled rejection. */
  private fetchPage(cursor: number, clientId: string, ackedSeq: number, token: string | undefined): Promise<PullResponse> {
    const page = this.d.client.pull({ cursor, clientId, ackedSeq }, token);
    page.catch(() => undefined);
    return page;
  }

  private userFor(id: string): SessionUser {
    return this.d.sessions.userOf(id) ?? { id, username: '', fullName: '', roles: [], officeId: null };
  }

  private state() {
    const s = this.d.db.select().from(syncState).where(eq(syncState.id, 1)).get();
    if (!s) throw new Error('sync_state mancante');
    return s;
  }

  private recordSuccess(): void {
    this.d.db.update(syncState).set({ lastSyncAt: this.d.clock().toISOString(), lastError: null }).where(eq(syncState.id, 1)).run();
  }

  private recordFailure(err: unknown): void {
    if (err instanceof AppError && err.code === 'OFFLINE') this.online = false;
    // Version skew keeps the outbox as it is: the desk shows "aggiorna il programma" and retries.
    if (err instanceof AppError && err.code === 'VERSION_SKEW') this.upgradeRequired = true;
    const message = err instanceof AppError ? err.message : 'Errore di sincronizzazione imprevisto.';
    this.d.logger.log('warn', 'sync failed', { error: err instanceof Error ? err.message : String(err) });
    this.d.db.update(syncState).set({ lastError: message }).where(eq(syncState.id, 1)).run();
  }

  private emitStatus(): SyncStatus {
    const status = this.status();
    this.d.emit({ type: 'sync-status', status });
    return status;
  }
}

/** Every `sha256` a mutation's arguments reference (primary document, attachments). */
export function referencedHashes(args: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(args)) for (const v of args) referencedHashes(v, out);
  else if (args && typeof args === 'object') {
    for (const [k, v] of Object.entries(args)) {
      if (k === 'sha256' && typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)) out.add(v);
      else referencedHashes(v, out);
    }
  }
  return out;
}
