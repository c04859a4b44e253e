import type { FastifyRequest } from 'fastify';
import type { SessionUser } from '../../shared/contract/auth';
import type { Db } from '../db/client';
import type { Writer } from '../db/write';
import type { BlobStore } from '../blobs/store';
import type { CursorHub } from '../sync/events';
import { authenticate } from '../auth/sessions';

/** What every route module needs from the server. */
export interface ServerContext {
  db: Db;
  writer: Writer;
  blobs: BlobStore;
  hub: CursorHub;
  clock: () => Date;
}

export function bearerToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
}

/** The logged-in caller, or UNAUTHENTICATED / SESSION_EXPIRED. */
export function requireUser(ctx: ServerContext, req: FastifyRequest): Promise<SessionUser> {
  return authenticate(ctx.db, bearerToken(req), ctx.clock());
}
