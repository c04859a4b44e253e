import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { forbidForeignRequests, launchBrowser, startWebDesk, type RunningDesk } from './harness';

/**
 * Shared fixtures of the end-to-end tests: one isolated desk (data folder, register server,
 * web host) per test file, browsers on demand, and a typed-enough RPC client for seeding data
 * fast where the UI flow is not what the test is about.
 */
export const organisation = {
  administration: { name: 'Comune di Roccabella', ipaCode: 'c_r999' },
  aoo: { code: 'SEGR', name: 'Segreteria del Sindaco' },
  registerCode: 'PG',
};

export const password = 'Gonfalone2026!';
export const people = {
  admin: { username: 'admin', fullName: 'Laura Bianchi', password, roles: ['amministratore'] },
  protocollista: { username: 'mrossi', fullName: 'Maria Rossi', password, roles: ['protocollista'] },
  responsabile: { username: 'gverdi', fullName: 'Giulia Verdi', password, roles: ['responsabile'] },
} as const;
export type Person = (typeof people)[keyof typeof people];

export type Browser = Awaited<ReturnType<typeof launchBrowser>>;

export class RpcError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${code} (${status}): ${message}`);
  }
}

/** POST /rpc/<name> on the web host, as scripts do; throws RpcError on 4xx/5xx. */
export async function rpc<T = unknown>(baseUrl: string, name: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${baseUrl}/rpc/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json: unknown = await res.json();
  if (!res.ok) {
    const e = json as { code?: string; message?: string };
    throw new RpcError(res.status, e.code ?? '?', e.message ?? '');
  }
  return json as T;
}

export async function login(baseUrl: string, who: Person): Promise<string> {
  const r = await rpc<{ token: string }>(baseUrl, 'auth.login', { username: who.username, password: who.password });
  return r.token;
}

/** An initialised administration with a protocollista and a responsabile, set up over RPC. */
export async function seedOrganisation(baseUrl: string): Promise<{ adminToken: string }> {
  await rpc(baseUrl, 'setup.initialize', {
    ...organisation,
    admin: { username: people.admin.username, fullName: people.admin.fullName, password: people.admin.password },
  });
  const adminToken = await login(baseUrl, people.admin);
  for (const p of [people.protocollista, people.responsabile]) {
    await rpc(baseUrl, 'users.create', { username: p.username, fullName: p.fullName, password: p.password, roles: p.roles }, adminToken);
  }
  return { adminToken };
}

export interface SeededEntry {
  id: string;
  year: number;
  number: number;
  oggetto: string;
  registeredAt: string;
  correspondents: Array<{ name: string }>;
}

/** Registers an incoming entry through /rpc (fast seeding; the UI path is tested elsewhere). */
export async function registerViaRpc(baseUrl: string, token: string, oggetto: string, senderName: string): Promise<SeededEntry> {
  const r = await rpc<{ entry: SeededEntry }>(
    baseUrl,
    'protocol.register',
    { direction: 'entrata', oggetto, correspondents: [{ newContact: { kind: 'persona', name: senderName } }], means: 'posta_ordinaria' },
    token,
  );
  return r.entry;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** One desk per test file plus any number of browsers, all closed by `close()`. */
export class E2eWorld {
  private browsers: Browser[] = [];
  private constructor(readonly desk: RunningDesk) {}

  static async start(opts: { dataDir?: string } = {}): Promise<E2eWorld> {
    return new E2eWorld(await startWebDesk(opts));
  }

  get url(): string {
    return this.desk.url;
  }

  /** A fresh Chromium with its own profile; requests outside the desk's origin are recorded. */
  async browser(opts: { bypassCSP?: boolean } = {}): Promise<Browser & { foreign: string[] }> {
    const b = await launchBrowser(opts);
    this.browsers.push(b);
    b.page.setDefaultTimeout(15_000);
    return { ...b, foreign: forbidForeignRequests(b.page, this.url) };
  }

  async open(page: Page, hash = ''): Promise<void> {
    await page.goto(`${this.url}/${hash}`);
  }

  async close(): Promise<void> {
    for (const b of this.browsers.splice(0)) await b.close().catch(() => undefined);
    await this.desk.close();
  }
}
