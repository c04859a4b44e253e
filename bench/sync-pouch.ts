import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The PouchDB side of the initial-sync comparison: express-pouchdb on loopback, seeded with
 * documents shaped like our register rows, over LevelDB (PouchDB's own adapter on Node, on disk
 * as our SQLite is; leveldown ships its binaries in the npm package) or in memory. The client
 * replicates in its own process (bench/sync-pouch-child.ts).
 */
const require = createRequire(import.meta.url);

interface PouchDb {
  bulkDocs(docs: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}
type PouchCtor = (new (name: string, opts?: Record<string, unknown>) => PouchDb) & {
  plugin(p: unknown): PouchCtor;
  defaults(o: Record<string, unknown>): PouchCtor;
};

/** Plugins patch pouchdb-core itself: they are added once per process. */
let pouch: PouchCtor | undefined;
export function pouchConstructor(): PouchCtor {
  pouch ??= (require('pouchdb-core') as PouchCtor)
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-leveldb'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication'))
    .plugin(require('pouchdb-mapreduce'));
  return pouch;
}

/** A document with the same fields and sizes as a register entry row. */
export function registerDoc(n: number, year: number): Record<string, unknown> {
  return {
    _id: `01900000-0000-7000-8${year.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`,
    aooCode: 'AOO1', registerCode: 'REG', year, number: n,
    registeredAt: new Date(Date.UTC(year, 0, 1, 8) + n * 1000).toISOString(),
    direction: n % 2 ? 'entrata' : 'uscita', oggetto: `Richiesta contributo manifestazione n. ${n}`,
    correspondents: [{ contactId: null, name: `Bianchi Anna ${n % 997}`, kind: 'persona', pec: null, email: null, ipaCode: null, address: null }],
    means: 'pec', receivedDocDate: null, receivedDocNumber: null, classificationCode: 'I.13', assignments: [], documents: [],
    paperAttachments: { count: 0, description: '' }, riservato: false, notes: null, status: 'registrato', annulment: null,
    registeredBy: '01900000-0000-7000-8000-000000000001', registeredByName: 'Paola Protocollista', version: 1,
  };
}

export type PouchAdapter = 'leveldb' | 'memory';

export async function startPouchServer(docs: number, adapter: PouchAdapter): Promise<{ url: string; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-pouch-server-'));
  const PouchDB = pouchConstructor().defaults({ adapter, prefix: `${dir}/` });
  const expressPouch = require('express-pouchdb') as (p: unknown, o: Record<string, unknown>) => { listen(port: number, host: string, cb: () => void): Server };
  const app = expressPouch(PouchDB, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' });
  const db = new PouchDB('registro');
  const year = new Date().getUTCFullYear();
  for (let done = 0; done < docs; done += 5000) {
    const batch = [];
    for (let n = done + 1; n <= Math.min(docs, done + 5000); n++) batch.push(registerDoc(n, year));
    await db.bulkDocs(batch);
  }
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/registro`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
