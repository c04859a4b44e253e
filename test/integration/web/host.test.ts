import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebDesk, type RunningDesk } from '../../e2e/harness';

/** The web host's HTTP surface, as scripts and tests use it (names fixed by the issue). */
let desk: RunningDesk;
const admin = { username: 'admin', fullName: 'Laura Bianchi', password: 'password-lunga-1' };

async function rpc(name: string, body: unknown, token?: string, raw = false) {
  const res = await fetch(`${desk.url}/rpc/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  desk = await startWebDesk();
});
afterAll(async () => {
  await desk?.close();
});

describe('web host RPC', () => {
  it('sets up the administration, logs in and registers an entry over HTTP', async () => {
    const setup = await rpc('setup.initialize', {
      administration: { name: 'Comune di Prova', ipaCode: 'c_z997' },
      aoo: { code: 'AOO01', name: 'AOO unica' },
      registerCode: 'PG',
      admin,
    });
    expect(setup.status).toBe(200);
    const again = await rpc('setup.initialize', {
      administration: { name: 'Altro', ipaCode: 'c_z996' }, aoo: { code: 'X', name: 'X' }, registerCode: 'PG', admin,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_INITIALIZED');

    const login = await rpc('auth.login', { username: admin.username, password: admin.password });
    expect(login.status).toBe(200);
    expect(typeof login.body.token).toBe('string');
    const token = login.body.token as string;

    const created = await rpc('users.create', { username: 'mrossi', fullName: 'Maria Rossi', password: 'password-lunga-2', roles: ['protocollista'] }, token);
    expect(created.status).toBe(200);
    const clerk = (await rpc('auth.login', { username: 'mrossi', password: 'password-lunga-2' })).body.token as string;

    const reg = await rpc('protocol.register', {
      direction: 'entrata',
      oggetto: 'Richiesta di incontro con il Sindaco',
      correspondents: [{ newContact: { kind: 'persona', name: 'Verdi Giuseppe', email: 'g.verdi@example.it' } }],
      means: 'email',
    }, clerk);
    expect(reg.status).toBe(200);
    const entry = reg.body.entry as { number: number; id: string };
    expect(entry.number).toBe(1);

    const found = await rpc('protocol.search', { text: 'incontro sindaco' }, clerk);
    expect((found.body.items as Array<{ id: string }>).map((i) => i.id)).toContain(entry.id);
  });

  it('answers bad input with Italian envelopes, never a crash', async () => {
    const noToken = await rpc('protocol.search', {});
    expect(noToken.status).toBe(401);
    expect(noToken.body.code).toBe('UNAUTHENTICATED');

    const unknown = await rpc('protocol.delete', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('UNKNOWN_PROCEDURE');

    const badJson = await rpc('auth.login', '{"username": ', undefined, true);
    expect(badJson.status).toBe(400);
    expect(badJson.body.code).toBe('VALIDATION');
    expect(String(badJson.body.message)).toMatch(/JSON/);

    const wrong = await rpc('auth.login', { username: 'admin', password: 'sbagliata' });
    expect(wrong.status).toBe(401);
    expect(String(wrong.body.message)).toMatch(/[a-zà-ù]/i);

    const token = (await rpc('auth.login', { username: admin.username, password: admin.password })).body.token as string;
    const overlong = await rpc('directory.search', { query: 'x'.repeat(5000) }, token);
    expect(overlong.status).toBe(400);
    expect(overlong.body.code).toBe('VALIDATION');
  });

  it('refuses empty uploads and foreign Host headers', async () => {
    const token = (await rpc('auth.login', { username: admin.username, password: admin.password })).body.token as string;
    const empty = await fetch(`${desk.url}/files?name=vuoto.pdf`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
      body: new Uint8Array(0),
    });
    expect([400, 413]).toContain(empty.status);
    expect(((await empty.json()) as { code: string }).code).toBe('FILE_EMPTY');

    const ok = await fetch(`${desk.url}/files?name=lettera.txt&type=text/plain`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
      body: new TextEncoder().encode('Egregio Sindaco,'),
    });
    expect(ok.status).toBe(200);
    const ref = (await ok.json()) as { sha256: string; size: number };
    const { createHash } = await import('node:crypto');
    expect(ref.sha256).toBe(createHash('sha256').update('Egregio Sindaco,').digest('hex'));
    expect(ref.size).toBe(16);

    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(desk.url);
      const req = request({ host: u.hostname, port: u.port, path: '/rpc/setup.status', method: 'POST', headers: { host: 'evil.example', 'content-type': 'application/json' } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });
});
