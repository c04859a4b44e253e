import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../shared/contract/procedure';
import { z } from 'zod';
import { refreshInput, serverLoginInput } from '../../shared/contract/auth';
import { setupInitializeInput } from '../../shared/contract/setup';
import { mutationVersions, PROTOCOL_VERSION, type ServerHealth } from '../../shared/sync/protocol';
import { login, logout } from '../auth/sessions';
import { refresh, revokeRefreshToken } from '../auth/refresh';
import { deviceRoutes } from '../devices/routes';
import { enrollFirstDevice } from '../devices/service';
import { initialize, loadOrganisation, setupStatus } from '../modules/organisation/setup';
import { SCHEMA_VERSION } from '../db/version';
import { bearerToken, requireUser, type ServerContext } from './context';

const setupEnrollFlag = z.object({ enrollDevice: z.boolean().default(false) });
const logoutBody = z.object({ refreshToken: z.string().max(200).optional() });

/** Health, first-run setup, sessions and devices. */
export function systemRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // Set up once, set up for ever: after the first yes the probe every registration makes
  // (src/main/core/modules/protocol/service.ts) needs no query.
  let initialized = false;
  app.get('/health', async (): Promise<ServerHealth> => ({
    ok: true,
    initialized: initialized || (initialized = (await loadOrganisation(ctx.db)) !== null),
    serverTime: ctx.clock().toISOString(),
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
    mutationVersions,
  }));
  app.get('/setup', () => setupStatus(ctx.db));
  app.post('/setup', async (req) => {
    const status = await initialize(ctx.writer, parseInput(setupInitializeInput, req.body), ctx.clock());
    // The desk that initialises the AOO asks to be enrolled with it (issue 3: zero ceremony
    // for the one-desk office); the secret is returned this once only.
    if (!parseInput(setupEnrollFlag, req.body).enrollDevice) return status;
    return { ...status, device: await enrollFirstDevice(ctx.db, ctx.clock()) };
  });

  app.post('/auth/login', (req) => {
    const { deviceId, deviceSecret, ...input } = parseInput(serverLoginInput, req.body);
    return login(ctx.db, { ...input, device: { deviceId, deviceSecret }, requireDevice: ctx.requireDevice ?? false, ip: req.ip, now: ctx.clock() });
  });
  app.post('/auth/refresh', (req) => {
    const { refreshToken, deviceId, deviceSecret } = parseInput(refreshInput, req.body);
    return refresh(ctx.db, { refreshToken, device: { deviceId, deviceSecret }, now: ctx.clock() });
  });
  app.post('/auth/logout', async (req) => {
    // Logging out twice, or with an unknown token, is not an error.
    const token = bearerToken(req);
    if (token) await logout(ctx.db, token, ctx.clock());
    const refreshToken = parseInput(logoutBody, req.body ?? {}).refreshToken;
    if (refreshToken) await revokeRefreshToken(ctx.db, refreshToken, ctx.clock());
    return { ok: true as const };
  });
  deviceRoutes(app, ctx);
  app.get('/auth/me', (req) => requireUser(ctx, req));
}
