import { describe, expect, it } from 'vitest';
import { PullReadAhead } from '../../../src/server/sync/read-ahead';
import type { PageJson } from '../../../src/server/sync/pull';

const q = (cursor: number, ackedSeq = 0) => ({ cursor, clientId: '01900000-0000-7000-8000-0000000000aa', ackedSeq, limit: 2500 });
const page = (body: string): PageJson => ({ body, next: null });

describe('reading the next pull page ahead', () => {
  it('serves a page read ahead once, to the same user asking the very same query', async () => {
    const ahead = new PullReadAhead();
    let reads = 0;
    ahead.start('u1', q(2500, 3), async () => page(`p${++reads}`));
    expect(ahead.take('u2', q(2500, 3))).toBeUndefined(); // another user
    expect(ahead.take('u1', q(2500, 2))).toBeUndefined(); // another acknowledgement point
    expect(ahead.take('u1', { ...q(2500, 3), limit: 100 })).toBeUndefined();
    expect(await ahead.take('u1', q(2500, 3))).toEqual(page('p1'));
    expect(ahead.take('u1', q(2500, 3))).toBeUndefined(); // taken
    expect(reads).toBe(1);
  });

  it('drops a page its desk did not ask for in time, and a read that failed', async () => {
    let now = 0;
    const ahead = new PullReadAhead(() => now);
    ahead.start('u1', q(5000), async () => page('old'));
    now = 10_001;
    expect(ahead.take('u1', q(5000))).toBeUndefined();
    ahead.start('u1', q(7500), () => Promise.reject(new Error('connessione persa')));
    await new Promise((resolve) => setImmediate(resolve));
    expect(ahead.take('u1', q(7500))).toBeUndefined();
  });

  it('keeps at most four desks’ pages, the oldest leaving first', () => {
    const ahead = new PullReadAhead();
    for (let i = 1; i <= 5; i++) ahead.start(`u${i}`, q(i * 100), async () => page(`u${i}`));
    expect(ahead.take('u1', q(100))).toBeUndefined();
    for (let i = 2; i <= 5; i++) expect(ahead.take(`u${i}`, q(i * 100))).toBeDefined();
  });

  it('reads the tail again: a last page read ahead may miss a commit made since', async () => {
    const ahead = new PullReadAhead();
    const fresh = async () => ({ body: 'fresh', next: null });
    ahead.start('u1', q(100), async () => ({ body: 'middle', next: q(200) }));
    expect((await ahead.serve('u1', q(100), fresh)).body).toBe('middle');
    ahead.start('u1', q(200), async () => ({ body: 'old tail', next: null }));
    expect((await ahead.serve('u1', q(200), fresh)).body).toBe('fresh');
    expect((await ahead.serve('u1', q(300), fresh)).body).toBe('fresh');
  });
});
