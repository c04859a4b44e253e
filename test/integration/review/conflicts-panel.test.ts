import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../../src/main/core/desk';
import type { Conflict, LoginResult, ProtocolEntry, RegisterResult } from '../../../src/shared/contract';
import { startTestServer, type TestServer } from '../server/harness';

/**
 * What the conflicts panel relies on, end to end with two desks: the same field changed on both
 * from the same version is listed to the loser with kept and losing values, and "Ripristina il
 * mio valore" (conflicts.resolve, choose 'losing') applies the losing value in one call.
 */
let server: TestServer;
const desks: Desk[] = [];

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const d of desks.splice(0)) await d.close();
  await server.close();
});

async function deskFor(role: keyof TestServer['users']): Promise<{ desk: Desk; token: string; userId: string }> {
  const desk = await openDesk({ dataDir: ':memory:', serverUrl: server.url, live: false });
  desks.push(desk);
  const u = server.users[role];
  const login = (await desk.call('auth.login', { username: u.username, password: u.password }, {})) as LoginResult;
  return { desk, token: login.token, userId: login.user.id };
}

describe('conflicts panel data with two desks', () => {
  it('lists the losing value to its author and restores it in one click', async () => {
    const a = await deskFor('protocollista');
    const b = await deskFor('responsabile');
    const input = { direction: 'entrata', oggetto: 'Invito alla cerimonia del 2 giugno', correspondents: [{ newContact: { kind: 'persona', name: 'Bianchi Anna' } }], means: 'pec' };
    const entry = ((await a.desk.call('protocol.register', input, { token: a.token })) as RegisterResult).entry;
    await b.desk.syncNow();

    await a.desk.call('protocol.update', { id: entry.id, classificationCode: 'I.13' }, { token: a.token });
    await a.desk.syncNow();
    await b.desk.call('protocol.update', { id: entry.id, classificationCode: 'II.1' }, { token: b.token });
    await b.desk.syncNow();

    const listed = (await b.desk.call('conflicts.list', { includeResolved: false }, { token: b.token })) as Conflict[];
    expect(listed).toHaveLength(1);
    const c = listed[0]!;
    expect(c).toMatchObject({ field: 'classificationCode', keptValue: 'I.13', losingValue: 'II.1', losingBy: b.userId });
    expect((await b.desk.call('protocol.get', { id: entry.id }, { token: b.token })) as ProtocolEntry).toMatchObject({ classificationCode: 'I.13' });

    await b.desk.call('conflicts.resolve', { conflictId: c.id, choose: 'losing' }, { token: b.token });
    const status = await b.desk.syncNow();
    expect(status).toMatchObject({ pendingCount: 0, rejectedCount: 0 });
    await a.desk.syncNow();
    for (const side of [a, b]) {
      expect(((await side.desk.call('protocol.get', { id: entry.id }, { token: side.token })) as ProtocolEntry).classificationCode).toBe('II.1');
    }
    expect((await b.desk.call('conflicts.list', { includeResolved: false }, { token: b.token })) as Conflict[]).toEqual([]);
  });
});
