import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pouchConstructor } from './sync-pouch';
import { peakRssMb } from './sync-child';

/**
 * PouchDB client of the comparison, in its own process: replicates the remote database into a
 * new local database and prints one JSON line with the time, the documents and the peak RSS.
 * `leveldb` is PouchDB's own adapter on Node (on disk), `memory` keeps nothing; `default` batches
 * are PouchDB's (100), `large` 1,000 with ten in flight, its best here.
 * `tsx bench/sync-pouch-child.ts <remoteUrl> leveldb|memory default|large`
 */
const [remote, adapter = 'leveldb', batches = 'default'] = process.argv.slice(2);
if (!remote) throw new Error('uso: sync-pouch-child <remoteUrl> leveldb|memory default|large');
const PouchDB = pouchConstructor();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-pouch-client-'));
const local = new PouchDB(`${dir}/copia`, { adapter }) as unknown as { replicate: { from(url: string, o: Record<string, unknown>): Promise<{ docs_written: number }> } };
const started = performance.now();
const result = await local.replicate.from(remote, batches === 'large' ? { batch_size: 1000, batches_limit: 10 } : {});
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, docs: result.docs_written, maxRssMb: peakRssMb() })}\n`);
fs.rmSync(dir, { recursive: true, force: true });
