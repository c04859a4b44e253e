import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError, httpStatusOf, isProcedureName, toErrorEnvelope, type DeskEvent } from '../../shared/contract';
import type { Desk } from '../core/desk';

/**
 * The web host: the built renderer and the desk RPC over HTTP on 127.0.0.1. It is how the UI is
 * tested in Chromium and how a machine without Electron uses the desk. Routes (keep the names,
 * scripts depend on them): POST /rpc/<name>, GET /events (SSE), PUT /files, GET /startup-error.
 */
export interface WebHostOptions {
  desk: Desk | null;
  /** Built renderer (dist/renderer). */
  staticDir: string;
  /** Shown instead of the desk when the local database could not be opened. */
  startupError?: string | null;
  maxUploadBytes?: number;
  /** The register server this desk syncs with: its public agenda is proxied (issue 5). */
  registerUrl?: string | null;
}

const CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; frame-src 'self' blob:; object-src 'self' blob:; connect-src 'self'";

export async function createWebHost(opts: WebHostOptions): Promise<FastifyInstance> {
  const maxUpload = opts.maxUploadBytes ?? 100 * 1024 * 1024;
  const app = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024 });

  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: maxUpload + 1 }, (_req, body, done) => done(null, body));

  app.addHook('onRequest', async (req, reply) => {
    // Only loopback names: a page on another site cannot reach the desk by DNS rebinding.
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
      return reply.code(403).send({ code: 'FORBIDDEN', message: 'Host non consentito.' });
    }
    reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
  });

  const hasUi = fs.existsSync(path.join(opts.staticDir, 'index.html'));
  app.setErrorHandler((err, _req, reply) => sendError(reply, mapFastifyError(err, maxUpload)));
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && hasUi && !req.url.startsWith('/rpc/')) return reply.sendFile('index.html');
    return sendError(reply, new AppError('NOT_FOUND', `Risorsa inesistente: ${req.method} ${req.url.split('?')[0]}`));
  });

  app.get('/startup-error', async () => {
    // Always 200: the page asks at every start, and a healthy desk answers `message: null`.
    return { message: opts.startupError ?? null };
  });

  // The public agenda (ICS feed and web page) as the register server publishes it, no login.
  for (const route of ['/public/agenda.ics', '/public/agenda.html']) {
    app.get(route, async (_req, reply) => proxyPublic(reply, opts.registerUrl ?? null, route));
  }

  const desk = opts.desk;
  app.post<{ Params: { name: string } }>('/rpc/:name', async (req, reply) => {
    if (!desk) throw new AppError('INTERNAL', opts.startupError ?? 'Desk non disponibile.');
    const name = req.params.name;
    if (!isProcedureName(name)) throw new AppError('UNKNOWN_PROCEDURE', `Operazione sconosciuta: ${name.slice(0, 80)}`);
    const result = await desk.call(name, req.body ?? {}, { token: bearer(req.headers.authorization) });
    return reply.send(result ?? null);
  });

  app.put<{ Querystring: { name?: string; type?: string } }>('/files', async (req) => {
    if (!desk) throw new AppError('INTERNAL', opts.startupError ?? 'Desk non disponibile.');
    const token = bearer(req.headers.authorization);
    await desk.call('auth.session', {}, { token });
    const body = req.body;
    if (!Buffer.isBuffer(body)) throw new AppError('VALIDATION', 'Invia il file come application/octet-stream.');
    const fileName = (req.query.name ?? '').trim();
    if (!fileName || fileName.length > 255) throw new AppError('VALIDATION', 'Nome del file mancante o troppo lungo (massimo 255 caratteri).');
    return desk.putFile(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), fileName, (req.query.type || 'application/octet-stream').slice(0, 120));
  });

  app.get<{ Querystring: { token?: string } }>('/events', async (req, reply) => {
    if (!desk) throw new AppError('INTERNAL', opts.startupError ?? 'Desk non disponibile.');
    // EventSource cannot send headers: the token travels in the query string, on loopback only.
    await desk.call('auth.session', {}, { token: req.query.token ?? bearer(req.headers.authorization) });
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.write(': gonfalone\n\n');
    const send = (event: DeskEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`);
    const unsubscribe = desk.onEvent(send);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  if (hasUi) {
    await app.register(fastifyStatic, { root: path.resolve(opts.staticDir), index: 'index.html' });
  } else {
    app.get('/', async (_req, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send('Interfaccia non compilata: esegui "npm run build:renderer".'),
    );
  }
  return app;
}

async function proxyPublic(reply: FastifyReply, registerUrl: string | null, route: string) {
  if (!registerUrl) throw new AppError('OFFLINE', 'Server del registro non configurato: agenda pubblica non disponibile.');
  let res: Response;
  try {
    res = await fetch(new URL(route, registerUrl), { signal: AbortSignal.timeout(10_000) });
  } catch {
    throw new AppError('OFFLINE', 'Server del registro non raggiungibile: agenda pubblica non disponibile.');
  }
  for (const h of ['content-type', 'cache-control', 'content-disposition', 'content-security-policy']) {
    const v = res.headers.get(h);
    if (v) reply.header(h, v);
  }
  return reply.code(res.status).send(Buffer.from(await res.arrayBuffer()));
}

function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1];
}

function sendError(reply: FastifyReply, err: unknown) {
  const envelope = toErrorEnvelope(err);
  return reply.code(httpStatusOf[envelope.code]).send(envelope);
}

/** Fastify's own failures (bad JSON, body too large) become Italian envelopes. */
function mapFastifyError(err: unknown, maxUpload: number): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new AppError('FILE_TOO_LARGE', `Il contenuto supera il limite consentito (${Math.round(maxUpload / 1024 / 1024)} MB).`);
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('VALIDATION', 'Tipo di contenuto non supportato: usa JSON.');
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
    return new AppError('VALIDATION', 'Il corpo della richiesta non è un JSON valido.');
  }
  return err;
}
