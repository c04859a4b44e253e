import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDesk, type Desk } from '../../../src/main/core/desk';
import { createRegisterServer, type RegisterServer } from '../../../src/server/app';
import { AppError, type DeviceIdentity, type DeviceReviewItem, type DeviceSummary, type EnrollmentCreated, type LoginResult, type RegisterResult, type SyncStatus } from '../../../src/shared/contract';
import { organisationInput, startTestServer, type TestServer } from '../server/harness';

let desks: Desk[] = [];
let t: TestServer | undefined;
let raw: RegisterServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const d of desks) await d.close();
  desks = [];
  await t?.close();
  await raw?.close();
  t = undefined;
  raw = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function desk(serverUrl: string, clock?: () => Date, offlineLoginDays?: number, dataDir = ':memory:'): Promise<Desk> {
  const d = await openDesk({ dataDir, serverUrl, live: false, clock, offlineLoginDays });
  desks.push(d);
  return d;
}

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const registration = (oggetto = 'Richiesta di patrocinio per la festa del quartiere') => ({
  direction: 'entrata',
  oggetto,
  correspondents: [{ newContact: { kind: 'persona', name: 'Rossi Mario' } }],
  means: 'email',
});

/** Makes the register server unreachable for the desk (the test's own fetches too, briefly). */
function serverDown(): void {
  vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('fetch failed'));
}

async function enrolledDesk(server: TestServer, code: string, clock?: () => Date, days?: number): Promise<Desk> {
  const d = await desk(server.url, clock, days);
  const admin = await server.login('admin');
  const res = await fetch(`${server.url}/api/devices.createEnrollment`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ code, name: `Postazione ${code}` }),
  });
  const created = (await res.json()) as EnrollmentCreated;
  const identity = (await d.call('devices.enroll', { enrollmentCode: created.enrollmentCode }, {})) as DeviceIdentity;
  expect(identity).toMatchObject({ enrolled: true, deviceCode: code });
  return d;
}

const login = async (d: Desk, server: TestServer, role: keyof TestServer['users']) =>
  (await d.call('auth.login', { username: server.users[role].username, password: server.users[role].password }, {})) as LoginResult;

describe('desk enrollment', () => {
  it('enrolls the desk that initialises the AOO as POST01, with zero ceremony', async () => {
    raw = await createRegisterServer({ dailyRegisterJob: false, requireDevice: true });
    const url = await raw.listen({ port: 0 });
    const d = await desk(url);
    const status = (await d.call('setup.initialize', { ...organisationInput, admin: { username: 'admin', fullName: 'Anna Amministratrice', password: 'password-admin-1' } }, {})) as Record<string, unknown>;
    expect(status.initialized).toBe(true);
    expect(status).not.toHaveProperty('device');
    expect(await d.call('devices.identity', {}, {})).toMatchObject({ enrolled: true, deviceCode: 'POST01' });
    const admin = (await d.call('auth.login', { username: 'admin', password: 'password-admin-1' }, {})) as LoginResult;
    expect(admin).not.toHaveProperty('refreshToken');
    const list = (await d.call('devices.list', {}, { token: admin.token })) as { devices: DeviceSummary[] };
    expect(list.devices.map((x) => x.code)).toEqual(['POST01']);
    // The server requires devices: this desk syncs because it was enrolled at setup.
    const created = (await d.call('offices.upsert', { code: 'SEGR', name: 'Segreteria del Sindaco' }, { token: admin.token })) as { id: string };
    expect(created.id).toBeTruthy();
    const after = (await d.call('sync.now', {}, { token: admin.token })) as SyncStatus;
    expect([after.pendingCount, after.rejectedCount, after.lastError]).toEqual([0, 0, null]);
  });
});

describe('access tokens on the desk', () => {
  it('refreshes an expired access token transparently, and an expired token offline never blocks local work', async () => {
    let now = new Date('2026-03-02T08:00:00Z');
    t = await startTestServer({ clock: () => now });
    const d = await enrolledDesk(t, 'SEGR01', () => now);
    const clerk = await login(d, t, 'protocollista');
    now = new Date('2026-03-02T08:40:00Z'); // the 15-minute access token is long gone
    const first = (await d.call('protocol.register', registration(), { token: clerk.token })) as RegisterResult;
    expect(first.entry.number).toBe(1);

    now = new Date('2026-03-02T09:30:00Z');
    serverDown();
    await d.call('directory.create', { kind: 'persona', name: 'Verdi Luca' }, { token: clerk.token });
    expect(((await d.call('sync.status', {}, { token: clerk.token })) as SyncStatus).pendingCount).toBe(1);
    vi.restoreAllMocks();
    const back = (await d.call('sync.now', {}, { token: clerk.token })) as SyncStatus;
    expect([back.pendingCount, back.lastError]).toEqual([0, null]);
  });
});

describe('offline login', () => {
  it('opens an offline session with the cached verifier, rate-limits failures and ends after N days', async () => {
    let now = new Date('2026-03-02T08:00:00Z');
    t = await startTestServer({ clock: () => now });
    const d = await enrolledDesk(t, 'LAPT01', () => now, 3);
    const online = await login(d, t, 'protocollista');
    await d.call('auth.logout', {}, { token: online.token });

    now = new Date('2026-03-03T08:00:00Z');
    serverDown();
    const offline = await login(d, t, 'protocollista');
    expect(offline.offline).toBe(true);
    expect(offline.user.username).toBe('protocollista');
    // Local work goes on; registering needs the server (or the emergency register).
    await d.call('directory.create', { kind: 'persona', name: 'Bianchi Anna' }, { token: offline.token });
    expect((await errorOf(d.call('protocol.register', registration(), { token: offline.token }))).code).toBe('OFFLINE');

    const neverHere = await errorOf(login(d, t, 'segreteria'));
    expect(neverHere.code).toBe('OFFLINE');
    for (let i = 0; i < 5; i += 1) {
      expect((await errorOf(d.call('auth.login', { username: 'protocollista', password: 'sbagliata' }, {}))).code).toBe('UNAUTHENTICATED');
    }
    expect((await errorOf(login(d, t, 'protocollista'))).code).toBe('RATE_LIMITED');
    now = new Date('2026-03-05T08:01:00Z'); // more than 3 days after the online login
    const stale = await errorOf(login(d, t, 'protocollista'));
    expect(stale.code).toBe('OFFLINE');
    expect(stale.message).toMatch(/più di 3 giorni/);
    vi.restoreAllMocks();
  });

  it('re-authenticates an offline session on reconnection, then pushes', async () => {
    let now = new Date('2026-03-02T08:00:00Z');
    t = await startTestServer({ clock: () => now });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gonfalone-device-'));
    dirs.push(dir);
    const first = await openDesk({ dataDir: dir, serverUrl: t.url, live: false, clock: () => now });
    const admin = await t.login('admin');
    const res = await fetch(`${t.url}/api/devices.createEnrollment`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ code: 'LAPT02', name: 'Portatile' }),
    });
    await first.call('devices.enroll', { enrollmentCode: ((await res.json()) as EnrollmentCreated).enrollmentCode }, {});
    await login(first, t, 'segreteria');
    await first.close();
    // The desk app restarts offline: sessions in memory are gone, the refresh token is on disk.
    now = new Date('2026-03-02T13:00:00Z');
    const d = await desk(t.url, () => now, undefined, dir);
    serverDown();
    const offline = await login(d, t, 'segreteria');
    expect(offline.offline).toBe(true);
    await d.call('directory.create', { kind: 'persona', name: 'Neri Ugo' }, { token: offline.token });
    vi.restoreAllMocks();
    const back = (await d.call('sync.now', {}, { token: offline.token })) as SyncStatus;
    expect([back.pendingCount, back.lastError]).toEqual([0, null]);
  });

  it('is not offered on an unenrolled desk', async () => {
    t = await startTestServer();
    const d = await desk(t.url);
    await login(d, t, 'protocollista');
    serverDown();
    expect((await errorOf(login(d, t, 'protocollista'))).code).toBe('OFFLINE');
    vi.restoreAllMocks();
  });
});

describe('revoked desk', () => {
  it('learns it was revoked at its next push; its changes wait in the review list', async () => {
    t = await startTestServer();
    const d = await enrolledDesk(t, 'LAPT03');
    const clerk = await login(d, t, 'segreteria');
    const adminDesk = await desk(t.url);
    const admin = await login(adminDesk, t, 'amministratore');
    const list = (await adminDesk.call('devices.list', {}, { token: admin.token })) as { devices: DeviceSummary[] };
    await adminDesk.call('devices.revoke', { id: list.devices.find((x) => x.code === 'LAPT03')!.id }, { token: admin.token });

    await d.call('directory.create', { kind: 'persona', name: 'Gialli Pia' }, { token: clerk.token });
    const status = (await d.call('sync.now', {}, { token: clerk.token })) as SyncStatus;
    expect(status.pendingCount).toBe(1);
    expect(status.lastError).toMatch(/revocata/);
    const review = (await adminDesk.call('devices.reviewList', {}, { token: admin.token })) as DeviceReviewItem[];
    expect(review.map((r) => [r.deviceCode, r.name])).toEqual([['LAPT03', 'directory.create']]);
  });
});
