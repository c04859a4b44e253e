import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../../src/main/core/desk';
import { AppError, type EmergencyRegisterResult, type EmergencySession, type EmergencyStatus, type GeneratedFile, type LoginResult, type ProtocolEntryDetail, type RegisterResult, type SearchResult } from '../../../src/shared/contract';
import { uuidv7 } from '../../../src/shared/domain/ids';
import { romeDate, romeYear } from '../../../src/shared/domain/time';
import type { PushRequest } from '../../../src/shared/sync/protocol';
import { http, startTestServer, type TestServer } from '../server/harness';
import { startSwitchableProxy, type SwitchableProxy } from './switchable-proxy';
import { pdfText } from '../../helpers/pdf';

let server: TestServer;
let proxy: SwitchableProxy;
let laptop: Desk;
let office: Desk;

beforeEach(async () => {
  server = await startTestServer();
  proxy = await startSwitchableProxy(server.url);
  laptop = await openDesk({ dataDir: ':memory:', serverUrl: proxy.url, live: false });
  office = await openDesk({ dataDir: ':memory:', serverUrl: server.url, live: false });
});
afterEach(async () => {
  await laptop.close();
  await office.close();
  await proxy.close();
  await server.close();
});

async function login(desk: Desk, role: keyof TestServer['users']): Promise<string> {
  const u = server.users[role];
  return ((await desk.call('auth.login', { username: u.username, password: u.password }, {})) as LoginResult).token;
}

const letter = (oggetto: string) => ({
  direction: 'entrata',
  oggetto,
  correspondents: [{ newContact: { kind: 'persona', name: 'Verdi Giulia', email: 'giulia.verdi@example.it' } }],
  means: 'a_mano',
});

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

async function allNumbers(desk: Desk, token: string): Promise<number[]> {
  const found = (await desk.call('protocol.search', { limit: 500 }, { token })) as SearchResult;
  return found.items.map((e) => e.number ?? 0).sort((a, b) => a - b);
}

describe('emergency register (art. 63): offline registration and recovery', () => {
  it('server down → emergency → 20 entries → server up → one ordinary number each, contiguous; replays create nothing', async () => {
    const clerk = await login(laptop, 'protocollista');
    const other = await login(office, 'segreteria');
    await laptop.syncNow();
    for (const o of ['Prima lettera ordinaria', 'Seconda lettera ordinaria']) await office.call('protocol.register', letter(o), { token: other });

    proxy.down();
    // Ordinary registration without the server is impossible: no number the server did not assign.
    expect(await errorOf(laptop.call('protocol.register', letter('Tentativo ordinario'), { token: clerk }))).toMatchObject({ code: 'OFFLINE' });
    expect(await errorOf(laptop.call('emergency.register', letter('Prima di aprire'), { token: clerk }))).toMatchObject({ code: 'INVALID_STATE' });

    const session = (await laptop.call('emergency.open', { authoriser: { name: 'Roberto Responsabile', act: 'Provvedimento n. 3/2026' } }, { token: clerk })) as EmergencySession;
    expect(session.cause).toBe('Indisponibilità del server del registro di protocollo');
    const results: EmergencyRegisterResult[] = [];
    for (let i = 1; i <= 20; i++) {
      results.push((await laptop.call('emergency.register', letter(`Lettera in emergenza ${i}`), { token: clerk })) as EmergencyRegisterResult);
      if (i === 10) for (const o of ['Terza ordinaria', 'Quarta ordinaria', 'Quinta ordinaria']) await office.call('protocol.register', letter(o), { token: other });
    }
    const year = romeYear(new Date());
    expect(results.map((r) => r.emergencyNumber)).toEqual(Array.from({ length: 20 }, (_, i) => `E/${year}/POST01/${String(i + 1).padStart(7, '0')}`));
    expect(results.every((r) => r.entry.number === null)).toBe(true);
    // Visible at once in the local register, with the emergency number and no ordinary number.
    const pending = (await laptop.call('protocol.search', { text: 'emergenza' }, { token: clerk })) as SearchResult;
    expect(pending.items).toHaveLength(20);
    expect(pending.items.every((e) => e.number === null && e.emergency?.emergencyNumber.startsWith(`E/${year}/POST01/`))).toBe(true);
    const label = (await laptop.call('protocol.label', { id: results[0]!.entry.id }, { token: clerk })) as GeneratedFile;
    expect(await pdfText(Buffer.from(label.base64, 'base64'))).toContain('REGISTRO DI EMERGENZA');

    const closed = (await laptop.call('emergency.close', {}, { token: clerk })) as EmergencySession;
    expect(closed.endedAt).not.toBeNull();
    expect(closed.total).toBe(20);
    expect(closed.dailyCounts).toEqual({ [romeDate(new Date(results[0]!.entry.registeredAt))]: 20 });

    proxy.up();
    const status = await laptop.syncNow();
    expect(status.pendingCount).toBe(0);
    expect(status.rejectedCount).toBe(0);
    expect(((await laptop.call('emergency.status', {}, { token: clerk })) as EmergencyStatus).pendingRecovery).toBe(0);

    await office.syncNow();
    // 5 ordinary + 20 recovered: 1..25 with no gap and no duplicate (art. 57).
    expect(await allNumbers(office, other)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(await allNumbers(laptop, clerk)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const recoveredNumbers = new Set<number>();
    for (const r of results) {
      for (const desk of [laptop, office]) {
        const detail = (await desk.call('protocol.get', { id: r.entry.id }, { token: desk === laptop ? clerk : other })) as ProtocolEntryDetail;
        expect(detail.number).not.toBeNull();
        expect(detail.emergency).toMatchObject({ emergencyNumber: r.emergencyNumber, ordinaryNumber: detail.number, legalDate: r.entry.registeredAt });
        recoveredNumbers.add(detail.number!);
      }
    }
    expect(recoveredNumbers.size).toBe(20);
    // The session reached the server with its counts and end.
    const sessions = (await office.call('emergency.sessions', {}, { token: other })) as EmergencySession[];
    expect(sessions[0]).toMatchObject({ id: session.id, total: 20, endedAt: closed.endedAt });

    // Recovery run twice: the same pushes again, and the same entries from another client id.
    const pushes = proxy.pushes.map((b) => JSON.parse(b) as PushRequest);
    const token = await server.login(server.users.protocollista.username);
    for (const p of pushes) expect((await http(server.url, 'POST', '/sync/push', { token, body: p })).status).toBe(200);
    const recoveries = pushes.flatMap((p) => p.mutations).filter((m) => m.name === 'protocol.registerEmergency');
    expect(recoveries).toHaveLength(20);
    const replay = { clientId: uuidv7(), protocolVersion: 1, schemaVersion: 1, mutations: recoveries.map((m, i) => ({ ...m, id: uuidv7(), seq: i + 1 })) };
    const res = await http<{ results: Array<{ status: string; result?: RegisterResult & { recovered: string } }> }>(server.url, 'POST', '/sync/push', { token, body: replay });
    expect(res.status).toBe(200);
    expect(res.body.results.every((r) => r.status === 'applied' && r.result?.recovered === 'already')).toBe(true);
    expect(new Set(res.body.results.map((r) => r.result?.entry.number))).toEqual(recoveredNumbers);
    await office.syncNow();
    expect(await allNumbers(office, other)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('a pre-authorised device opens the emergency register with the responsabile\'s act', async () => {
    const boss = await login(office, 'responsabile');
    const clerk = await login(laptop, 'protocollista');
    const device = ((await laptop.call('emergency.status', {}, { token: clerk })) as EmergencyStatus).device;
    const validUntil = new Date(Date.now() + 30 * 86_400_000).toISOString();
    expect(await errorOf(office.call('emergency.preauthorise', { deviceId: device.deviceId, validUntil, act: 'x' }, { token: await login(office, 'protocollista') }))).toMatchObject({ code: 'FORBIDDEN' });
    await office.call('emergency.preauthorise', { deviceId: device.deviceId, validUntil, act: 'Decreto del Responsabile n. 7/2026' }, { token: boss });
    await office.syncNow();
    await laptop.syncNow();
    const status = (await laptop.call('emergency.status', {}, { token: clerk })) as EmergencyStatus;
    expect(status.preauthorisation).toMatchObject({ act: 'Decreto del Responsabile n. 7/2026', authorisedByName: 'Roberto Responsabile' });
    proxy.down();
    const session = (await laptop.call('emergency.open', { authoriser: { preauthorisationId: status.preauthorisation!.id } }, { token: clerk })) as EmergencySession;
    expect(session.authoriser).toMatchObject({ kind: 'preautorizzazione', name: 'Roberto Responsabile', act: 'Decreto del Responsabile n. 7/2026' });
    expect(await errorOf(laptop.call('emergency.open', { authoriser: { name: 'A', act: 'B' } }, { token: clerk }))).toMatchObject({ code: 'INVALID_STATE' });
  });
});
