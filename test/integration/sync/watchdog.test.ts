import { describe, expect, it } from 'vitest';
import { backoffDelay, LiveLink, WATCHDOG_MS, type Scheduler } from '../../../src/main/core/sync/live';
import { silentLogger } from '../../../src/main/core/logger';
import type { ServerClient } from '../../../src/main/core/sync/server-client';
import type { SessionStore } from '../../../src/main/core/session';

/** A hand-driven clock: timers run only when the test advances time. */
class FakeScheduler implements Scheduler {
  time = 0;
  private seq = 0;
  timers = new Map<number, { at: number; fn: () => void }>();
  set(fn: () => void, ms: number): number {
    this.seq += 1;
    this.timers.set(this.seq, { at: this.time + ms, fn });
    return this.seq;
  }
  clear(h: unknown): void {
    this.timers.delete(h as number);
  }
  now(): number {
    return this.time;
  }
  random(): number {
    return 0.5;
  }
  /** Delays of the timers now pending, from now. */
  pending(): number[] {
    return [...this.timers.values()].map((t) => t.at - this.time).sort((a, b) => a - b);
  }
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      this.timers.delete(next[0]);
      this.time = next[1].at;
      next[1].fn();
      for (let i = 0; i < 5; i++) await Promise.resolve();
    }
    this.time = end;
  }
}

const deps = (round: () => Promise<boolean>, scheduler: Scheduler) =>
  ({ client: {} as ServerClient, sessions: {} as SessionStore, logger: silentLogger, round, scheduler, sse: false }) satisfies ConstructorParameters<typeof LiveLink>[0];

describe('retries without a new local write', () => {
  it('retries a failed round with exponential backoff and jitter, then returns to polling', async () => {
    const s = new FakeScheduler();
    const outcomes = [false, false, false, true];
    let rounds = 0;
    const link = new LiveLink(deps(async () => outcomes[rounds++] ?? true, s));
    link.start();
    await s.advance(0);
    expect(rounds).toBe(1);
    expect(link.failureCount).toBe(1);
    const first = backoffDelay(1, () => 0.5);
    const second = backoffDelay(2, () => 0.5);
    const third = backoffDelay(3, () => 0.5);
    expect([first, second, third]).toEqual([750, 1500, 3000]);
    await s.advance(first - 1);
    expect(rounds).toBe(1);
    await s.advance(1);
    expect(rounds).toBe(2);
    await s.advance(second);
    expect(rounds).toBe(3);
    await s.advance(third);
    expect(rounds).toBe(4);
    expect(link.failureCount).toBe(0);
    await s.advance(10_000);
    expect(rounds).toBe(5); // back to the 10 s poll
    await link.stop();
  });

  it('the watchdog restarts a retry chain that died', async () => {
    const s = new FakeScheduler();
    let rounds = 0;
    const link = new LiveLink(deps(async () => (rounds++, true), s));
    link.start();
    await s.advance(0);
    expect(rounds).toBe(1);
    // Simulate a lost timer (e.g. the machine slept): only the watchdog remains.
    for (const [id, t] of s.timers) if (t.at - s.time !== WATCHDOG_MS) s.timers.delete(id);
    await s.advance(WATCHDOG_MS * 3);
    expect(rounds).toBeGreaterThanOrEqual(2);
    await link.stop();
    expect(s.pending()).toEqual([]);
  });
});
