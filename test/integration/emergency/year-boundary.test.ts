import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../../src/main/core/desk';
import type { EmergencyRegisterResult, LoginResult, ProtocolEntryDetail, RegisterResult } from '../../../src/shared/contract';
import { romeDate } from '../../../src/shared/domain/time';
import { startTestServer, type TestServer } from '../server/harness';
import { startSwitchableProxy, type SwitchableProxy } from './switchable-proxy';

// The register server recovers on 2 January 2026; the laptop registered in emergency on 31 December 2025.
const SERVER_NOW = new Date('2026-01-02T08:00:00.000Z');
const LAPTOP_NOW = new Date('2025-12-31T16:00:00.000Z');

let server: TestServer;
let proxy: SwitchableProxy;
let laptop: Desk;
let office: Desk;

beforeEach(async () => {
  server = await startTestServer({ clock: () => SERVER_NOW });
  proxy = await startSwitchableProxy(server.url);
  laptop = await openDesk({ dataDir: ':memory:', serverUrl: proxy.url, live: false, clock: () => LAPTOP_NOW });
  office = await openDesk({ dataDir: ':memory:', serverUrl: server.url, live: false, clock: () => SERVER_NOW });
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

const letter = (oggetto: string) => ({ direction: 'entrata', oggetto, correspondents: [{ newContact: { kind: 'persona', name: 'Neri Luca' } }], means: 'a_mano' });

describe('emergency year boundary (docs/decisions/0002-emergency-year-boundary.md)', () => {
  it('entries of 31 December recovered on 2 January take the 2026 sequence and keep 31 December as legal date', async () => {
    const clerk = await login(laptop, 'protocollista');
    const other = await login(office, 'segreteria');
    const first = (await office.call('protocol.register', letter('Auguri di inizio anno'), { token: other })) as RegisterResult;
    expect(first.entry).toMatchObject({ year: 2026, number: 1 });

    proxy.down();
    await laptop.call('emergency.open', { authoriser: { name: 'Roberto Responsabile', act: 'Provvedimento n. 99/2025' } }, { token: clerk });
    const made: EmergencyRegisterResult[] = [];
    for (const o of ['Ultima istanza dell\'anno', 'Ultimo esposto dell\'anno']) made.push((await laptop.call('emergency.register', letter(o), { token: clerk })) as EmergencyRegisterResult);
    expect(made.map((m) => m.emergencyNumber)).toEqual(['E/2025/POST01/0000001', 'E/2025/POST01/0000002']);

    proxy.up();
    expect((await laptop.syncNow()).pendingCount).toBe(0);
    for (const [i, m] of made.entries()) {
      const e = (await laptop.call('protocol.get', { id: m.entry.id }, { token: clerk })) as ProtocolEntryDetail;
      expect(e).toMatchObject({ year: 2026, number: i + 2 });
      expect(e.emergency).toMatchObject({ emergencyNumber: m.emergencyNumber, year: 2025, ordinaryYear: 2026, ordinaryNumber: i + 2 });
      expect(romeDate(e.emergency!.legalDate)).toBe('2025-12-31');
      expect(romeDate(e.registeredAt)).toBe('2026-01-02');
    }
  });
});
