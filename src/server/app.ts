import { mkdir, mkdtemp } from 'node:fs/promises';
import type http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { BlobStore, DEFAULT_MAX_BLOB_BYTES } from './blobs/store';
import { openDatabase } from './db/client';
import { createWriter } from './db/write';
import { apiRoutes } from './http/api-routes';
import { blobRoutes } from './http/blob-routes';
import type { ServerContext } from './http/context';
import { installErrorHandling } from './http/errors';
import { syncRoutes } from './http/sync-routes';
import { systemRoutes } from './http/system-routes';
import { publicRoutes } from './http/public-routes';
import { ensureAgendaDefaults } from './modules/agenda/defaults';
import { seedCaseDefaultsOnStart } from './modules/cases/seed';
import { produceMissingDailyRegisters } from './modules/protocol/daily-register';
import { CursorHub } from './sync/events';

export interface RegisterServerOptions {
  /** PGlite data in `dataDir/pg` and blobs in `dataDir/blobs`; in memory and a temp dir when absent. */
  dataDir?: string;
  /** PostgreSQL connection string; when given, PGlite is not used. */
  databaseUrl?: string;
  blobDir?: string;
  /** Server clock (tests inject one); every legal time comes from it. */
  clock?: () => Date;
  logger?: boolean;
  /** Upload limit for documents, default 100 MB. */
  maxBlobBytes?: number;
  /** Produce missing daily registers at start-up and every hour (default true). */
  dailyRegisterJob?: boolean;
  /** Issue 3: serve HTTPS with this PEM certificate and key (contents, not paths). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Issue 3: refuse logins and pushes from unenrolled machines (the standalone server's default). */
  requireDevice?: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (docs/deploy.md). */
  trustProxy?: boolean;
}

export interface RegisterServer {
  app: FastifyInstance;
  context: ServerContext;
  listen(opts: { port: number; host?: string }): Promise<string>;
  close(): Promise<void>;
}

const HOUR_MS = 3600_000;

/** Builds the register server: database migrated, routes installed, not yet listening. */
export async function createRegisterServer(opts: RegisterServerOptions = {}): Promise<RegisterServer> {
  const clock = opts.clock ?? (() => new Date());
  if (opts.dataDir) await mkdir(opts.dataDir, { recursive: true });
  const database = await openDatabase({
    databaseUrl: opts.databaseUrl,
    pgDataDir: opts.dataDir ? path.join(opts.dataDir, 'pg') : undefined,
  });
  const blobDir = opts.blobDir ?? (opts.dataDir ? path.join(opts.dataDir, 'blobs') : await mkdtemp(path.join(os.tmpdir(), 'gonfalone-blobs-')));
  const hub = new CursorHub();
  const context: ServerContext = {
    db: database.db,
    writer: createWriter(database.db, (cursor) => hub.publish(cursor), database.pool),
    blobs: new BlobStore(blobDir, opts.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES),
    hub,
    clock,
    requireDevice: opts.requireDevice ?? false,
  };

  const tls = opts.tls;
  // https.Server is an http.Server to Fastify's types: the same routes serve either.
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
    // Desks keep a live SSE stream open: closing must end those streams, or shutdown never completes.
    forceCloseConnections: true,
    ...(tls ? { serverFactory: (handler: http.RequestListener) => https.createServer({ cert: tls.cert, key: tls.key }, handler) } : {}),
  });
  installErrorHandling(app);
  systemRoutes(app, context);
  apiRoutes(app, context);
  syncRoutes(app, context);
  publicRoutes(app, context);
  await app.register(async (scope) => blobRoutes(scope, context));

  // Issue 5: the Mayor's agenda and the ceremony templates, if an initialised register lacks them.
  await ensureAgendaDefaults(context.writer, clock()).catch((err: unknown) => app.log.error({ err }, 'valori iniziali dell’agenda non creati'));
  // Issue 4: case types and settings, if an initialised register lacks them (an upgraded installation).
  await seedCaseDefaultsOnStart(context.writer, clock()).catch((err: unknown) => app.log.error({ err }, 'tipi di pratica iniziali non creati'));

  const produce = () =>
    produceMissingDailyRegisters(context.db, clock()).catch((err: unknown) => app.log.error({ err }, 'registro giornaliero non prodotto'));
  let timer: NodeJS.Timeout | undefined;
  if (opts.dailyRegisterJob ?? true) {
    void produce();
    timer = setInterval(() => void produce(), HOUR_MS);
    timer.unref();
  }

  let closed = false;
  return {
    app,
    context,
    async listen({ port, host = '127.0.0.1' }) {
      await app.listen({ port, host });
      const addr = app.server.address();
      const actualPort = typeof addr === 'object' && addr ? addr.port : port;
      return `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
    },
    async close() {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      await app.close();
      await database.close();
    },
  };
}
