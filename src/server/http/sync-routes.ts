import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../shared/contract/procedure';
import { pullQuery, pushRequest } from '../../shared/sync/protocol';
import { headCursor } from '../db/change-log';
import { pullPageJson } from '../sync/pull';
import { PullReadAhead } from '../sync/read-ahead';
import { push } from '../sync/push';
import { AppError } from '../../shared/contract/errors';
import { bindClient, checkClient } from '../devices/binding';
import { recordRevokedPush } from '../devices/review';
import type { Principal } from '../auth/sessions';
import { requirePrincipal, revokedDeviceError, type ServerContext } from './context';

const HEARTBEAT_MS = 15_000;

/** A server that requires devices syncs only with enrolled ones (issue 3). */
function requireEnrolled(ctx: ServerContext, principal: Principal): void {
  if (ctx.requireDevice && !principal.deviceId) {
    throw new AppError('FORBIDDEN', 'Questa postazione non è abilitata alla sincronizzazione: chiedi all\u2019amministratore un codice di abilitazione.', { deviceNotEnrolled: true });
  }
}

/** Most client ids remembered as bound; past it the memory starts again (the table stays). */
const MAX_REMEMBERED_BINDINGS = 10_000;

/**
 * Client ids this process saw bound, with their device. A binding is written once and never
 * changes (devices/binding.ts), so a pair checked once needs no two statements per push again.
 */
class KnownBindings {
  private readonly byClient = new Map<string, string | null>();
  has(clientId: string, principal: Principal): boolean {
    return this.byClient.has(clientId) && this.byClient.get(clientId) === principal.deviceId;
  }
  remember(clientId: string, principal: Principal): void {
    if (this.byClient.size >= MAX_REMEMBERED_BINDINGS) this.byClient.clear();
    this.byClient.set(clientId, principal.deviceId);
  }
}

/** Push, pull and the SSE poke of the sync protocol (src/shared/sync/protocol.ts). */
export function syncRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const bindings = new KnownBindings();
  const readAhead = new PullReadAhead();
  app.post('/sync/push', async (req) => {
    const principal = await requirePrincipal(ctx, req);
    const body = parseInput(pushRequest, req.body);
    requireEnrolled(ctx, principal);
    if (!bindings.has(body.clientId, principal)) {
      await bindClient(ctx.db, body.clientId, principal, ctx.clock());
      bindings.remember(body.clientId, principal);
    }
    if (principal.deviceRevoked && principal.deviceId) {
      // Never applied: held for the administrator's review (issue 3, devices).
      await recordRevokedPush(ctx.db, body, principal.deviceId, principal.user.id, ctx.clock());
      throw revokedDeviceError();
    }
    return push(ctx.writer, body, principal.user, ctx.clock);
  });

  app.get('/sync/pull', async (req, reply) => {
    const principal = await requirePrincipal(ctx, req);
    requireEnrolled(ctx, principal);
    if (principal.deviceRevoked) throw revokedDeviceError();
    const query = parseInput(pullQuery, req.query);
    if (query.clientId && !bindings.has(query.clientId, principal)) await checkClient(ctx.db, query.clientId, principal);
    // The page's JSON is written by the database (src/server/sync/pull.ts, pullPageJson); a desk
    // catching up gets the page read while it wrote the previous one (sync/read-ahead.ts).
    const read = (q: typeof query) => pullPageJson(ctx.db, q, ctx.clock(), principal.user);
    const page = await readAhead.serve(principal.user.id, query, read);
    if (page.next) readAhead.start(principal.user.id, page.next, read);
    reply.type('application/json; charset=utf-8');
    return page.body;
  });

  app.get('/sync/events', async (req, reply) => {
    const principal = await requirePrincipal(ctx, req);
    requireEnrolled(ctx, principal);
    if (principal.deviceRevoked) throw revokedDeviceError();
    const start = await headCursor(ctx.db);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const send = (cursor: number) => res.write(`data: ${JSON.stringify({ cursor })}\n\n`);
    send(start);
    const unsubscribe = ctx.hub.subscribe(send);
    // A comment line keeps proxies from closing an idle stream.
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
    };
    req.raw.on('close', stop);
    res.on('close', stop);
  });
}
