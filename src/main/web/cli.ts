import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHostArgs } from './args';
import { createWebHost } from './host';
import { startDesk, type StartedDesk } from '../remote';
import { seedDemo } from './demo-seed';

/**
 * `npm run web -- [--port P] [--data DIR] [--demo] [--server URL]`: the desk core and the web
 * host in one process, on 127.0.0.1 only, with the embedded register server or, given
 * `--server` (or GONFALONE_SERVER_URL, or a server remembered in the data folder), the town
 * hall's register server.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2), { port: 5180, dataDir: path.join(root, '.data', 'web') });
  let started: StartedDesk | null = null;
  let startupError: string | null = null;
  try {
    const serverUrl = args.serverUrl ?? (process.env.GONFALONE_SERVER_URL || null);
    started = await startDesk({ dataRoot: path.resolve(args.dataDir), serverUrl });
  } catch (err) {
    // A corrupt or foreign database is shown, never overwritten (see StartupError in core).
    startupError = err instanceof Error ? err.message : String(err);
    console.error(`Avvio non riuscito: ${startupError}`);
  }
  if (started && args.demo) {
    const seeded = await seedDemo(started.desk);
    console.log(seeded ? `Dati dimostrativi caricati (${seeded.entries} registrazioni).` : 'Dati dimostrativi: il Comune è già configurato, nulla da aggiungere.');
  }
  const app = await createWebHost({ desk: started?.desk ?? null, staticDir: path.join(root, 'dist', 'renderer'), startupError, registerUrl: started?.serverUrl ?? null });
  const url = await app.listen({ port: args.port, host: '127.0.0.1' });
  console.log(`Gonfalone è in ascolto su ${url.replace('[::1]', '127.0.0.1')}  (dati: ${path.resolve(args.dataDir)})`);
  if (started) console.log(`${started.mode === 'remote' ? 'Server del registro' : 'Server del registro integrato'}: ${started.serverUrl}`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await started?.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
