import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/contract/errors';
import { parseInput } from '../../shared/contract/procedure';
import { noInput } from '../../shared/contract/common';
import { createEnrollmentInput, enrollInput, reviewListInput, reviewResolveInput, revokeDeviceInput } from '../../shared/contract/devices';
import type { SessionUser } from '../../shared/contract/auth';
import { isAllowed } from '../../shared/domain/permissions';
import { requireUser, type ServerContext } from '../http/context';
import { createEnrollment, enroll, listDevices, revokeDevice } from './service';
import { listReview, resolveReview } from './review';

async function admin(ctx: ServerContext, req: FastifyRequest, name: string): Promise<SessionUser> {
  const user = await requireUser(ctx, req);
  if (!isAllowed(name, user.roles)) throw new AppError('FORBIDDEN');
  return user;
}

/**
 * Device routes: the public enrollment with a one-time code, and the administrator's
 * procedures under `/api/devices.*` (static routes win over the generic `/api/:name`).
 */
export function deviceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/devices/enroll', (req) => enroll(ctx.db, parseInput(enrollInput, req.body).enrollmentCode, ctx.clock()));

  app.post('/api/devices.createEnrollment', async (req) => {
    const user = await admin(ctx, req, 'devices.createEnrollment');
    return createEnrollment(ctx.db, parseInput(createEnrollmentInput, req.body), user.id, ctx.clock());
  });
  app.post('/api/devices.list', async (req) => {
    await admin(ctx, req, 'devices.list');
    parseInput(noInput, req.body ?? {});
    return listDevices(ctx.db, ctx.clock());
  });
  app.post('/api/devices.revoke', async (req) => {
    const user = await admin(ctx, req, 'devices.revoke');
    return revokeDevice(ctx.db, parseInput(revokeDeviceInput, req.body).id, user.id, ctx.clock());
  });
  app.post('/api/devices.reviewList', async (req) => {
    await admin(ctx, req, 'devices.reviewList');
    return listReview(ctx.db, parseInput(reviewListInput, req.body ?? {}).includeResolved);
  });
  app.post('/api/devices.reviewResolve', async (req) => {
    const user = await admin(ctx, req, 'devices.reviewResolve');
    const input = parseInput(reviewResolveInput, req.body);
    return resolveReview(ctx.db, input.id, input.resolution, user.id, ctx.clock());
  });
}
