import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../shared/contract/procedure';
import { loginInput } from '../../shared/contract/auth';
import { setupInitializeInput } from '../../shared/contract/setup';
import { PROTOCOL_VERSION, type ServerHealth } from '../../shared/sync/protocol';
import { login, logout } from '../auth/sessions';
import { initialize, loadOrganisation, setupStatus } from '../modules/organisation/setup';
import { SCHEMA_VERSION } from '../db/version';
import { bearerToken, requireUser, type ServerContext } from './context';

/** Health, first-run setup and sessions. */
export function systemRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/health', async (): Promise<ServerHealth> => ({
    ok: true,
    initialized: (await loadOrganisation(ctx.db)) !== null,
    serverTime: ctx.clock().toISOString(),
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
  }));
  app.get('/setup', () => setupStatus(ctx.db));
  app.post('/setup', (req) => initialize(ctx.writer, parseInput(setupInitializeInput, req.body), ctx.clock()));

  app.post('/auth/login', (req) => login(ctx.db, { ...parseInput(loginInput, req.body), ip: req.ip, now: ctx.clock() }));
  app.post('/auth/logout', async (req) => {
    // Logging out twice, or with an unknown token, is not an error.
    const token = bearerToken(req);
    if (token) await logout(ctx.db, token, ctx.clock());
    return { ok: true as const };
  });
  app.get('/auth/me', (req) => requireUser(ctx, req));
}
