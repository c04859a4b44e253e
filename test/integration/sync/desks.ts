import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDesk, type Desk } from '../../../src/main/core/desk';
import type { LoginResult, SyncStatus } from '../../../src/shared/contract';
import type { Role } from '../../../src/shared/domain/roles';
import { startTestServer, type TestServer } from '../server/harness';

/**
 * Several desks in one process against the real register server app (Joplin's `switchClient`
 * / `syncOnce` idea). Each desk talks to its own fake host `deskN.sync.test`, which a fetch
 * wrapper maps to the server: that is where the fault hooks act, per desk.
 */

export type Fault = 'drop-response' | 'duplicate-request' | 'offline';

export interface FaultHooks {
  /** The next `times` requests matching `path` (substring) suffer `fault`. */
  inject(fault: Fault, opts?: { path?: string; times?: number; method?: string }): void;
  /** Holds matching requests until `release()`: delayed, and reordered against other desks. */
  hold(pathPart?: string): { release(): void; held(): number };
  clear(): void;
  /** Requests that reached the server, by path (duplicates count twice). */
  sent: string[];
  /** The same, as `METHOD /path`. */
  requests: string[];
}

export interface TestDesk {
  index: number;
  desk: Desk;
  dataDir: string;
  faults: FaultHooks;
  /** Logs a role's user in on this desk (cached) and returns the token. */
  login(role: Role): Promise<string>;
  call<T>(name: string, input: unknown, role: Role): Promise<T>;
  syncOnce(): Promise<SyncStatus>;
  /** Read-only view of the desk's SQLite file. */
  query<T>(sql: string, ...params: unknown[]): T[];
}

export interface Desks {
  server: TestServer;
  desks: TestDesk[];
  /** Sync rounds on every desk, in order, until nothing is pending (at most `rounds` passes). */
  syncAll(rounds?: number): Promise<void>;
  close(): Promise<void>;
}

/** A fetch wrapper in front of the server; `decide` may inject faults for any request. */
export type Interceptor = (desk: number, url: URL, send: () => Promise<Response>) => Promise<Response>;

interface Rule {
  fault: Fault;
  path: string;
  times: number;
  method: string | undefined;
}

function makeHooks(): FaultHooks & { rules: Rule[]; holds: Array<{ path: string; waiters: Array<() => void>; open: boolean }> } {
  const hooks = {
    rules: [] as Rule[],
    holds: [] as Array<{ path: string; waiters: Array<() => void>; open: boolean }>,
    sent: [] as string[],
    requests: [] as string[],
    inject(fault: Fault, opts: { path?: string; times?: number; method?: string } = {}) {
      hooks.rules.push({ fault, path: opts.path ?? '', times: opts.times ?? 1, method: opts.method });
    },
    hold(pathPart = '') {
      const h = { path: pathPart, waiters: [] as Array<() => void>, open: false };
      hooks.holds.push(h);
      return {
        release() {
          h.open = true;
          for (const w of h.waiters.splice(0)) w();
        },
        held: () => h.waiters.length,
      };
    },
    clear() {
      hooks.rules.length = 0;
      for (const h of hooks.holds) {
        h.open = true;
        for (const w of h.waiters.splice(0)) w();
      }
    },
  };
  return hooks;
}

const HOST = /^desk(\d+)\.sync\.test$/;

/** Starts a server and `n` desks (live sync off: the test drives the rounds). */
export async function createDesks(n: number, opts: { server?: TestServer; interceptor?: Interceptor } = {}): Promise<Desks> {
  const server = opts.server ?? (await startTestServer());
  const realFetch = globalThis.fetch;
  const hooks = Array.from({ length: n }, () => makeHooks());
  const target = new URL(server.url);

  const wrapped: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const m = HOST.exec(url.hostname);
    if (!m) return realFetch(input, init);
    const index = Number(m[1]);
    const h = hooks[index]!;
    const real = new URL(url.pathname + url.search, target);
    const method = (init?.method ?? 'GET').toUpperCase();
    const send = async () => {
      h.sent.push(url.pathname);
      h.requests.push(`${method} ${url.pathname}`);
      return realFetch(real, init);
    };
    for (const hold of h.holds) {
      if (!hold.open && url.pathname.includes(hold.path)) await new Promise<void>((r) => hold.waiters.push(r));
    }
    const rule = h.rules.find((r) => r.times > 0 && url.pathname.includes(r.path) && (!r.method || r.method === method));
    if (rule) rule.times -= 1;
    const base = () => (opts.interceptor ? opts.interceptor(index, url, send) : send());
    switch (rule?.fault) {
      case 'offline':
        throw new TypeError('fetch failed (rete assente simulata)');
      case 'drop-response': {
        const res = await base();
        await res.arrayBuffer().catch(() => undefined);
        throw new TypeError('fetch failed (risposta persa simulata)');
      }
      case 'duplicate-request': {
        // The same bytes twice: the body of init is a string or a Uint8Array here, reusable.
        const first = await base();
        await first.arrayBuffer().catch(() => undefined);
        return base();
      }
      default:
        return base();
    }
  };
  globalThis.fetch = wrapped;

  const desks: TestDesk[] = [];
  for (let i = 0; i < n; i++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `gonfalone-desk${i}-`));
    const desk = await openDesk({ dataDir, serverUrl: `http://desk${i}.sync.test/`, live: false });
    const tokens = new Map<Role, string>();
    let reader: Database.Database | null = null;
    const td: TestDesk = {
      index: i,
      desk,
      dataDir,
      faults: hooks[i]!,
      async login(role) {
        const cached = tokens.get(role);
        if (cached) return cached;
        const u = server.users[role];
        const res = (await desk.call('auth.login', { username: u.username, password: u.password }, {})) as LoginResult;
        tokens.set(role, res.token);
        return res.token;
      },
      async call<T>(name: string, input: unknown, role: Role) {
        return (await desk.call(name, input, { token: await td.login(role) })) as T;
      },
      syncOnce: () => desk.syncNow(),
      query<T>(sql: string, ...params: unknown[]) {
        reader ??= new Database(path.join(dataDir, 'gonfalone.db'), { readonly: true, fileMustExist: true });
        return reader.prepare(sql).all(...params) as T[];
      },
    };
    const close = desk.close.bind(desk);
    desk.close = async () => {
      reader?.close();
      await close();
    };
    desks.push(td);
  }

  return {
    server,
    desks,
    async syncAll(rounds = 3) {
      for (let r = 0; r < rounds; r++) {
        let pending = 0;
        for (const d of desks) pending += (await d.syncOnce()).pendingCount;
        if (pending === 0 && r > 0) return;
      }
    },
    async close() {
      for (const d of desks) {
        d.faults.clear();
        await d.desk.close();
        fs.rmSync(d.dataDir, { recursive: true, force: true });
      }
      globalThis.fetch = realFetch;
      if (!opts.server) await server.close();
    },
  };
}
