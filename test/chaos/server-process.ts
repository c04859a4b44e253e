import { parseArgs } from 'node:util';
import { createRegisterServer } from '../../src/server/app';

/**
 * The register server as a real process for the chaos tests: the same `createRegisterServer`
 * as `npm run server`, plus one fault hook. With GONFALONE_CHAOS_KILL_AFTER_PUSH=N the process
 * kills itself (SIGKILL, no cleanup) after the N-th successful `/sync/push` has committed and
 * before its answer leaves: the "server dies between commit and response" case.
 * Prints `LISTENING <url>` on stdout when ready. PGlite on `--data` by default; CHAOS_DATABASE_URL
 * (not DATABASE_URL, which the PostgreSQL run of the suite sets for its own databases) selects
 * PostgreSQL, for a long run on a dedicated, empty database.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, data: { type: 'string' } } });
  const server = await createRegisterServer({ dataDir: values.data, databaseUrl: process.env.CHAOS_DATABASE_URL || undefined, logger: false, dailyRegisterJob: false });
  const killAfter = Number(process.env.GONFALONE_CHAOS_KILL_AFTER_PUSH ?? 0);
  if (killAfter > 0) {
    let pushes = 0;
    server.app.addHook('onSend', async (req, reply, payload) => {
      if (req.url.startsWith('/sync/push') && reply.statusCode === 200) {
        pushes += 1;
        if (pushes >= killAfter) process.kill(process.pid, 'SIGKILL');
      }
      return payload;
    });
  }
  const url = await server.listen({ port: Number(values.port), host: '127.0.0.1' });
  process.stdout.write(`LISTENING ${url}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`server-process: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
