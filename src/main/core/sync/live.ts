import type { Logger } from '../logger';
import type { SessionStore } from '../session';
import type { ServerClient } from './server-client';

const POLL_MS = 10_000;
const MAX_BACKOFF_MS = 60_000;

/** Exponential backoff with full jitter: 1 s, 2 s, 4 s … capped at a minute. */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Keeps the desk current: a `GET /sync/events` SSE subscription pokes a round on each new
 * cursor; a timer polls every 10 s as a fallback, backing off after failures.
 */
export class LiveLink {
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private abort: AbortController | undefined;
  private sseLoop: Promise<void> | undefined;

  constructor(private readonly d: { client: ServerClient; sessions: SessionStore; logger: Logger; round: () => Promise<boolean> }) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
    this.sseLoop = this.subscribe();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.abort?.abort();
    await this.sseLoop;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    const ok = await this.d.round();
    this.failures = ok ? 0 : this.failures + 1;
    this.schedule(ok ? POLL_MS : backoffDelay(this.failures));
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
        if (event.split('\n').some((l) => l.startsWith('data:'))) this.schedule(0);
      }
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
  });
}
