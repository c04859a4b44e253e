import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, registerArgs, http, type TestServer } from './harness';
import type { PullResponse, PushResponse } from '../../../src/shared/sync/protocol';
import { titolarioSeed } from '../../../src/server/modules/organisation/titolario-seed';
import { appendChanges, readChanges } from '../../../src/server/db/change-log';
import { ChangeSet } from '../../../src/server/db/change-set';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('GET /sync/pull', () => {
  it('returns the changes in commit order, paged on transaction boundaries, with acks', async () => {
    t = await startTestServer();
    const token = await t.login('protocollista');
    const c = new TestClient(t.url, token);
    // Each registration with an inline contact is one transaction of two changes.
    await c.push<PushResponse>([c.mutation('protocol.register', registerArgs()), c.mutation('protocol.register', registerArgs()), c.mutation('protocol.register', registerArgs())]);
    const all = await http<PullResponse>(t.url, 'GET', `/sync/pull?cursor=0&limit=10000`, { token });
    const setupTx = all.body.changes.filter((ch) => ch.table !== 'contacts' && ch.table !== 'protocol_entries').length;
    expect(all.body.changes.map((ch) => ch.seq)).toEqual(Array.from({ length: all.body.changes.length }, (_, i) => i + 1));
    expect(all.body.changes.slice(-6).map((ch) => ch.table)).toEqual(['contacts', 'protocol_entries', 'contacts', 'protocol_entries', 'contacts', 'protocol_entries']);

    // A limit that falls inside a transaction ends the page at the previous boundary.
    let cursor = setupTx;
    const pages: number[][] = [];
    for (;;) {
      const page = await http<PullResponse>(t.url, 'GET', `/sync/pull?cursor=${cursor}&limit=3&clientId=${c.clientId}&ackedSeq=1`, { token });
      pages.push(page.body.changes.map((ch) => ch.seq));
      expect(page.body.acks.map((a) => a.seq)).toEqual([2, 3]);
      cursor = page.body.cursor;
      if (!page.body.hasMore) break;
    }
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2]);
    expect(pages.flat()).toEqual(all.body.changes.slice(-6).map((ch) => ch.seq));

    // A transaction larger than the limit comes whole.
    const big = await http<PullResponse>(t.url, 'GET', `/sync/pull?cursor=0&limit=1`, { token });
    expect(big.body.changes.length).toBe(2 + titolarioSeed().length); // organisation, first admin, titolario
    expect(big.body.changes[0]!.table).toBe('organisation');
    expect(big.body.hasMore).toBe(true);
  });

  it('never lets a puller skip a change when two long transactions overlap (commit-ordered cursor)', async () => {
    // On PostgreSQL (DATABASE_URL) the two transactions really overlap; PGlite serialises them.
    t = await startTestServer();
    const db = t.server.context.db;
    const start = (await readChanges(db, 0, 100000)).cursor;
    const change = (key: string) => {
      const cs = new ChangeSet();
      cs.add('contacts', key, { id: key }, 1);
      return cs;
    };
    // A starts first and works long before writing; B starts later, writes at once, then lingers.
    const txA = db.transaction(async (tx) => {
      await sleep(300);
      await appendChanges(tx, change('a'));
      await sleep(50);
    });
    await sleep(50);
    const txB = db.transaction(async (tx) => {
      await appendChanges(tx, change('b'));
      await sleep(600);
    });
    let cursor = start;
    const seen: string[] = [];
    let done = false;
    const both = Promise.all([txA, txB]).then(() => {
      done = true;
    });
    while (!done) {
      const page = await readChanges(db, cursor, 100);
      seen.push(...page.changes.map((ch) => ch.key));
      cursor = page.cursor;
      await sleep(20);
    }
    await both;
    const last = await readChanges(db, cursor, 100);
    seen.push(...last.changes.map((ch) => ch.key));
    expect(seen.sort()).toEqual(['a', 'b']);
    const final = await readChanges(db, start, 100);
    expect(final.changes.map((ch) => ch.seq)).toEqual([start + 1, start + 2]);
  });

  it('pokes SSE listeners with the new cursor', async () => {
    t = await startTestServer();
    const token = await t.login('protocollista');
    const ctrl = new AbortController();
    const res = await fetch(`${t.url}/sync/events`, { headers: { authorization: `Bearer ${token}` }, signal: ctrl.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const received: number[] = [];
    const reading = (async () => {
      let buf = '';
      while (received.length < 2) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += new TextDecoder().decode(value);
        for (const m of buf.matchAll(/data: (\{.*?\})\n\n/g)) received.push((JSON.parse(m[1]!) as { cursor: number }).cursor);
        buf = buf.slice(buf.lastIndexOf('\n\n') + 2);
      }
    })();
    await sleep(200);
    const c = new TestClient(t.url, token);
    const pushed = await c.push<PushResponse>([c.mutation('directory.create', { kind: 'persona', name: 'Verdi Giulia' })]);
    await reading;
    ctrl.abort();
    expect(received[1]).toBe(pushed.body.cursor);
    expect(received[1]!).toBeGreaterThan(received[0]!);
  });
});
