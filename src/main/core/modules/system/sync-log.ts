import { AppError, type SyncStatus } from '../../../../shared/contract';
import { clockSkewOf } from '../../../../shared/domain/sync-health';
import type { ServerClient } from '../../sync/server-client';

/** One event of the recent sync history kept for the diagnostic bundle. */
export interface SyncLogEntry {
  at: string;
  kind: 'push' | 'pull' | 'health' | 'round';
  /** Number of the round this event belongs to (rounds end with a `round` entry). */
  round: number;
  ms?: number;
  pushed?: number;
  applied?: number;
  rejected?: number;
  pulled?: number;
  cursor?: number;
  pending?: number;
  error?: string | null;
}

export const SYNC_LOG_CAPACITY = 500;

/**
 * A ring buffer of the last ~500 sync events (time, round, pushed, pulled, errors) and the
 * last clock skew observed from the server's time. Kept in memory only: it is for support,
 * and the outbox, not this log, is what guarantees nothing is lost.
 */
export class SyncLog {
  private readonly entries: SyncLogEntry[] = [];
  private next = 0;
  private roundNo = 1;
  private skewMs: number | null = null;
  private versionSkew = false;

  constructor(
    private readonly clock: () => Date,
    private readonly capacity = SYNC_LOG_CAPACITY,
  ) {}

  record(entry: Omit<SyncLogEntry, 'at' | 'round'>): void {
    const full: SyncLogEntry = { at: this.clock().toISOString(), round: this.roundNo, ...entry };
    if (this.entries.length < this.capacity) this.entries.push(full);
    else this.entries[this.next] = full;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Oldest first. */
  list(): SyncLogEntry[] {
    if (this.entries.length < this.capacity) return [...this.entries];
    return [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
  }

  /** Closes the current round with the status the engine reported. */
  endRound(status: SyncStatus): void {
    this.record({ kind: 'round', pending: status.pendingCount, cursor: status.cursor, error: status.lastError });
    this.roundNo++;
  }

  observeServerTime(sentAtMs: number, receivedAtMs: number, serverTime: string | undefined): void {
    if (!serverTime) return;
    const skew = clockSkewOf(sentAtMs, receivedAtMs, serverTime);
    if (skew !== null) this.skewMs = skew;
  }

  noteError(err: unknown): string {
    if (err instanceof AppError && err.code === 'VERSION_SKEW') this.versionSkew = true;
    return err instanceof AppError ? `${err.code}: ${err.message}` : String(err);
  }

  noteSuccess(): void {
    this.versionSkew = false;
  }

  /** The desk clock (injected): the skew is measured against the clock the desk stamps with. */
  nowMs(): number {
    return this.clock().getTime();
  }

  get clockSkewMs(): number | null {
    return this.skewMs;
  }

  /** Adds what the log knows (clock skew, version skew seen) to a status from the engine. */
  decorate(status: SyncStatus): SyncStatus {
    return {
      ...status,
      clockSkewMs: status.clockSkewMs ?? this.skewMs,
      upgradeRequired: status.upgradeRequired === true || this.versionSkew,
    };
  }
}

/**
 * Observes the register-server client without changing it: push, pull and health calls are
 * recorded in the log, and every answer carrying `serverTime` updates the clock skew.
 */
export function observeServerClient(client: ServerClient, log: SyncLog): void {
  const push = client.push.bind(client);
  const pull = client.pull.bind(client);
  const health = client.health.bind(client);
  const now = () => log.nowMs();

  client.push = async (body, token) => {
    const t0 = now();
    try {
      const res = await push(body, token);
      const rejected = res.results.filter((r) => r.status === 'rejected').length;
      log.noteSuccess();
      log.record({ kind: 'push', ms: now() - t0, pushed: body.mutations.length, applied: res.results.length - rejected, rejected, cursor: res.cursor });
      return res;
    } catch (err) {
      log.record({ kind: 'push', ms: now() - t0, pushed: body.mutations.length, error: log.noteError(err) });
      throw err;
    }
  };
  client.pull = async (q, token) => {
    const t0 = now();
    try {
      const res = await pull(q, token);
      const t1 = now();
      log.observeServerTime(t0, t1, res.serverTime);
      log.record({ kind: 'pull', ms: t1 - t0, pulled: res.changes.length, cursor: res.cursor });
      return res;
    } catch (err) {
      log.record({ kind: 'pull', ms: now() - t0, error: log.noteError(err) });
      throw err;
    }
  };
  client.health = async (timeoutMs) => {
    const t0 = now();
    try {
      const res = await health(timeoutMs);
      log.observeServerTime(t0, now(), res.serverTime);
      return res;
    } catch (err) {
      log.record({ kind: 'health', ms: now() - t0, error: log.noteError(err) });
      throw err;
    }
  };
}
