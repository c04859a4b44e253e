import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/contract/errors';
import { parseInput } from '../../shared/contract/procedure';
import { sha256Hex } from '../../shared/contract/common';
import { z } from 'zod';
import { blobs } from '../db/schema';
import { requireUser, type ServerContext } from './context';

const params = z.object({ sha256: sha256Hex });

/** Content-addressed documents: PUT before the mutation that references them; stored once. */
export async function blobRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  // Bodies of this plugin are streamed from the raw request, never buffered, whatever the type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));

  app.put<{ Params: { sha256: string } }>('/blobs/:sha256', async (req, reply) => {
    const user = await requireUser(ctx, req);
    const { sha256 } = parseInput(params, req.params);
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (declared > ctx.blobs.maxBytes) throw new AppError('FILE_TOO_LARGE', `Il file supera la dimensione massima di ${Math.round(ctx.blobs.maxBytes / 1048576)} MB.`);
    if (declared === 0) throw new AppError('FILE_EMPTY');
    const { size } = await ctx.blobs.put(sha256, req.raw);
    await ctx.db.insert(blobs).values({ sha256, size, createdAt: ctx.clock(), createdBy: user.id }).onConflictDoNothing();
    return reply.code(201).send({ sha256, size });
  });

  app.head<{ Params: { sha256: string } }>('/blobs/:sha256', async (req, reply) => {
    await requireUser(ctx, req);
    const { sha256 } = parseInput(params, req.params);
    const [row] = await ctx.db.select().from(blobs).where(eq(blobs.sha256, sha256));
    if (!row) return reply.code(404).send();
    return reply.header('content-length', String(row.size)).code(200).send();
  });

  app.get<{ Params: { sha256: string } }>('/blobs/:sha256', async (req, reply) => {
    await requireUser(ctx, req);
    const { sha256 } = parseInput(params, req.params);
    const [row] = await ctx.db.select().from(blobs).where(eq(blobs.sha256, sha256));
    if (!row) throw new AppError('NOT_FOUND', 'Documento non presente sul server del registro.');
    return reply.header('content-type', 'application/octet-stream').header('content-length', String(row.size)).send(ctx.blobs.read(sha256));
  });
}
