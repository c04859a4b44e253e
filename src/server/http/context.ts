import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/contract/errors';
import type { SessionUser } from '../../shared/contract/auth';
import type { Db } from '../db/client';
import type { Writer } from '../db/write';
import type { BlobStore } from '../blobs/store';
import type { CursorHub } from '../sync/events';
import { authenticatePrincipal, type Principal } from '../auth/sessions';

/** What every route module needs from the server. */
export interface ServerContext {
  db: Db;
  writer: Writer;
  blobs: BlobStore;
  hub: CursorHub;
  clock: () => Date;
  /** Issue 3 (devices): refuse logins and pushes from unenrolled machines (default false). */
  requireDevice?: boolean;
}

export function bearerToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
}

/** The caller with its device, whatever the device's state (the push route needs that). */
export function requirePrincipal(ctx: ServerContext, req: FastifyRequest): Promise<Principal> {
  return authenticatePrincipal(ctx.db, bearerToken(req), ctx.clock());
}

export function revokedDeviceError(): AppError {
  return new AppError(
    'FORBIDDEN',
    'Questa postazione è stata revocata dall\u2019amministratore: le modifiche inviate non sono state applicate e attendono la sua verifica.',
    { deviceRevoked: true },
  );
}

/** The logged-in caller, or UNAUTHENTICATED / SESSION_EXPIRED; a revoked device gets FORBIDDEN. */
export async function requireUser(ctx: ServerContext, req: FastifyRequest): Promise<SessionUser> {
  const principal = await requirePrincipal(ctx, req);
  if (principal.deviceRevoked) throw revokedDeviceError();
  return principal.user;
}
