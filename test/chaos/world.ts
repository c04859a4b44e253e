import fs from 'node:fs';
import { expect } from 'vitest';
import type { LoginResult } from '../../src/shared/contract';
import type { Change, MutationResult, PullResponse } from '../../src/shared/sync/protocol';
import { DeskProcess, startServerProcess, tempDir, type ServerProcess } from './processes';
import { startChaosProxy, type ChaosProxy } from './proxy';

/**
 * A chaos world: one register server process, a fault proxy in front of it, desk processes
 * behind the proxy, and a ledger of what each desk was asked to do, to check afterwards that
 * nothing was lost or applied twice.
 */
export const clerkUser = { username: 'protocollista', password: 'password-protocollista-1' };
const admin = { username: 'admin', password: 'password-amministratore-1' };

async function http<T>(url: string, method: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Organisation and a protocollista, straight on the server (not through the proxy). */
async function setupRegister(url: string): Promise<void> {
  const setup = await http(url, 'POST', '/setup', {
    body: {
      administration: { name: 'Comune di Prova', ipaCode: 'c_x000' },
      aoo: { code: 'AOO1', name: 'Segreteria del Sindaco' },
      registerCode: 'REG',
      admin: { username: admin.username, fullName: 'Anna Amministratrice', password: admin.password },
    },
  });
  if (setup.status !== 200) throw new Error(`setup: ${JSON.stringify(setup.body)}`);
  const token = await loginOn(url, admin);
  const created = await http(url, 'POST', '/api/users.create', {
    token,
    body: { username: clerkUser.username, fullName: 'Paola Protocollista', password: clerkUser.password, roles: ['protocollista'] },
  });
  if (created.status !== 200) throw new Error(`utente: ${JSON.stringify(created.body)}`);
}

export async function httpJson<T>(url: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await http<T>(url, 'POST', path, { body, token });
  if (res.status !== 200) throw new Error(`${path}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function loginOn(url: string, u: { username: string; password: string; deviceId?: string; deviceSecret?: string }): Promise<string> {
  const res = await http<LoginResult>(url, 'POST', '/auth/login', { body: u });
  if (res.status !== 200) throw new Error(`login ${u.username}: ${JSON.stringify(res.body)}`);
  return res.body.token;
}

/**
 * What a desk was asked to register, and what it answered: `ok` (numbered), `QUEUED` (OFFLINE
 * after the registration entered the outbox), `REFUSED` (OFFLINE before: nothing was written),
 * `KILLED` (the process died first: either is possible), or another error code.
 */
export interface Intent {
  desk: string;
  entryId: string;
  outcome: 'ok' | 'QUEUED' | 'REFUSED' | 'KILLED' | string;
  number?: number;
}

let template: Promise<string> | null = null;

/** A PGlite data folder with the register set up, made once per test process and copied. */
function registerTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = tempDir('template');
    const server = await startServerProcess({ dataDir: dir });
    await setupRegister(server.url);
    await server.stop();
    return dir;
  })();
  return template;
}

export class ChaosWorld {
  readonly intents: Intent[] = [];
  readonly desks: DeskProcess[] = [];
  private constructor(
    readonly dataDir: string,
    public server: ServerProcess,
    readonly proxy: ChaosProxy,
    readonly seed: number,
  ) {}

  static async create(seed: number, opts: { killAfterPush?: number } = {}): Promise<ChaosWorld> {
    const dataDir = tempDir('server');
    if (process.env.CHAOS_DATABASE_URL) {
      const server = await startServerProcess({ dataDir, killAfterPush: opts.killAfterPush });
      await setupRegister(server.url);
      return new ChaosWorld(dataDir, server, await startChaosProxy({ targetPort: server.port, seed }), seed);
    }
    // A fresh PGlite folder costs 5–9 s; a copy of one already set up starts in about 2 s.
    fs.cpSync(await registerTemplate(), dataDir, { recursive: true });
    const server = await startServerProcess({ dataDir, killAfterPush: opts.killAfterPush });
    const proxy = await startChaosProxy({ targetPort: server.port, seed });
    return new ChaosWorld(dataDir, server, proxy, seed);
  }

  /**
   * Restarts the server on the same data (after a kill) and points the proxy at it; with
   * `killAfterPush` > 0 the new process dies again after that many committed pushes.
   */
  async restartServerWithKill(killAfterPush = 0): Promise<void> {
    await this.server.kill9();
    this.server = await startServerProcess({ dataDir: this.dataDir, killAfterPush });
    this.proxy.retarget(this.server.port);
  }

  /** The server's rows of one synced table (in the protocollista's scope), by key. */
  async serverRows<T = Record<string, unknown>>(table: string): Promise<Map<string, T>> {
    const view = await serverView(this.server.url, await loginOn(this.server.url, clerkUser));
    const out = new Map<string, T>();
    for (const [k, c] of view.get(table) ?? []) if (c.row) out.set(k, c.row as T);
    return out;
  }

  /** An administrator's token, straight from the server. */
  adminToken(): Promise<string> {
    return loginOn(this.server.url, admin);
  }

  /** Registration times of every entry on the server. */
  async registeredAt(): Promise<string[]> {
    const view = await serverView(this.server.url, await loginOn(this.server.url, clerkUser));
    return [...view.get('protocol_entries')!.values()].map((c) => String((c.row as { registeredAt: string }).registeredAt));
  }

  /** A desk process behind the world's proxy, or behind `via` (a proxy of its own). */
  async addDesk(name: string, skewMs = 0, via?: ChaosProxy): Promise<DeskProcess> {
    const desk = new DeskProcess(name, tempDir(`desk-${name}`), (via ?? this.proxy).url, skewMs);
    await desk.start();
    this.desks.push(desk);
    return desk;
  }

  /** Logs a desk in, retrying while the network is injured. */
  async login(desk: DeskProcess, attempts = 50): Promise<void> {
    for (let i = 0; i < attempts; i++) {
      const a = await desk.send({ cmd: 'login', ...clerkUser });
      if (a.ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${desk.name}: login impossibile`);
  }

  /** Registers through a desk and records the intent with its outcome. */
  async register(desk: DeskProcess, entryId: string, oggetto: string): Promise<Intent> {
    const input = {
      id: entryId,
      direction: 'entrata',
      oggetto,
      correspondents: [{ newContact: { kind: 'persona', name: `Mittente ${oggetto.slice(-6)}` } }],
      means: 'pec',
    };
    const intent: Intent = { desk: desk.name, entryId, outcome: 'KILLED' };
    this.intents.push(intent);
    const a = await desk.send<{ entry: { number: number } }>({ cmd: 'call', name: 'protocol.register', input });
    const queued = typeof a.error?.details === 'object' && a.error.details !== null && 'mutationId' in a.error.details;
    intent.outcome = a.ok ? 'ok' : a.error?.code === 'OFFLINE' ? (queued ? 'QUEUED' : 'REFUSED') : (a.error?.code ?? 'INTERNAL');
    if (a.ok) intent.number = a.result!.entry.number;
    return intent;
  }

  /** Heals the network and syncs every desk until its outbox is empty, then once more each. */
  async drain(maxRounds = 60, extraProxies: ChaosProxy[] = []): Promise<void> {
    for (const p of [this.proxy, ...extraProxies]) {
      p.up();
      p.setFaults({ drop: 0, delay: 0, duplicate: 0, cutResponse: 0 });
    }
    for (const desk of this.desks) {
      await this.login(desk);
      for (let round = 0; ; round++) {
        const status = await desk.must<{ pendingCount: number; lastError: string | null }>({ cmd: 'sync' });
        if (status.pendingCount === 0 && status.lastError === null) break;
        if (round >= maxRounds) throw new Error(`${desk.name}: outbox non svuotato (${JSON.stringify(status)})`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    for (const desk of this.desks) await desk.must({ cmd: 'sync' });
  }

  async close(): Promise<void> {
    for (const d of this.desks) await d.stop().catch(() => undefined);
    await this.proxy.close();
    await this.server.stop().catch(() => undefined);
    for (const dir of [this.dataDir, ...this.desks.map((d) => d.dataDir)]) fs.rmSync(dir, { recursive: true, force: true });
  }

  /**
   * The pass criteria of the chaos tests: every outbox drained; each client's mutations applied
   * once each, with a gapless sequence; register numbers 1..N per year; every registration the
   * desk accepted is on the server exactly once, with the number it was told; every desk equals
   * the server on the synced tables.
   */
  async assertConverged(): Promise<{ entries: number; mutations: number }> {
    const token = await loginOn(this.server.url, clerkUser);
    const view = await serverView(this.server.url, token);
    const entries = [...view.get('protocol_entries')!.values()].map((c) => c.row as { id: string; year: number; number: number | null });

    const byYear = new Map<number, number[]>();
    for (const e of entries) {
      expect(e.number, `numero assente per ${e.id}`).not.toBeNull();
      byYear.set(e.year, [...(byYear.get(e.year) ?? []), e.number!]);
    }
    for (const [year, numbers] of byYear) {
      numbers.sort((a, b) => a - b);
      expect(numbers, `numeri del ${year} (seed ${this.seed})`).toEqual(numbers.map((_, i) => i + 1));
    }

    const entryById = new Map(entries.map((e) => [e.id, e]));
    for (const intent of this.intents) {
      const onServer = entryById.get(intent.entryId);
      // A registration the desk took into its outbox (answered, or OFFLINE) must reach the server.
      if (intent.outcome === 'ok' || intent.outcome === 'QUEUED') expect(onServer, `registrazione persa ${intent.entryId} (seed ${this.seed})`).toBeDefined();
      if (intent.outcome === 'ok') expect(onServer?.number).toBe(intent.number);
      if (intent.outcome === 'REFUSED') expect(onServer, `registrazione rifiutata ma presente ${intent.entryId}`).toBeUndefined();
    }

    let mutations = 0;
    for (const desk of this.desks) {
      const st = await desk.must<DeskState>({ cmd: 'state' });
      expect(st.outbox, `${desk.name}: outbox (seed ${this.seed})`).toEqual([]);
      // A client id bound to an enrolled device answers only to a token of that device.
      const deviceToken = st.device ? await loginOn(this.server.url, { ...clerkUser, ...st.device }) : token;
      const acks = await allAcks(this.server.url, deviceToken, st.sync.clientId);
      expect(acks.map((a) => a.seq), `${desk.name}: sequenza delle mutazioni`).toEqual(acks.map((_, i) => i + 1));
      expect(acks.length, `${desk.name}: mutazioni create e mutazioni ricevute dal server`).toBe(st.outboxHighSeq);
      expect(new Set(acks.map((a) => a.id)).size).toBe(acks.length);
      expect(acks.filter((a) => a.status !== 'applied'), `${desk.name}: mutazioni rifiutate`).toEqual([]);
      mutations += acks.length;
      for (const [table, rows] of Object.entries(st.tables)) {
        const server = view.get(table);
        if (!server) continue;
        const expected = Object.fromEntries([...server.entries()].filter(([, c]) => c.row !== null).map(([k, c]) => [k, table === 'protocol_history' ? 1 : c.version]));
        expect(rows, `${desk.name}: tabella ${table} (seed ${this.seed})`).toEqual(expected);
      }
    }
    return { entries: entries.length, mutations };
  }
}

interface DeskState {
  sync: { clientId: string; cursor: number; ackedSeq: number };
  outbox: unknown[];
  outboxHighSeq: number;
  device: { deviceId: string; deviceSecret: string } | null;
  tables: Record<string, Record<string, number>>;
}

/** The server's current rows in the user's scope: the change log read from 0, last change wins. */
async function serverView(url: string, token: string): Promise<Map<string, Map<string, Change>>> {
  const view = new Map<string, Map<string, Change>>();
  let cursor = 0;
  for (;;) {
    const page = await http<PullResponse>(url, 'GET', `/sync/pull?cursor=${cursor}&limit=10000`, { token });
    if (page.status !== 200) throw new Error(`pull: ${JSON.stringify(page.body)}`);
    for (const c of page.body.changes) {
      if (!view.has(c.table)) view.set(c.table, new Map());
      view.get(c.table)!.set(c.key, c);
    }
    if (!page.body.hasMore || page.body.cursor === cursor) break;
    cursor = page.body.cursor;
  }
  if (!view.has('protocol_entries')) view.set('protocol_entries', new Map());
  return view;
}

/** Every stored result of one client, in sequence order. */
async function allAcks(url: string, token: string, clientId: string): Promise<MutationResult[]> {
  const out: MutationResult[] = [];
  for (;;) {
    const acked = out.at(-1)?.seq ?? 0;
    const page = await http<PullResponse>(url, 'GET', `/sync/pull?cursor=${Number.MAX_SAFE_INTEGER}&limit=1&clientId=${clientId}&ackedSeq=${acked}`, { token });
    if (page.status !== 200) throw new Error(`acks: ${JSON.stringify(page.body)}`);
    if (page.body.acks.length === 0) return out;
    out.push(...page.body.acks);
  }
}
