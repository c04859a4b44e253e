import type { Logger } from '../logger';
import type { SessionStore } from '../session';
import type { ServerClient } from './server-client';

const POLL_MS = 10_000;
// A desk on the town hall's LAN should notice the server's return within seconds, not minutes.
const MAX_BACKOFF_MS = 15_000;

/** Exponential backoff with full jitter: 1 s, 2 s, 4 s … capped at 15 s. */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Timers and randomness, injected so tests drive time by hand. */
export interface Scheduler {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
  random(): number;
}

export const realScheduler: Scheduler = {
  set(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
  now: () => Date.now(),
  random: Math.random,
};

/** The watchdog looks this often whether the retry chain is still alive. */
export const WATCHDOG_MS = 30_000;

/**
 * Keeps the desk current: a `GET /sync/events` SSE subscription pokes a round on each new
 * cursor; a timer polls every 10 s as a fallback, backing off after failures (exponential with
 * jitter), so a failed upload is retried without waiting for another local write. A watchdog
 * restarts the chain if no round has started for longer than the longest wait (e.g. a round
 * that threw, or a timer lost while the machine slept).
 */
export class LiveLink {
  private stopped = true;
  private timer: unknown;
  private watchdog: unknown;
  private failures = 0;
  private lastTickAt = 0;
  private running = false;
  private abort: AbortController | undefined;
  private sseLoop: Promise<void> | undefined;
  private readonly clock: Scheduler;
  /** Newest cursor announced by the server since the last tick; undefined for timer ticks. */
  private poked: number | undefined;

  constructor(private readonly d: { client: ServerClient; sessions: SessionStore; logger: Logger; round: (pokedCursor?: number) => Promise<boolean>; scheduler?: Scheduler; sse?: boolean }) {
    this.clock = d.scheduler ?? realScheduler;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.lastTickAt = this.clock.now();
    this.schedule(0);
    this.armWatchdog();
    if (this.d.sse ?? true) this.sseLoop = this.subscribe();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clock.clear(this.timer);
    this.clock.clear(this.watchdog);
    this.abort?.abort();
    await this.sseLoop;
  }

  /** Consecutive failed rounds (0 after a success). */
  get failureCount(): number {
    return this.failures;
  }

  private schedule(ms: number): void {
    this.clock.clear(this.timer);
    if (this.stopped) return;
    this.timer = this.clock.set(() => void this.tick(), ms);
  }

  private armWatchdog(): void {
    this.watchdog = this.clock.set(() => {
      if (this.stopped) return;
      if (!this.running && this.clock.now() - this.lastTickAt > MAX_BACKOFF_MS + POLL_MS) {
        this.d.logger.log('warn', 'sync watchdog: retry chain restarted', {});
        this.schedule(0);
      }
      this.armWatchdog();
    }, WATCHDOG_MS);
  }

  private async tick(): Promise<void> {
    this.lastTickAt = this.clock.now();
    this.running = true;
    const poked = this.poked;
    this.poked = undefined;
    let ok = false;
    try {
      ok = await this.d.round(poked);
    } catch (err) {
      this.d.logger.log('warn', 'sync round threw', { error: err instanceof Error ? err.message : String(err) });
    } finally {
      this.running = false;
    }
    this.failures = ok ? 0 : this.failures + 1;
    this.schedule(ok ? POLL_MS : backoffDelay(this.failures, () => this.clock.random()));
  }

  /** A poke runs a round at once; several pokes before it starts collapse into one. */
  private onPoke(json: string): void {
    const cursor = pokeCursor(json);
    // An unreadable poke still runs a full round (no cursor: nothing may be skipped).
    this.poked = cursor === undefined ? Number.POSITIVE_INFINITY : Math.max(this.poked ?? 0, cursor);
    this.schedule(0);
  }

  private async subscribe(): Promise<void> {
    let sseFailures = 0;
    while (!this.stopped) {
      this.abort = new AbortController();
      try {
        const res = await this.d.client.raw('GET', '/sync/events', { token: this.d.sessions.anyToken(), signal: this.abort.signal });
        if (!res.ok || !res.body) throw new Error(`SSE ${res.status}`);
        sseFailures = 0;
        await this.readEvents(res.body);
      } catch (err) {
        if (this.stopped) return;
        this.d.logger.log('debug', 'sse disconnected', { error: err instanceof Error ? err.message : String(err) });
      }
      sseFailures += 1;
      await sleep(backoffDelay(sseFailures), this.abort.signal);
    }
  }

  private async readEvents(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let idx: number;
      while ((idx = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, idx);
        buffer = buffer.slice(idx + 2);
        const data = event.split('\n').find((l) => l.startsWith('data:'));
        if (data) this.onPoke(data.slice(5));
      }
    }
  }
}

/** The cursor of a poke `{"cursor":N}`, if it parses. */
export function pokeCursor(json: string): number | undefined {
  try {
    const c = (JSON.parse(json) as { cursor?: unknown }).cursor;
    return typeof c === 'number' && Number.isFinite(c) ? c : undefined;
  } catch {
    return undefined;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
  });
}
