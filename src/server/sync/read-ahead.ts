import type { z } from 'zod';
import type { pullQuery } from '../../shared/sync/protocol';
import type { PageJson } from './pull';

type PullQuery = z.output<typeof pullQuery>;

/** How long a page read ahead waits for its desk; a desk that asks later gets a fresh one. */
const KEEP_MS = 10_000;
/** Desks catching up at the same time whose next page is kept (a few MB each). */
const MAX_KEPT = 4;

interface Kept {
  page: Promise<PageJson>;
  at: number;
}

/**
 * The next page of a desk that is catching up, read while the desk writes the current one
 * (bench/sync-initial.ts: a new desk pulling a million entries). A desk asks for page N + 1 only
 * once page N has arrived, so without it the server would sit idle while the desk writes and
 * the desk would wait while the server reads. A page read a moment early is still a valid page:
 * the change log only grows at its end, and the page carries its own cursor and scope key.
 * Kept per user and exact query, taken once, dropped after KEEP_MS.
 */
export class PullReadAhead {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The page for this query: the one read ahead when it is not the log's tail, else a fresh
   * read. A tail page read a moment ago could miss a commit made since, whose poke the desk may
   * already have spent; a page with more after it stays a valid page, whenever it was read.
   */
  async serve(userId: string, q: PullQuery, read: (q: PullQuery) => Promise<PageJson>): Promise<PageJson> {
    const kept = await this.take(userId, q)?.catch(() => null);
    return kept?.next ? kept : read(q);
  }

  /** The page read ahead for this very query, if any (taken: it is served once). */
  take(userId: string, q: PullQuery): Promise<PageJson> | undefined {
    const key = keyOf(userId, q);
    const found = this.kept.get(key);
    if (!found) return undefined;
    this.kept.delete(key);
    return this.now() - found.at <= KEEP_MS ? found.page : undefined;
  }

  /** Starts reading `q` for this user; a failure is forgotten (the desk's request reads again). */
  start(userId: string, q: PullQuery, read: (q: PullQuery) => Promise<PageJson>): void {
    const at = this.now();
    for (const [key, k] of this.kept) if (at - k.at > KEEP_MS) this.kept.delete(key);
    if (this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
    const page = read(q);
    const key = keyOf(userId, q);
    page.catch(() => this.kept.delete(key));
    this.kept.set(key, { page, at });
  }
}

function keyOf(userId: string, q: PullQuery): string {
  return `${userId}|${q.clientId ?? ''}|${q.cursor}|${q.ackedSeq}|${q.limit}`;
}
