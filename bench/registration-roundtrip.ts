import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createRegisterServer } from '../src/server/app';
import { openDesk } from '../src/main/core/desk';
import type { LoginResult } from '../src/shared/contract';
import { machineLine, percentile, printTable, type BenchRow } from './lib';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1000);

/**
 * Registration round trip through desk.call('protocol.register') with an embedded PGlite server,
 * as `npm start` runs it: a desk with its data folder and its live link, registering one letter
 * after the other (1,000 timed, after 100 that warm the code up).
 */
export async function run(): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-bench-roundtrip-'));
  const server = await createRegisterServer({ dataDir: path.join(dataDir, 'server'), dailyRegisterJob: false });
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  const desk = await openDesk({ dataDir: path.join(dataDir, 'desk'), serverUrl: url, live: true });
  try {
    const setup = await fetch(`${url}/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        administration: { name: 'Comune di Esempio', ipaCode: 'c_x000' },
        aoo: { code: 'AOO1', name: 'Segreteria del Sindaco' },
        registerCode: 'REG',
        admin: { username: 'admin', fullName: 'Anna Amministratrice', password: 'password-admin' },
      }),
    });
    if (!setup.ok) throw new Error(`setup: ${setup.status}`);
    const admin = (await desk.call('auth.login', { username: 'admin', password: 'password-admin' }, {})) as LoginResult;
    await desk.call('users.create', { username: 'paola', fullName: 'Paola Protocollista', password: 'password-paola', roles: ['protocollista'] }, { token: admin.token });
    const { token } = (await desk.call('auth.login', { username: 'paola', password: 'password-paola' }, {})) as LoginResult;
    const input = (i: number) => ({
      direction: 'entrata',
      oggetto: `Richiesta di patrocinio n. ${i} per la festa del quartiere`,
      correspondents: [{ newContact: { kind: 'persona', name: `Rossi Mario ${i}` } }],
      means: 'pec',
    });
    for (let i = 0; i < 100; i++) await desk.call('protocol.register', input(i), { token });
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      await desk.call('protocol.register', input(i), { token });
      samples.push(performance.now() - t0);
    }
    const p50 = percentile(samples, 50);
    const p99 = percentile(samples, 99);
    return [
      { name: 'registrazione andata e ritorno p50', value: p50, unit: 'ms', target: 'informativo', pass: true },
      { name: 'registrazione andata e ritorno p99', value: p99, unit: 'ms', target: '≤ 20 ms', pass: p99 <= 20 },
    ];
  } finally {
    await desk.close();
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(machineLine());
  printTable('Registrazione con server incorporato (PGlite)', await run());
}
