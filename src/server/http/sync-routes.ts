import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../shared/contract/procedure';
import { pullQuery, pushRequest } from '../../shared/sync/protocol';
import { headCursor } from '../db/change-log';
import { pull } from '../sync/pull';
import { push } from '../sync/push';
import { requireUser, type ServerContext } from './context';

const HEARTBEAT_MS = 15_000;

/** Push, pull and the SSE poke of the sync protocol (src/shared/sync/protocol.ts). */
export function syncRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/sync/push', async (req) => {
    const user = await requireUser(ctx, req);
    return push(ctx.writer, parseInput(pushRequest, req.body), user, ctx.clock);
  });

  app.get('/sync/pull', async (req) => {
    await requireUser(ctx, req);
    return pull(ctx.db, parseInput(pullQuery, req.query), ctx.clock());
  });

  app.get('/sync/events', async (req, reply) => {
    await requireUser(ctx, req);
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
