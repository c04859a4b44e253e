import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDesk, type Desk } from '../../../src/main/core/desk';
import type { LoginResult, Office, RegisterResult, SessionUser, UserSummary } from '../../../src/shared/contract';
import type { PushResponse } from '../../../src/shared/sync/protocol';
import { addDays } from '../../../src/shared/domain/cases';
import type { Role } from '../../../src/shared/domain/roles';
import { romeDate } from '../../../src/shared/domain/time';
import { http, TestClient, type TestServer } from '../server/harness';
import { registration } from '../sync/fixtures';

/** Helpers of the cases tests (issue 4): a desk with an injected clock, days relative to it. */

export interface ClockedDesk {
  desk: Desk;
  /** Moves the desk's clock by whole days (and forgets the sessions). */
  advance(days: number): void;
  /** The desk's Rome day shifted by `n` days. */
  day(n?: number): string;
  call<T>(name: string, input: unknown, role: Role): Promise<T>;
  user(role: Role): Promise<SessionUser>;
  close(): Promise<void>;
}

/** A desk on its own clock (live sync off) against a test server: the server keeps real time. */
export async function clockedDesk(server: TestServer, start: Date = new Date()): Promise<ClockedDesk> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-cases-'));
  let offset = start.getTime() - Date.now();
  const clock = () => new Date(Date.now() + offset);
  const desk = await openDesk({ dataDir, serverUrl: server.url, clock, live: false });
  const tokens = new Map<Role, string>();
  const login = async (role: Role) => {
    const cached = tokens.get(role);
    if (cached) return cached;
    const u = server.users[role];
    const res = (await desk.call('auth.login', { username: u.username, password: u.password }, {})) as LoginResult;
    tokens.set(role, res.token);
    return res.token;
  };
  const call = async <T>(name: string, input: unknown, role: Role) => (await desk.call(name, input, { token: await login(role) })) as T;
  return {
    desk,
    advance(days) {
      offset += days * 86_400_000;
      // Sessions expire with the desk's clock: the next call logs in again.
      tokens.clear();
    },
    day: (n = 0) => addDays(romeDate(clock()), n),
    call,
    user: (role) => call<SessionUser>('auth.session', {}, role),
    async close() {
      await desk.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An incoming letter registered through the server (the number is the server's). */
export async function registerLetter(call: <T>(name: string, input: unknown, role: Role) => Promise<T>, oggetto: string, role: Role = 'protocollista'): Promise<RegisterResult> {
  return call<RegisterResult>('protocol.register', registration(oggetto), role);
}

/** An office with the users of the given roles in it (before they log in: the session carries the office). */
export async function officeWith(server: TestServer, name: string, members: Role[]): Promise<Office> {
  const admin = await server.login('admin');
  const client = new TestClient(server.url, admin);
  const pushed = await client.push<PushResponse>([client.mutation('offices.upsert', { code: name.slice(0, 8).toUpperCase().replace(/\W/g, ''), name })]);
  const office = pushed.body.results[0]!.result as Office;
  const list = await http<UserSummary[]>(server.url, 'POST', '/api/users.list', { token: admin, body: {} });
  for (const role of members) {
    const u = list.body.find((x) => x.username === server.users[role].username)!;
    const res = await http(server.url, 'POST', '/api/users.update', { token: admin, body: { id: u.id, officeId: office.id } });
    if (res.status !== 200) throw new Error(`ufficio non assegnato a ${role}: ${JSON.stringify(res.body)}`);
  }
  return office;
}
