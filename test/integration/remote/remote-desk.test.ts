import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDesk, type StartedDesk } from '../../../src/main/remote';
import { createRegisterServer, type RegisterServer } from '../../../src/server/app';
import type { DeviceIdentity, Office, ProtocolEntryDetail, RegisterResult, SetupStatus, SyncStatus } from '../../../src/shared/contract';
import { organisationInput, startTestServer, type TestServer } from '../server/harness';
import { createEnrollmentCode, errorOf, loginOn, registration, tempDataRoot } from './helpers';

/**
 * Issue 3: desks of a town hall join a register server that requires enrolled devices
 * (`npm run server`), by URL, with a one-time enrollment code.
 */
let desks: StartedDesk[] = [];
let t: TestServer | undefined;
let raw: RegisterServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  for (const d of desks.splice(0)) await d.close();
  await t?.close();
  await raw?.close();
  t = undefined;
  raw = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function remoteDesk(serverUrl?: string, dataRoot = tempDataRoot(dirs)): Promise<StartedDesk> {
  const d = await startDesk({ dataRoot, serverUrl: serverUrl ?? null });
  desks.push(d);
  return d;
}

const identity = async (d: StartedDesk) => (await d.desk.call('devices.identity', {}, {})) as DeviceIdentity;

describe('a desk joining a town hall register server', () => {
  it('enrolls with a one-time code, registers, and a second enrolled desk sees the entry after sync', async () => {
    t = await startTestServer({ requireDevice: true });
    const a = await remoteDesk(t.url);
    expect([a.mode, a.server, a.serverUrl]).toEqual(['remote', null, t.url]);
    const status = (await a.desk.call('setup.status', {}, {})) as SetupStatus;
    expect(status).toMatchObject({ initialized: true, organisation: { aooCode: 'AOO1' } });
    expect(await identity(a)).toEqual({ enrolled: false, deviceId: null, deviceCode: null });

    // Not enrolled yet: the server refuses the clerk with a clear message.
    const refused = await errorOf(loginOn(a, t, 'protocollista'));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/non è abilitata/);

    const codeA = await createEnrollmentCode(t, 'SEGR01');
    // Typed as people do: lower case, with the dashes of the printed form.
    const typed = `${codeA.slice(0, 5)}-${codeA.slice(5)}`.toLowerCase();
    expect(await a.desk.call('devices.enroll', { enrollmentCode: typed }, {})).toMatchObject({ enrolled: true, deviceCode: 'SEGR01' });
    const clerkA = await loginOn(a, t, 'protocollista');
    const registered = (await a.desk.call('protocol.register', registration('Richiesta di accesso agli atti del cantiere di via Roma'), { token: clerkA.token })) as RegisterResult;
    expect(registered.entry.number).toBe(1);

    // The code was spent: a second desk cannot reuse it.
    const b = await remoteDesk(t.url);
    const reused = await errorOf(b.desk.call('devices.enroll', { enrollmentCode: codeA }, {}));
    expect(reused.code).toBe('NOT_FOUND');
    expect(reused.message).toMatch(/già usato o scaduto/);
    const malformed = await errorOf(b.desk.call('devices.enroll', { enrollmentCode: 'ABC' }, {}));
    expect(malformed.code).toBe('VALIDATION');

    await b.desk.call('devices.enroll', { enrollmentCode: await createEnrollmentCode(t, 'SEGR02') }, {});
    const clerkB = await loginOn(b, t, 'protocollista');
    const synced = (await b.desk.call('sync.now', {}, { token: clerkB.token })) as SyncStatus;
    expect(synced.lastError).toBeNull();
    const seen = (await b.desk.call('protocol.get', { id: registered.entry.id }, { token: clerkB.token })) as ProtocolEntryDetail;
    expect(seen).toMatchObject({ number: 1, oggetto: 'Richiesta di accesso agli atti del cantiere di via Roma' });
  });

  it('keeps an unenrolled desk\u2019s work in its outbox until it is enrolled, then sends it', async () => {
    t = await startTestServer({ requireDevice: true });
    const c = await remoteDesk(t.url);
    // Administrators may log in from any machine (to create the first codes), but not sync.
    const admin = await loginOn(c, t, 'amministratore');
    await c.desk.call('offices.upsert', { code: 'CERIM', name: 'Ufficio del cerimoniale' }, { token: admin.token });
    const blocked = (await c.desk.call('sync.now', {}, { token: admin.token })) as SyncStatus;
    expect(blocked.pendingCount).toBe(1);
    expect(blocked.lastError).toMatch(/non è abilitata alla sincronizzazione/);

    await c.desk.call('devices.enroll', { enrollmentCode: await createEnrollmentCode(t, 'PORT01') }, {});
    const again = await loginOn(c, t, 'amministratore');
    const drained = (await c.desk.call('sync.now', {}, { token: again.token })) as SyncStatus;
    expect([drained.pendingCount, drained.rejectedCount, drained.lastError]).toEqual([0, 0, null]);

    const other = await remoteDesk(t.url);
    await other.desk.call('devices.enroll', { enrollmentCode: await createEnrollmentCode(t, 'SEGR03') }, {});
    const clerk = await loginOn(other, t, 'protocollista');
    await other.desk.call('sync.now', {}, { token: clerk.token });
    const offices = (await other.desk.call('offices.list', {}, { token: clerk.token })) as Office[];
    expect(offices.map((x) => x.name)).toContain('Ufficio del cerimoniale');
  });

  it('says clearly that the server is unreachable, and enrolls nothing', async () => {
    raw = await createRegisterServer({ dailyRegisterJob: false });
    const url = await raw.listen({ port: 0, host: '127.0.0.1' });
    await raw.close();
    raw = undefined;
    const d = await remoteDesk(url);
    const err = await errorOf(d.desk.call('devices.enroll', { enrollmentCode: 'ABCDEFGHJK' }, {}));
    expect(err.code).toBe('OFFLINE');
    expect(err.message).toMatch(/non è raggiungibile/);
    expect((await identity(d)).enrolled).toBe(false);
  });

  it('initialises a server that is not set up yet and is enrolled as POST01', async () => {
    raw = await createRegisterServer({ dailyRegisterJob: false, requireDevice: true });
    const url = await raw.listen({ port: 0, host: '127.0.0.1' });
    const d = await remoteDesk(url);
    expect(((await d.desk.call('setup.status', {}, {})) as SetupStatus).initialized).toBe(false);
    await d.desk.call('setup.initialize', { ...organisationInput, admin: { username: 'admin', fullName: 'Anna Amministratrice', password: 'password-admin-1' } }, {});
    expect(await identity(d)).toMatchObject({ enrolled: true, deviceCode: 'POST01' });
    expect(fs.existsSync(path.join(d.desk.dataDir, 'server.json'))).toBe(true);
  });
});
