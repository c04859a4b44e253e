import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createRegisterServer } from '../app';

/**
 * `npm run server -- [--port P] [--host H] [--data DIR] [--quiet] [--tls-cert PATH --tls-key PATH]
 * [--allow-unenrolled]`; DATABASE_URL selects PostgreSQL. See docs/deploy.md.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'allow-unenrolled': { type: 'boolean', default: false },
      'trust-proxy': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`Porta non valida: ${values.port}\n`);
    process.exit(2);
  }
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (!databaseUrl && !values.data) {
    process.stderr.write('Attenzione: senza --data né DATABASE_URL il registro è in memoria e va perso alla chiusura.\n');
  }
  const certPath = values['tls-cert'];
  const keyPath = values['tls-key'];
  if (Boolean(certPath) !== Boolean(keyPath)) {
    process.stderr.write('Per HTTPS servono sia --tls-cert sia --tls-key.\n');
    process.exit(2);
  }
  const tls = certPath && keyPath ? { cert: await readFile(certPath), key: await readFile(keyPath) } : undefined;
  const server = await createRegisterServer({
    dataDir: values.data,
    databaseUrl,
    logger: !values.quiet,
    tls,
    // A town hall's server accepts only enrolled desks; --allow-unenrolled is for trials.
    requireDevice: !values['allow-unenrolled'],
    trustProxy: values['trust-proxy'],
  });
  const url = await server.listen({ port, host: values.host });
  process.stdout.write(`Server del registro in ascolto su ${url} (${databaseUrl ? 'PostgreSQL' : 'PGlite'})\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: chiusura in corso…\n`);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Avvio del server del registro non riuscito: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
