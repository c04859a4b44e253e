import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, http, type TestServer, type ErrorBody, organisationInput } from './harness';
import type { LoginResult, SessionUser, UserSummary } from '../../../src/shared/contract/auth';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('setup and sessions', () => {
  it('refuses a second setup and reports the organisation', async () => {
    t = await startTestServer();
    const again = await http<ErrorBody>(t.url, 'POST', '/setup', {
      body: { ...organisationInput, admin: { username: 'altro', fullName: 'Altro', password: 'passwordlunga1' } },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_INITIALIZED');
    const status = await http<{ initialized: boolean; organisation: { ipaCode: string } }>(t.url, 'GET', '/setup');
    expect(status.body.initialized).toBe(true);
    expect(status.body.organisation.ipaCode).toBe('c_x000');
    const health = await http<{ ok: boolean; initialized: boolean }>(t.url, 'GET', '/health');
    expect(health.body).toMatchObject({ ok: true, initialized: true });
  });

  it('logs in, answers /auth/me, logs out and never stores the plain password', async () => {
    t = await startTestServer();
    const token = await t.login('protocollista');
    const me = await http<SessionUser>(t.url, 'GET', '/auth/me', { token });
    expect(me.body.roles).toEqual(['protocollista']);
    const rows = await t.server.context.db.execute(sql`select u.password_hash, s.token_hash from users u join sessions s on s.user_id = u.id`);
    const all = JSON.stringify(rows);
    expect(all).not.toContain(t.users.protocollista.password);
    expect(all).not.toContain(token);
    expect(all).toContain('scrypt$');
    await http(t.url, 'POST', '/auth/logout', { token });
    const after = await http<ErrorBody>(t.url, 'GET', '/auth/me', { token });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('UNAUTHENTICATED');
  });

  it('rate-limits a username after 5 failures in 15 minutes, even with the right password', async () => {
    let now = new Date('2026-03-02T09:00:00Z');
    t = await startTestServer({ clock: () => now });
    for (let i = 0; i < 5; i++) {
      const r = await http<ErrorBody>(t.url, 'POST', '/auth/login', { body: { username: 'segreteria', password: 'sbagliata-sbagliata' } });
      expect(r.body.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await http<ErrorBody>(t.url, 'POST', '/auth/login', { body: { username: 'segreteria', password: t.users.segreteria.password } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    // Other users from the same address are not locked out by someone else's failures.
    expect(await t.login('protocollista')).toBeTruthy();
    now = new Date(now.getTime() + 16 * 60_000);
    const ok = await http<LoginResult>(t.url, 'POST', '/auth/login', { body: { username: 'segreteria', password: t.users.segreteria.password } });
    expect(ok.status).toBe(200);
  });

  it('expires sessions after 8 h idle and 12 h in all', async () => {
    let now = new Date('2026-03-02T07:00:00Z');
    t = await startTestServer({ clock: () => now });
    const token = await t.login('responsabile');
    now = new Date(now.getTime() + 7 * 3600_000);
    expect((await http(t.url, 'GET', '/auth/me', { token })).status).toBe(200);
    now = new Date(now.getTime() + 4 * 3600_000); // 11 h in all, 4 h idle
    expect((await http(t.url, 'GET', '/auth/me', { token })).status).toBe(200);
    now = new Date(now.getTime() + 1.5 * 3600_000); // 12.5 h in all
    const expired = await http<ErrorBody>(t.url, 'GET', '/auth/me', { token });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('SESSION_EXPIRED');

    const idle = await t.login('responsabile');
    now = new Date(now.getTime() + 8 * 3600_000 + 60_000);
    expect((await http<ErrorBody>(t.url, 'GET', '/auth/me', { token: idle })).body.code).toBe('SESSION_EXPIRED');
  });

  it('lets only administrators manage users, with Italian validation errors', async () => {
    t = await startTestServer();
    const clerk = await t.login('protocollista');
    const forbidden = await http<ErrorBody>(t.url, 'POST', '/api/users.create', {
      token: clerk,
      body: { username: 'nuovo', fullName: 'Nuovo', password: 'passwordlunga1', roles: ['segreteria'] },
    });
    expect(forbidden.body.code).toBe('FORBIDDEN');
    const admin = await t.login('admin');
    const bad = await http<ErrorBody>(t.url, 'POST', '/api/users.create', { token: admin, body: { username: 'X', fullName: '', password: 'corta', roles: [] } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION');
    expect(bad.body.message).toMatch(/Nome utente|Campo obbligatorio|password/);
    const list = await http<UserSummary[]>(t.url, 'POST', '/api/users.list', { token: admin, body: {} });
    expect(list.body.map((u) => u.username).sort()).toEqual(['admin', 'cerimoniale', 'protocollista', 'responsabile', 'segreteria']);
    const target = list.body.find((u) => u.username === 'cerimoniale')!;
    const token = await t.login('cerimoniale');
    const off = await http<UserSummary>(t.url, 'POST', '/api/users.update', { token: admin, body: { id: target.id, active: false } });
    expect(off.body.active).toBe(false);
    expect((await http<ErrorBody>(t.url, 'GET', '/auth/me', { token })).status).toBe(401);
    const unknown = await http<ErrorBody>(t.url, 'POST', '/api/users.delete', { token: admin, body: {} });
    expect(unknown.body.code).toBe('UNKNOWN_PROCEDURE');
  });
});
