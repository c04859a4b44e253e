import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, registerArgs, http, type TestServer, type ErrorBody } from './harness';
import type { PushResponse } from '../../../src/shared/sync/protocol';
import type { RegisterResult } from '../../../src/shared/contract/protocol';
import type { ContactCreateResult } from '../../../src/shared/contract/directory';
import { uuidv7 } from '../../../src/shared/domain/ids';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('POST /sync/push', () => {
  it('answers a retry with the same stored result and never registers twice', async () => {
    t = await startTestServer();
    const c = new TestClient(t.url, await t.login('protocollista'));
    const m = c.mutation('protocol.register', registerArgs());
    const first = await c.push<PushResponse>([m]);
    const retry = await c.push<PushResponse>([m]);
    expect(retry.status).toBe(200);
    expect(retry.body.results).toEqual(first.body.results);
    expect(retry.body.lastSeq).toBe(1);
    const next = await c.push<PushResponse>([c.mutation('protocol.register', registerArgs())]);
    expect((next.body.results[0]!.result as RegisterResult).entry.number).toBe(2);
  });

  it('refuses a sequence gap with CONFLICT and the lastSeq, keeping what came before', async () => {
    t = await startTestServer();
    const c = new TestClient(t.url, await t.login('protocollista'));
    const m1 = c.mutation('directory.create', { kind: 'impresa', name: 'Edilnord S.r.l.' });
    c.seq += 1; // seq 2 is lost on the desk
    const m3 = c.mutation('directory.create', { kind: 'impresa', name: 'Edilsud S.r.l.' });
    const res = await c.push<ErrorBody>([m1, m3]);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CONFLICT');
    expect(res.body.details).toMatchObject({ lastSeq: 1 });
    expect(res.body.message).toMatch(/Sequenza/);
  });

  it('stores a rejected mutation with its envelope, advances the sequence and replays it', async () => {
    t = await startTestServer();
    const c = new TestClient(t.url, await t.login('cerimoniale'));
    const forbidden = c.mutation('protocol.register', registerArgs());
    const invalid = c.mutation('directory.create', { kind: 'pa', name: 'Regione' });
    const unknown = c.mutation('protocol.erase', {});
    const ok = c.mutation('directory.create', { kind: 'persona', name: 'Bianchi Luisa' });
    const res = await c.push<PushResponse>([forbidden, invalid, unknown, ok]);
    expect(res.body.results.map((r) => [r.status, r.error?.code])).toEqual([
      ['rejected', 'FORBIDDEN'],
      ['rejected', 'VALIDATION'],
      ['rejected', 'UNKNOWN_PROCEDURE'],
      ['applied', undefined],
    ]);
    expect(res.body.results[1]!.error!.message).toContain('codice IPA');
    expect(res.body.lastSeq).toBe(4);
    const again = await c.push<PushResponse>([invalid]);
    expect(again.body.results[0]).toEqual(res.body.results[1]);
  });

  it('creates inline contacts with the registration and rejects unknown documents clearly', async () => {
    t = await startTestServer();
    const c = new TestClient(t.url, await t.login('segreteria'));
    const contactId = uuidv7();
    const res = await c.push<PushResponse>([
      c.mutation('protocol.register', registerArgs({ correspondents: [{ newContact: { id: contactId, kind: 'impresa', name: 'Edilnord S.r.l.', pec: 'edilnord@pec.it' } }] })),
      c.mutation('protocol.register', registerArgs({ primaryDocument: { sha256: 'a'.repeat(64), fileName: 'lettera.pdf', mimeType: 'application/pdf', size: 10 } })),
      c.mutation('directory.create', { kind: 'impresa', name: 'EDILNORD S.R.L.' }),
    ]);
    const entry = (res.body.results[0]!.result as RegisterResult).entry;
    expect(entry.correspondents[0]).toMatchObject({ contactId, name: 'Edilnord S.r.l.', pec: 'edilnord@pec.it' });
    expect(res.body.results[1]!.status).toBe('rejected');
    expect(res.body.results[1]!.error!.message).toContain('lettera.pdf');
    // The desk already warned about the likely duplicate: the pushed creation is recorded as decided.
    const dup = res.body.results[2]!.result as ContactCreateResult;
    expect(dup.created).toMatchObject({ name: 'EDILNORD S.R.L.' });
  });

  it('requires a valid session and a well-formed request', async () => {
    t = await startTestServer();
    const anon = await http<ErrorBody>(t.url, 'POST', '/sync/push', { body: { clientId: uuidv7(), protocolVersion: 1, schemaVersion: 1, mutations: [] } });
    expect(anon.status).toBe(401);
    const token = await t.login('protocollista');
    const bad = await http<ErrorBody>(t.url, 'POST', '/sync/push', { token, body: { clientId: 'x', mutations: 'no' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION');
  });
});
