import { performance } from 'node:perf_hooks';
import { pouchConstructor } from './sync-pouch';
import { peakRssMb } from './sync-child';

/**
 * PouchDB client of the comparison, in its own process: replicates the remote database into a
 * new memory database and prints one JSON line with the time, the documents and the peak RSS.
 * `tsx bench/sync-pouch-child.ts <remoteUrl>`
 */
const remote = process.argv[2];
if (!remote) throw new Error('uso: sync-pouch-child <remoteUrl>');
const PouchDB = pouchConstructor();
const local = new PouchDB('copia', { adapter: 'memory' }) as unknown as { replicate: { from(url: string, o: Record<string, unknown>): Promise<{ docs_written: number }> } };
const started = performance.now();
const result = await local.replicate.from(remote, { batch_size: 1000, batches_limit: 10 });
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, docs: result.docs_written, maxRssMb: peakRssMb() })}\n`);
