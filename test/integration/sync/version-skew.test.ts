import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact, ContactCreateResult } from '../../../src/shared/contract';
import { mutationVersions, type PushResponse, type ServerHealth } from '../../../src/shared/sync/protocol';
import { http, TestClient, type ErrorBody } from '../server/harness';
import { createDesks, type Desks, type TestDesk } from './desks';

let t: Desks;
let desk: TestDesk;
beforeEach(async () => {
  t = await createDesks(1);
  [desk] = t.desks as [TestDesk];
  await desk.login('segreteria');
});
afterEach(async () => {
  await t.close();
});

async function contactOnServer(token: string, id: string): Promise<Contact> {
  const client = new TestClient(t.server.url, token);
  const res = await http<{ changes: Array<{ table: string; key: string; row: Contact }> }>(t.server.url, 'GET', `/sync/pull?cursor=0&clientId=${client.clientId}`, { token });
  return res.body.changes.filter((c) => c.table === 'contacts' && c.key === id).at(-1)!.row;
}

describe('version skew', () => {
  it('the server tells its versions, and applies an older mutation version through its upgrade', async () => {
    const health = await http<ServerHealth>(t.server.url, 'GET', '/health');
    expect(health.body.mutationVersions?.['directory.update']).toBe(mutationVersions['directory.update']);
    expect(mutationVersions['directory.update']).toBeGreaterThan(1);

    const token = await t.server.login('segreteria');
    const old = new TestClient(t.server.url, token);
    const create = old.mutation('directory.create', { id: '01900000-0000-7000-8000-00000000c001', kind: 'impresa', name: 'Edilnord S.r.l.', pec: 'edilnord@pec.it' });
    const updateV1 = { ...old.mutation('directory.update', { id: '01900000-0000-7000-8000-00000000c001', city: 'Pavia' }), version: 1 };
    const res = await old.push<PushResponse>([create, updateV1]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await contactOnServer(token, '01900000-0000-7000-8000-00000000c001')).toMatchObject({ city: 'Pavia', pec: 'edilnord@pec.it' });

    // The current version can also empty a field, which v1 could not express.
    const v2 = { ...old.mutation('directory.update', { id: '01900000-0000-7000-8000-00000000c001', clear: ['pec'] }), version: 2 };
    expect((await old.push<PushResponse>([v2])).body.results[0]?.status).toBe('applied');
    const after = await contactOnServer(token, '01900000-0000-7000-8000-00000000c001');
    expect(after.pec).toBeUndefined();
    expect(after.city).toBe('Pavia');
  });

  it('a mutation newer than the server is VERSION_SKEW: nothing of it is stored and its sequence is not consumed', async () => {
    const token = await t.server.login('segreteria');
    const c = new TestClient(t.server.url, token);
    const first = c.mutation('directory.create', { id: '01900000-0000-7000-8000-00000000c002', kind: 'persona', name: 'Rossi Mario' });
    const future = { ...c.mutation('directory.update', { id: '01900000-0000-7000-8000-00000000c002', city: 'Pavia' }), version: 99 };
    const res = await c.push<ErrorBody>([first, future]);
    expect(res.status).toBe(426);
    expect(res.body.code).toBe('VERSION_SKEW');
    expect(res.body.message).toMatch(/aggiorna/);
    // The mutation before it was applied; the skewed one left no trace: seq 2 is still free.
    const again = await c.push<PushResponse>([first, { ...future, version: mutationVersions['directory.update'] }]);
    expect(again.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(again.body.lastSeq).toBe(2);
  });

  it('the desk keeps its outbox on VERSION_SKEW, shows "upgrade required", and pushes once versions agree', async () => {
    const made = await desk.call<ContactCreateResult>('directory.create', { kind: 'persona', name: 'Bianchi Anna' }, 'segreteria');
    await t.syncAll();
    desk.faults.inject('offline', { path: '/sync/push' }); // the round the write starts stays local
    await desk.call('directory.update', { id: made.created!.id, city: 'Vigevano' }, 'segreteria');
    const raw = new Database(path.join(desk.dataDir, 'gonfalone.db'));
    try {
      // A newer desk wrote this mutation (simulated by raising its version in the outbox).
      raw.prepare("update outbox set version = 99 where name = 'directory.update'").run();
      const skewed = await desk.syncOnce();
      expect(skewed).toMatchObject({ upgradeRequired: true, pendingCount: 1, rejectedCount: 0 });
      expect(skewed.lastError).toMatch(/aggiorna/);
      raw.prepare(`update outbox set version = ${mutationVersions['directory.update']} where name = 'directory.update'`).run();
    } finally {
      raw.close();
    }
    const ok = await desk.syncOnce();
    expect(ok).toMatchObject({ upgradeRequired: false, pendingCount: 0, rejectedCount: 0 });
    expect(await desk.call<Contact>('directory.get', { id: made.created!.id }, 'segreteria')).toMatchObject({ city: 'Vigevano', version: 2 });
  });
});
