import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createRegisterServer, type RegisterServer, type RegisterServerOptions } from '../../../src/server/app';
import type { ErrorEnvelope } from '../../../src/shared/contract/errors';
import type { LoginResult } from '../../../src/shared/contract/auth';
import { uuidv7 } from '../../../src/shared/domain/ids';
import { roles, type Role } from '../../../src/shared/domain/roles';
import type { MutationEnvelope } from '../../../src/shared/sync/protocol';

/**
 * Test harness for the register server: a fresh server per test (PGlite in memory, or a fresh
 * PostgreSQL database when DATABASE_URL is set), set up with "Comune di Prova" and one user per
 * role. Reused by the desk-core tests.
 */

export interface TestUser {
  username: string;
  password: string;
}

export interface TestServer {
  url: string;
  server: RegisterServer;
  login(username: string): Promise<string>;
  users: Record<Role, TestUser>;
  close(): Promise<void>;
}

export const organisationInput = {
  administration: { name: 'Comune di Prova', ipaCode: 'c_x000' },
  aoo: { code: 'AOO1', name: 'Segreteria del Sindaco' },
  registerCode: 'REG',
};

/**
 * A fresh PostgreSQL database named for this test, dropped by `drop()`; null on PGlite. The
 * suite runs on PGlite by default and on PostgreSQL when TEST_BACKEND=postgres (test/run-postgres.mjs
 * does that when DATABASE_URL is set), so CI exercises both backends.
 */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const base = process.env.DATABASE_URL;
  if (!base || process.env.TEST_BACKEND !== 'postgres') return null;
  const name = `gonfalone_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** JSON over HTTP; answers the parsed body and the status, never throws on 4xx/5xx. */
export async function http<T = unknown>(
  url: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export type ErrorBody = ErrorEnvelope;

/** Starts a set-up register server with one user per role (password "password-<role>"). */
export async function startTestServer(opts: Omit<RegisterServerOptions, 'databaseUrl' | 'dataDir'> = {}): Promise<TestServer> {
  const database = await freshPostgresDatabase();
  const server = await createRegisterServer({ dailyRegisterJob: false, ...opts, databaseUrl: database?.url });
  const url = await server.listen({ port: 0 });
  const users = Object.fromEntries(roles.map((r) => [r, { username: r === 'amministratore' ? 'admin' : r, password: `password-${r}` }])) as Record<Role, TestUser>;
  const setup = await http(url, 'POST', '/setup', {
    body: { ...organisationInput, admin: { username: users.amministratore.username, fullName: 'Anna Amministratrice', password: users.amministratore.password } },
  });
  if (setup.status !== 200) throw new Error(`setup fallito: ${JSON.stringify(setup.body)}`);

  const login = async (username: string): Promise<string> => {
    const user = Object.values(users).find((u) => u.username === username);
    const res = await http<LoginResult>(url, 'POST', '/auth/login', { body: { username, password: user?.password ?? '' } });
    if (res.status !== 200) throw new Error(`login di ${username} fallito: ${JSON.stringify(res.body)}`);
    return res.body.token;
  };
  const adminToken = await login(users.amministratore.username);
  const names: Record<Role, string> = {
    amministratore: 'Anna Amministratrice',
    responsabile: 'Roberto Responsabile',
    protocollista: 'Paola Protocollista',
    segreteria: 'Sara Segreteria',
    cerimoniale: 'Carlo Cerimoniale',
  };
  for (const role of roles.filter((r) => r !== 'amministratore')) {
    const res = await http(url, 'POST', '/api/users.create', {
      token: adminToken,
      body: { username: users[role].username, fullName: names[role], password: users[role].password, roles: [role] },
    });
    if (res.status !== 200) throw new Error(`utente ${role} non creato: ${JSON.stringify(res.body)}`);
  }
  return {
    url,
    server,
    login,
    users,
    async close() {
      await server.close();
      await database?.drop();
    },
  };
}

/** A push client: a desk with its own id and gapless sequence. */
export class TestClient {
  readonly clientId = uuidv7();
  seq = 0;

  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  mutation(name: string, args: unknown): MutationEnvelope {
    this.seq += 1;
    return { id: uuidv7(), seq: this.seq, name, version: 1, args, baseVersions: {}, createdAt: new Date().toISOString() };
  }

  push<T = unknown>(mutations: MutationEnvelope[]) {
    return http<T>(this.url, 'POST', '/sync/push', { token: this.token, body: { clientId: this.clientId, protocolVersion: 1, schemaVersion: 1, mutations } });
  }
}

/** Arguments of a plain incoming registration from a new contact. */
export function registerArgs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: uuidv7(),
    direction: 'entrata',
    oggetto: 'Richiesta di patrocinio per la festa del quartiere',
    correspondents: [{ newContact: { kind: 'persona', name: 'Rossi Mario', email: 'mario.rossi@example.it' } }],
    means: 'email',
    ...overrides,
  };
}
