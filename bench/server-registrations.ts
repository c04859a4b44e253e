import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { uuidv7 } from '../src/shared/domain/ids';
import { machineLine, percentile, printTable, type BenchRow } from './lib';

/**
 * 50 concurrent desks registering over HTTP against the register server on PostgreSQL
 * (DATABASE_URL, or the local test database), each push carrying one registration.
 * Target: ≥ 300 gapless registrations per second. A fresh database is created and dropped.
 */
const CLIENTS = 50;
const PER_CLIENT = Number(process.env.BENCH_PER_CLIENT ?? 40);
/** Registrations per client before the clock starts: the server's code is compiled by then. */
const WARMUP = 5;
const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

async function withFreshDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const name = `gonfalone_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function startServerProcess(databaseUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  // BENCH_SERVER_PROF=DIR writes a CPU profile of the server process there.
  const prof = process.env.BENCH_SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROF}`] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', 'src/server/cli/main.ts', '--port', '0', '--quiet', '--allow-unenrolled'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /in ascolto su (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server terminato (codice ${code}): ${out}`)));
  });
  return {
    url,
    async stop() {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export async function run(): Promise<BenchRow[]> {
  return withFreshDatabase(async (databaseUrl) => {
    // The server runs in its own process, as in production: the 50 clients do not share its thread.
    const server = await startServerProcess(databaseUrl);
    try {
      const base = server.url;
      await post(`${base}/setup`, {
        administration: { name: 'Comune di Benchmark', ipaCode: 'c_b000' },
        aoo: { code: 'AOO1', name: 'Protocollo generale' },
        registerCode: 'REG',
        admin: { username: 'admin', fullName: 'Amministratore', password: 'password-admin' },
      });
      const admin = await post<{ token: string }>(`${base}/auth/login`, { username: 'admin', password: 'password-admin' });
      await post(`${base}/api/users.create`, { username: 'protocollo', fullName: 'Ufficio Protocollo', password: 'password-protocollo', roles: ['protocollista'] }, admin.token);
      const tokens: string[] = [];
      for (let i = 0; i < CLIENTS; i++) tokens.push((await post<{ token: string }>(`${base}/auth/login`, { username: 'protocollo', password: 'password-protocollo' })).token);

      const latencies: number[] = [];
      let started = 0;
      let warm = 0;
      let warmedUp: () => void = () => undefined;
      const allWarm = new Promise<void>((resolve) => (warmedUp = resolve));
      await Promise.all(
        tokens.map(async (token) => {
          const clientId = uuidv7();
          for (let seq = 1; seq <= WARMUP + PER_CLIENT; seq++) {
            if (seq === WARMUP + 1) {
              // Every client waits for the others, so the timed part runs at full concurrency.
              if (++warm === CLIENTS) {
                started = performance.now();
                warmedUp();
              }
              await allWarm;
            }
            const args = {
              id: uuidv7(),
              direction: 'entrata',
              oggetto: `Istanza n. ${seq} del richiedente ${clientId.slice(-6)}`,
              correspondents: [{ newContact: { kind: 'persona', name: `Cittadino ${clientId.slice(-6)}` } }],
              means: 'pec',
            };
            const t0 = performance.now();
            const res = await post<{ results: Array<{ status: string }> }>(
              `${base}/sync/push`,
              { clientId, protocolVersion: 1, schemaVersion: 1, mutations: [{ id: uuidv7(), seq, name: 'protocol.register', version: 1, args, createdAt: new Date().toISOString() }] },
              token,
            );
            if (seq > WARMUP) latencies.push(performance.now() - t0);
            if (res.results[0]?.status !== 'applied') throw new Error(`registrazione rifiutata: ${JSON.stringify(res)}`);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const timed = CLIENTS * PER_CLIENT;
      const total = CLIENTS * (WARMUP + PER_CLIENT);

      const check = new pg.Client({ connectionString: databaseUrl });
      await check.connect();
      const { rows } = await check.query<{ n: string; distinct_n: string; min: number; max: number }>(
        'select count(*) as n, count(distinct number) as distinct_n, min(number) as min, max(number) as max from protocol_entries',
      );
      await check.end();
      const r = rows[0]!;
      const gapless = Number(r.n) === total && Number(r.distinct_n) === total && r.min === 1 && r.max === total;
      const rate = timed / seconds;
      return [
        { name: `registrazioni/s (${CLIENTS} client HTTP, PostgreSQL)`, value: rate, unit: '/s', target: '≥ 300 /s', pass: rate >= 300 },
        { name: 'latenza push p50', value: percentile(latencies, 50), unit: 'ms', target: 'informativo', pass: true },
        { name: 'latenza push p99', value: percentile(latencies, 99), unit: 'ms', target: 'informativo', pass: true },
        { name: `numerazione senza buchi (1…${total})`, value: gapless ? 1 : 0, unit: gapless ? 'sì' : 'NO', target: 'sì', pass: gapless },
      ];
    } finally {
      await server.stop();
    }
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(machineLine());
  run()
    .then((rows) => printTable('Server del registro: registrazioni concorrenti', rows))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
