import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceCredentials, DeviceReviewItem, DeviceSummary, EnrollmentCreated, LoginResult } from '../../../src/shared/contract';
import type { PushResponse } from '../../../src/shared/sync/protocol';
import type { RegisterResult } from '../../../src/shared/contract';
import { http, registerArgs, startTestServer, TestClient, type ErrorBody, type TestServer } from '../server/harness';
import { deviceLogin, enrollDevice, enrolledClient } from './helpers';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('device enrollment', () => {
  it('spends a code once, refuses it after expiry, and never reuses a device code', async () => {
    let now = new Date('2026-03-02T08:00:00Z');
    t = await startTestServer({ clock: () => now });
    const admin = await t.login('admin');
    const create = (code: string, validHours?: number) =>
      http<EnrollmentCreated & ErrorBody>(t!.url, 'POST', '/api/devices.createEnrollment', { token: admin, body: { code, name: `Postazione ${code}`, validHours } });
    const a = await create('segr01');
    expect(a.status).toBe(200);
    expect(a.body.deviceCode).toBe('SEGR01');
    expect(a.body.enrollmentCode).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    expect(a.body.expiresAt).toBe('2026-03-03T08:00:00.000Z');
    expect((await create('SEGR01')).body.code).toBe('CONFLICT');

    // Dashes and lower case, as people type it, are accepted.
    const typed = `${a.body.enrollmentCode.slice(0, 5).toLowerCase()}-${a.body.enrollmentCode.slice(5)}`;
    const first = await http<DeviceCredentials>(t.url, 'POST', '/devices/enroll', { body: { enrollmentCode: typed } });
    expect(first.status).toBe(200);
    expect(first.body.deviceCode).toBe('SEGR01');
    expect(first.body.deviceSecret.length).toBeGreaterThanOrEqual(40);
    const again = await http<ErrorBody>(t.url, 'POST', '/devices/enroll', { body: { enrollmentCode: a.body.enrollmentCode } });
    expect(again.status).toBe(404);
    expect(again.body.message).toMatch(/già usato o scaduto/);
    expect((await create('SEGR01')).body.code).toBe('CONFLICT');

    const b = await create('LAPT01', 2);
    now = new Date(now.getTime() + 2 * 3600_000 + 1);
    const late = await http<ErrorBody>(t.url, 'POST', '/devices/enroll', { body: { enrollmentCode: b.body.enrollmentCode } });
    expect(late.status).toBe(404);
    const bad = await http<ErrorBody>(t.url, 'POST', '/devices/enroll', { body: { enrollmentCode: 'O0I1' } });
    expect(bad.body.code).toBe('VALIDATION');

    const list = await http<{ devices: DeviceSummary[] }>(t.url, 'POST', '/api/devices.list', { token: admin, body: {} });
    expect(list.body.devices.map((d) => [d.code, d.revokedAt])).toEqual([['SEGR01', null]]);
    const clerk = await t.login('protocollista');
    expect((await http<ErrorBody>(t.url, 'POST', '/api/devices.list', { token: clerk, body: {} })).body.code).toBe('FORBIDDEN');
  });

  it('enrolls the desk that initialises the AOO as POST01', async () => {
    const { createRegisterServer } = await import('../../../src/server/app');
    const server = await createRegisterServer({ dailyRegisterJob: false });
    try {
      const res = await server.app.inject({
        method: 'POST',
        url: '/setup',
        payload: {
          administration: { name: 'Comune di Prova', ipaCode: 'c_x000' },
          aoo: { code: 'AOO1', name: 'Segreteria' },
          registerCode: 'REG',
          admin: { username: 'admin', fullName: 'Anna Amministratrice', password: 'password-amministratore' },
          enrollDevice: true,
        },
      });
      const body = res.json<{ initialized: boolean; device: DeviceCredentials }>();
      expect(body.initialized).toBe(true);
      expect(body.device.deviceCode).toBe('POST01');
      const login = await server.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { username: 'admin', password: 'password-amministratore', deviceId: body.device.deviceId, deviceSecret: body.device.deviceSecret },
      });
      expect(login.statusCode).toBe(200);
      const wrong = await server.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { username: 'admin', password: 'password-amministratore', deviceId: body.device.deviceId, deviceSecret: 'x'.repeat(43) },
      });
      expect(wrong.statusCode).toBe(401);
    } finally {
      await server.close();
    }
  });
});

describe('revoked devices', () => {
  it('holds their pushes for review, never applies them, and refuses their pulls', async () => {
    t = await startTestServer();
    const laptop = await enrolledClient(t, 'protocollista', 'LAPT01');
    const desk = await enrolledClient(t, 'segreteria', 'SEGR01');
    const admin = await t.login('admin');
    const revoked = await http<DeviceSummary>(t.url, 'POST', '/api/devices.revoke', { token: admin, body: { id: laptop.device.deviceId } });
    expect(revoked.body.revokedAt).not.toBeNull();

    const held = laptop.client.mutation('protocol.register', registerArgs({ oggetto: 'Dal portatile revocato' }));
    const push = await laptop.client.push<ErrorBody>([held]);
    expect(push.status).toBe(403);
    expect(push.body.code).toBe('FORBIDDEN');
    expect(push.body.message).toMatch(/revocata/);
    expect(push.body.details).toMatchObject({ deviceRevoked: true });
    // A retry stores nothing twice.
    await laptop.client.push([held]);

    const pull = await http<ErrorBody>(t.url, 'GET', `/sync/pull?cursor=0&clientId=${laptop.client.clientId}`, { token: laptop.login.token });
    expect(pull.status).toBe(403);

    // The register never saw it: the next number anywhere is 1.
    const ok = await desk.client.push<PushResponse>([desk.client.mutation('protocol.register', registerArgs())]);
    expect((ok.body.results[0]!.result as RegisterResult).entry.number).toBe(1);

    const review = await http<DeviceReviewItem[]>(t.url, 'POST', '/api/devices.reviewList', { token: admin, body: {} });
    expect(review.body).toHaveLength(1);
    const item = review.body[0]!;
    expect(item).toMatchObject({ deviceCode: 'LAPT01', mutationId: held.id, name: 'protocol.register', userName: 'Paola Protocollista', resolvedAt: null });
    expect((item.payload as { args: { oggetto: string } }).args.oggetto).toBe('Dal portatile revocato');
    const list = await http<{ devices: DeviceSummary[] }>(t.url, 'POST', '/api/devices.list', { token: admin, body: {} });
    expect(list.body.devices.find((d) => d.code === 'LAPT01')?.pendingReview).toBe(1);

    const resolved = await http<DeviceReviewItem>(t.url, 'POST', '/api/devices.reviewResolve', { token: admin, body: { id: item.id, resolution: 'Registrata a mano dalla segreteria' } });
    expect(resolved.body.resolvedAt).not.toBeNull();
    expect(resolved.body.resolution).toBe('Registrata a mano dalla segreteria');
    expect((await http<DeviceReviewItem[]>(t.url, 'POST', '/api/devices.reviewList', { token: admin, body: {} })).body).toHaveLength(0);
    expect((await http<DeviceReviewItem[]>(t.url, 'POST', '/api/devices.reviewList', { token: admin, body: { includeResolved: true } })).body).toHaveLength(1);
  });
});

describe('access and refresh tokens', () => {
  it('expires device access tokens after 15 minutes and rotates refresh tokens, refusing a reused one', async () => {
    let now = new Date('2026-03-02T08:00:00Z');
    t = await startTestServer({ clock: () => now });
    const device = await enrollDevice(t, 'SEGR01');
    const first = await deviceLogin(t, 'segreteria', device);
    expect(first.expiresAt).toBe('2026-03-02T08:15:00.000Z');
    expect(first.refreshToken).toBeTruthy();
    now = new Date('2026-03-02T08:15:00Z');
    expect((await http<ErrorBody>(t.url, 'GET', '/auth/me', { token: first.token })).body.code).toBe('SESSION_EXPIRED');

    const proof = { deviceId: device.deviceId, deviceSecret: device.deviceSecret };
    const second = await http<LoginResult>(t.url, 'POST', '/auth/refresh', { body: { refreshToken: first.refreshToken, ...proof } });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await http(t.url, 'GET', '/auth/me', { token: second.body.token })).status).toBe(200);

    // The old refresh token is refused, and its reuse revokes the whole family.
    const reused = await http<ErrorBody>(t.url, 'POST', '/auth/refresh', { body: { refreshToken: first.refreshToken, ...proof } });
    expect(reused.status).toBe(401);
    const afterTheft = await http<ErrorBody>(t.url, 'POST', '/auth/refresh', { body: { refreshToken: second.body.refreshToken, ...proof } });
    expect(afterTheft.status).toBe(401);

    // Bound to the device: another device's proof cannot use it.
    const other = await enrollDevice(t, 'LAPT01');
    const third = await deviceLogin(t, 'segreteria', device);
    const stolen = await http<ErrorBody>(t.url, 'POST', '/auth/refresh', { body: { refreshToken: third.refreshToken, deviceId: other.deviceId, deviceSecret: other.deviceSecret } });
    expect(stolen.status).toBe(403);

    // Logout ends the refresh family too.
    await http(t.url, 'POST', '/auth/logout', { token: third.token, body: { refreshToken: third.refreshToken } });
    expect((await http<ErrorBody>(t.url, 'POST', '/auth/refresh', { body: { refreshToken: third.refreshToken, ...proof } })).status).toBe(401);

    // Refresh tokens end after 30 days.
    const fourth = await deviceLogin(t, 'segreteria', device);
    now = new Date(now.getTime() + 30 * 24 * 3600_000);
    expect((await http<ErrorBody>(t.url, 'POST', '/auth/refresh', { body: { refreshToken: fourth.refreshToken, ...proof } })).status).toBe(401);
  });
});

describe('client id bound to a device', () => {
  it('records the device at the first push and refuses the client id from any other device', async () => {
    t = await startTestServer();
    const a = await enrolledClient(t, 'protocollista', 'SEGR01');
    const b = await enrollDevice(t, 'LAPT01');
    const onB = await deviceLogin(t, 'protocollista', b);
    const first = await a.client.push<PushResponse>([a.client.mutation('directory.create', { kind: 'persona', name: 'Verdi Luca' })]);
    expect(first.status).toBe(200);

    const hijack = new TestClient(t.url, onB.token);
    Object.assign(hijack, { clientId: a.client.clientId, seq: a.client.seq });
    const refused = await hijack.push<ErrorBody>([hijack.mutation('directory.create', { kind: 'persona', name: 'Neri Ugo' })]);
    expect(refused.status).toBe(403);
    expect(refused.body.details).toMatchObject({ clientOfAnotherDevice: true });
    const deviceless = new TestClient(t.url, await t.login('protocollista'));
    Object.assign(deviceless, { clientId: a.client.clientId, seq: a.client.seq });
    expect((await deviceless.push<ErrorBody>([deviceless.mutation('directory.create', { kind: 'persona', name: 'Neri Ugo' })])).status).toBe(403);
    expect((await http<ErrorBody>(t.url, 'GET', `/sync/pull?cursor=0&clientId=${a.client.clientId}`, { token: onB.token })).status).toBe(403);

    // Another user on the same device may push with it.
    const colleague = await deviceLogin(t, 'segreteria', a.device);
    const shared = new TestClient(t.url, colleague.token);
    Object.assign(shared, { clientId: a.client.clientId, seq: a.client.seq });
    expect((await shared.push([shared.mutation('directory.create', { kind: 'persona', name: 'Bruni Eva' })])).status).toBe(200);
  });

  it('refuses unenrolled machines when the server requires devices', async () => {
    t = await startTestServer({ requireDevice: true });
    const res = await http<ErrorBody>(t.url, 'POST', '/auth/login', { body: { username: 'protocollista', password: t.users.protocollista.password } });
    expect(res.status).toBe(403);
    expect(res.body.details).toMatchObject({ deviceNotEnrolled: true });
    // The administrator logs in anywhere to enroll devices, but cannot push without one.
    const admin = new TestClient(t.url, await t.login('admin'));
    const push = await admin.push<ErrorBody>([admin.mutation('directory.create', { kind: 'persona', name: 'Verdi Luca' })]);
    expect(push.status).toBe(403);
    const { client } = await enrolledClient(t, 'protocollista', 'SEGR01');
    expect((await client.push([client.mutation('directory.create', { kind: 'persona', name: 'Verdi Luca' })])).status).toBe(200);
  });
});
