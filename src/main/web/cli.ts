import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHostArgs } from './args';
import { createWebHost } from './host';
import { startEmbeddedDesk, type EmbeddedDesk } from '../embedded';
import { seedDemo } from './demo-seed';

/**
 * `npm run web -- [--port P] [--data DIR] [--demo]`: the embedded register server, the desk core
 * and the web host in one process, on 127.0.0.1 only.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2), { port: 5180, dataDir: path.join(root, '.data', 'web') });
  let embedded: EmbeddedDesk | null = null;
  let startupError: string | null = null;
  try {
    embedded = await startEmbeddedDesk({ dataRoot: path.resolve(args.dataDir) });
  } catch (err) {
    // A corrupt or foreign database is shown, never overwritten (see StartupError in core).
    startupError = err instanceof Error ? err.message : String(err);
    console.error(`Avvio non riuscito: ${startupError}`);
  }
  if (embedded && args.demo) {
    const seeded = await seedDemo(embedded.desk);
    console.log(seeded ? `Dati dimostrativi caricati (${seeded.entries} registrazioni).` : 'Dati dimostrativi: il Comune è già configurato, nulla da aggiungere.');
  }
  const app = await createWebHost({ desk: embedded?.desk ?? null, staticDir: path.join(root, 'dist', 'renderer'), startupError });
  const url = await app.listen({ port: args.port, host: '127.0.0.1' });
  console.log(`Gonfalone è in ascolto su ${url.replace('[::1]', '127.0.0.1')}  (dati: ${path.resolve(args.dataDir)})`);
  if (embedded) console.log(`Server del registro integrato: ${embedded.serverUrl}`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await embedded?.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
