import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../../src/main/core/desk';
import type { LoginResult, SearchResult } from '../../../src/shared/contract';
import { clerk, seedEntries, startBenchServer, type BenchServer } from '../../../bench/sync-fixture';

/**
 * A catch-up longer than one pull page defers the full-text index to one bulk update at its end
 * (src/main/core/sync/fts-catch-up.ts). Whatever the path, search must find every entry.
 */
let server: BenchServer | undefined;
let desk: Desk | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await desk?.close();
  desk = undefined;
  await server?.close();
  server = undefined;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function newDesk(url: string): Promise<{ desk: Desk; token: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-catch-up-'));
  dirs.push(dataDir);
  const d = await openDesk({ dataDir, serverUrl: url, live: false });
  const login = (await d.call('auth.login', clerk, {})) as LoginResult;
  return { desk: d, token: login.token };
}

const search = (d: Desk, token: string, text: string) => d.call('protocol.search', { text, limit: 500 }, { token }) as Promise<SearchResult>;
const numbersOf = (r: SearchResult) => r.items.map((e) => e.number).sort((a, b) => (a ?? 0) - (b ?? 0));

describe('bulk catch-up of the register', () => {
  it('a new desk that caught up in bulk finds entries by oggetto word, correspondent and number', async () => {
    server = await startBenchServer();
    await seedEntries(server, 12_500); // more than one pull page: a bulk catch-up
    const opened = await newDesk(server.url);
    desk = opened.desk;
    const status = await desk.syncNow();
    expect(status.lastError).toBeNull();

    // Seeded oggetto: "<subject> n. <number>", subject by number % 5; correspondent "Bianchi Anna <g % 997>".
    const byWord = await search(desk, opened.token, 'patrocinio');
    expect(byWord.total).toBe(2_500);
    const byCorrespondent = await search(desk, opened.token, 'Bianchi Anna 5');
    expect(numbersOf(byCorrespondent)).toEqual(Array.from({ length: 13 }, (_, i) => 5 + 997 * i).filter((n) => n <= 12_500));
    expect(numbersOf(await search(desk, opened.token, '12345'))).toEqual([12_345]);
    expect(numbersOf(await search(desk, opened.token, '0000042'))).toEqual([42]);
    // The first and the last page are indexed alike, and the catch-up left nothing open.
    expect(numbersOf(await search(desk, opened.token, 'manifestazione 0000010'))).toEqual([10]);
    expect(numbersOf(await search(desk, opened.token, 'inaugurazione 12496'))).toEqual([12_496]);
    const sqlite = new (await import('better-sqlite3')).default(path.join(dirs[0]!, 'gonfalone.db'), { readonly: true });
    try {
      expect(sqlite.prepare('SELECT count(*) FROM protocol_fts_catch_up').pluck().get()).toBe(0);
      expect(sqlite.prepare('SELECT count(*) FROM protocol_fts_backlog').pluck().get()).toBe(0);
    } finally {
      sqlite.close();
    }
  });

  it('a desk that already holds entries catches up in bulk and still finds old and new ones', async () => {
    server = await startBenchServer();
    await seedEntries(server, 300);
    const opened = await newDesk(server.url);
    desk = opened.desk;
    expect((await desk.syncNow()).lastError).toBeNull();
    expect(numbersOf(await search(desk, opened.token, '0000150'))).toEqual([150]);

    await seedEntries(server, 11_000); // 300 + 11,000: the second pull is a catch-up of several pages
    expect((await desk.syncNow()).lastError).toBeNull();
    expect((await search(desk, opened.token, 'patrocinio')).total).toBe(2_260);
    expect(numbersOf(await search(desk, opened.token, '0000150'))).toEqual([150]);
    expect(numbersOf(await search(desk, opened.token, '11300'))).toEqual([11_300]);
    expect(numbersOf(await search(desk, opened.token, 'Bianchi Anna 0'))).toEqual(Array.from({ length: 11 }, (_, i) => 300 + 997 * (i + 1)));
  });
});
