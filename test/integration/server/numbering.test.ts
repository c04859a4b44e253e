import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, registerArgs, type TestServer } from './harness';
import type { PushResponse } from '../../../src/shared/sync/protocol';
import type { RegisterResult } from '../../../src/shared/contract/protocol';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function numbersOf(responses: PushResponse[]): number[] {
  return responses.flatMap((r) => r.results.map((m) => (m.result as RegisterResult).entry.number!));
}

describe('protocol numbering (DPR 445/2000 art. 57)', () => {
  it('gives 50 parallel registrations from 5 clients 50 distinct consecutive numbers', async () => {
    t = await startTestServer();
    const tokens = await Promise.all(['protocollista', 'segreteria', 'responsabile', 'protocollista', 'segreteria'].map((u) => t!.login(u)));
    const clients = tokens.map((tok) => new TestClient(t!.url, tok));
    // Each client pushes its 10 registrations one request at a time, all clients at once.
    const responses = await Promise.all(
      clients.map(async (c) => {
        const out: PushResponse[] = [];
        for (let i = 0; i < 10; i++) {
          const res = await c.push<PushResponse>([c.mutation('protocol.register', registerArgs({ oggetto: `Lettera ${i} del client ${c.clientId}` }))]);
          expect(res.status).toBe(200);
          out.push(res.body);
        }
        return out;
      }),
    );
    const all = responses.flat();
    expect(all.every((r) => r.results[0]!.status === 'applied')).toBe(true);
    const numbers = numbersOf(all).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    // Registration times grow with the numbers: the server reads its clock under the counter lock.
    const entries = all.map((r) => (r.results[0]!.result as RegisterResult).entry).sort((a, b) => a.number! - b.number!);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.registeredAt >= entries[i - 1]!.registeredAt).toBe(true);
    const seg = (all[0]!.results[0]!.result as RegisterResult).segnatura;
    expect(seg).toMatch(/^c_x000-AOO1-REG-\d{4}-\d{7}$/);
  });

  it('restarts from 1 on 1 January, Rome time, and keeps the year of the Rome date', async () => {
    let now = new Date('2026-12-31T22:59:00Z'); // 23:59 in Rome
    t = await startTestServer({ clock: () => now });
    const c = new TestClient(t.url, await t.login('protocollista'));
    const first = await c.push<PushResponse>([c.mutation('protocol.register', registerArgs()), c.mutation('protocol.register', registerArgs())]);
    now = new Date('2026-12-31T23:30:00Z'); // 00:30 on 1 January 2027 in Rome
    const second = await c.push<PushResponse>([c.mutation('protocol.register', registerArgs())]);
    const entries = [...first.body.results, ...second.body.results].map((r) => (r.result as RegisterResult).entry);
    expect(entries.map((e) => [e.year, e.number])).toEqual([
      [2026, 1],
      [2026, 2],
      [2027, 1],
    ]);
  });

  it('never consumes a number for a rejected registration', async () => {
    t = await startTestServer();
    const c = new TestClient(t.url, await t.login('protocollista'));
    const res = await c.push<PushResponse>([
      c.mutation('protocol.register', registerArgs()),
      c.mutation('protocol.register', registerArgs({ classificationCode: 'XIV.99' })),
      c.mutation('protocol.register', registerArgs()),
    ]);
    expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(res.body.results[1]!.error!.message).toContain('XIV.99');
    expect(numbersOf([{ ...res.body, results: res.body.results.filter((r) => r.status === 'applied') }])).toEqual([1, 2]);
  });
});
