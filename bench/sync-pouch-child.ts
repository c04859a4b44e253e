import { performance } from 'node:perf_hooks';
import { pouchConstructor } from './sync-pouch';
import { peakRssMb } from './sync-child';

/**
 * PouchDB client of the comparison, in its own process: replicates the remote database into a
 * new memory database and prints one JSON line with the time, the documents and the peak RSS.
 * `default` replicates as PouchDB does out of the box (batches of 100: the "about 4,500 docs/s"
 * the issue measured); `tuned` with batches of 1,000, ten in flight, its best here.
 * `tsx bench/sync-pouch-child.ts <remoteUrl> default|tuned`
 */
const [remote, mode = 'tuned'] = process.argv.slice(2);
if (!remote) throw new Error('uso: sync-pouch-child <remoteUrl> default|tuned');
const PouchDB = pouchConstructor();
const local = new PouchDB('copia', { adapter: 'memory' }) as unknown as { replicate: { from(url: string, o: Record<string, unknown>): Promise<{ docs_written: number }> } };
const started = performance.now();
const result = await local.replicate.from(remote, mode === 'default' ? {} : { batch_size: 1000, batches_limit: 10 });
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, docs: result.docs_written, maxRssMb: peakRssMb() })}\n`);
