import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { drainFtsCatchUp, drainIndexInto, INDEXED_BODY_SQL } from './fts-catch-up';

/**
 * Indexes a new desk's register while it arrives (bench/sync-initial.ts: a million entries).
 * After each page is written, the rows it brought go into the full-text index on a second
 * thread with its own SQLite connection, while the desk's thread waits for and parses the next
 * page; the desk writes that page only once the drain is over, so the two never wait on each
 * other's write lock. An in-memory database (tests) has no second connection: the drain runs
 * on the desk's thread. A failed drain loses nothing: closeFtsCatchUp drains what is left.
 */
export interface FtsDrainer {
  /** Starts a drain of what is written so far (after a page's transaction). */
  request(): void;
  /** Resolves when the last requested drain is over; call before writing again. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export function startFtsDrainer(sqlite: Database.Database, onError: (err: unknown) => void): FtsDrainer {
  const inline: FtsDrainer = {
    request: () => drainFtsCatchUp(sqlite),
    settled: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  if (sqlite.memory) return inline;
  try {
    return new ThreadDrainer(sqlite.name, onError);
  } catch (err) {
    // No second thread here (a packaged build that cannot start one): same work, one thread.
    onError(err);
    return inline;
  }
}

/**
 * The thread's whole program. It runs drainIndexInto's own source (fts-catch-up.ts), so the
 * index is written by the same statements on both threads.
 */
function threadProgram(): string {
  return `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqliteModule);
const drainIndexInto = ${drainIndexInto.toString()};
const db = new Database(workerData.file, { timeout: 10000 });
db.pragma('synchronous = NORMAL');
db.pragma('cache_size = -4096');
db.pragma('wal_autocheckpoint = 10000');
parentPort.on('message', (m) => {
  if (m === 'close') { db.close(); parentPort.close(); return; }
  try {
    const indexed = db.transaction(() => drainIndexInto(db, workerData.bodySql))();
    parentPort.postMessage({ ok: true, indexed });
  } catch (err) {
    parentPort.postMessage({ ok: false, message: String((err && err.message) || err) });
  }
});`;
}

class ThreadDrainer implements FtsDrainer {
  private readonly worker: Worker;
  private waiting: Array<() => void> = [];
  private inFlight = 0;
  private readonly exited: Promise<void>;
  private dead = false;

  constructor(file: string, private readonly onError: (err: unknown) => void) {
    const sqliteModule = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(threadProgram(), { eval: true, workerData: { file, sqliteModule, bodySql: INDEXED_BODY_SQL } });
    this.worker.on('message', (m: { ok: boolean; message?: string }) => {
      if (!m.ok) this.onError(new Error(m.message));
      this.inFlight--;
      if (this.inFlight === 0) for (const resolve of this.waiting.splice(0)) resolve();
    });
    // A thread that failed or ended drains no more; the waiters go on (the close drains the rest).
    const stop = () => {
      this.dead = true;
      this.inFlight = 0;
      for (const resolve of this.waiting.splice(0)) resolve();
    };
    this.worker.on('error', (err) => {
      this.onError(err);
      stop();
    });
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve(stop())));
  }

  request(): void {
    if (this.dead) return;
    this.inFlight++;
    this.worker.postMessage('drain');
  }

  settled(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }

  async close(): Promise<void> {
    await this.settled();
    if (!this.dead) this.worker.postMessage('close');
    await this.exited;
  }
}
