import type { FastifyInstance } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/contract/errors';
import { parseInput } from '../../shared/contract/procedure';
import { sha256Hex } from '../../shared/contract/common';
import type { SessionUser } from '../../shared/contract/auth';
import { canSeeEntry, type ScopedEntry } from '../../shared/domain/scopes';
import { z } from 'zod';
import { blobs, protocolEntries } from '../db/schema';
import { requireUser, type ServerContext } from './context';

const params = z.object({ sha256: sha256Hex });

/** `Content-Range: bytes <start>-<end>/<total>` of a resumable upload part. */
function contentRange(header: string | undefined): { start: number; total: number } | null {
  if (!header) return null;
  const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header.trim());
  if (!m) throw new AppError('VALIDATION', 'Intestazione Content-Range non valida.');
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (end < start || end >= total) throw new AppError('VALIDATION', 'Intestazione Content-Range non valida.');
  return { start, total };
}

/**
 * A document may be read by who uploaded it or by whoever may see an entry that references it
 * (docs/decisions/0003-scopes.md): a reserved entry's documents follow the entry.
 */
async function mayRead(ctx: ServerContext, user: SessionUser, sha256: string, createdBy: string | null): Promise<boolean> {
  if (createdBy === user.id) return true;
  const refs = await ctx.db
    .select({ riservato: protocolEntries.riservato, registeredBy: protocolEntries.registeredBy, assignments: protocolEntries.assignments })
    .from(protocolEntries)
    .where(and(sql`${protocolEntries.documents} @> ${JSON.stringify([{ sha256 }])}::jsonb`))
    .limit(50);
  // A document no entry references yet (uploaded before its registration) stays with its author.
  return refs.some((e) => canSeeEntry(user, { riservato: e.riservato, registeredBy: e.registeredBy, assignments: e.assignments as ScopedEntry['assignments'] }));
}

/** Content-addressed documents: PUT (resumable) before the mutation that references them; stored once. */
export async function blobRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  // Bodies of this plugin are streamed from the raw request, never buffered, whatever the type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));

  app.put<{ Params: { sha256: string } }>('/blobs/:sha256', async (req, reply) => {
    const user = await requireUser(ctx, req);
    const { sha256 } = parseInput(params, req.params);
    const range = contentRange(req.headers['content-range']);
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if ((range?.total ?? declared) > ctx.blobs.maxBytes) throw new AppError('FILE_TOO_LARGE', `Il file supera la dimensione massima di ${Math.round(ctx.blobs.maxBytes / 1048576)} MB.`);
    if (!range && declared === 0) throw new AppError('FILE_EMPTY');
    let size: number;
    if (range) {
      const part = await ctx.blobs.putRange(sha256, range.start, range.total, req.raw);
      if (!part.complete) return reply.code(202).header('upload-offset', String(part.received)).send({ sha256, received: part.received });
      size = range.total;
    } else {
      size = (await ctx.blobs.put(sha256, req.raw)).size;
    }
    await ctx.db.insert(blobs).values({ sha256, size, createdAt: ctx.clock(), createdBy: user.id }).onConflictDoNothing();
    return reply.code(201).send({ sha256, size });
  });

  // 200 with the size when the server has the document; 404 with `upload-offset` (bytes of an
  // interrupted upload already received) otherwise.
  app.head<{ Params: { sha256: string } }>('/blobs/:sha256', async (req, reply) => {
    await requireUser(ctx, req);
    const { sha256 } = parseInput(params, req.params);
    const [row] = await ctx.db.select().from(blobs).where(eq(blobs.sha256, sha256));
    if (!row) return reply.code(404).header('upload-offset', String(await ctx.blobs.received(sha256))).send();
    return reply.header('content-length', String(row.size)).code(200).send();
  });

  app.get<{ Params: { sha256: string } }>('/blobs/:sha256', async (req, reply) => {
    const user = await requireUser(ctx, req);
    const { sha256 } = parseInput(params, req.params);
    const [row] = await ctx.db.select().from(blobs).where(eq(blobs.sha256, sha256));
    if (!row || !(await mayRead(ctx, user, sha256, row.createdBy))) throw new AppError('NOT_FOUND', 'Documento non presente sul server del registro.');
    return reply.header('content-type', 'application/octet-stream').header('content-length', String(row.size)).send(ctx.blobs.read(sha256));
  });
}
