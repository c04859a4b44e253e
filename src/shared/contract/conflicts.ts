import { z } from 'zod';
import { defineDomain, procedure } from './procedure';
import { uuid } from './common';

/**
 * A conflict: the same field of a synced row changed on two desks from the same base version.
 * The server kept the value applied first (server order); the other one stays one click away.
 * Decided from row versions, never from wall clocks (ARCHITECTURE.md, "Conflicts").
 */
export interface Conflict {
  id: string;
  /** Synced table and key of the row, e.g. protocol_entries / <uuid>. */
  table: string;
  key: string;
  /** Field name as in the shared DTO (classificationCode, assignments, pec…). */
  field: string;
  keptValue: unknown;
  losingValue: unknown;
  keptBy: string | null;
  losingBy: string;
  keptMutationId: string | null;
  losingMutationId: string;
  /** Server time the conflict was recorded. */
  at: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolution: 'kept' | 'losing' | null;
  version: number;
}

export const conflictListInput = z.object({ includeResolved: z.boolean().default(false) });

export const conflictResolveInput = z
  .object({
    conflictId: uuid,
    /** 'kept' confirms the server's value; 'losing' applies the value that lost. */
    choose: z.enum(['kept', 'losing']),
  })
  .strict();
export type ConflictResolveInput = z.infer<typeof conflictResolveInput>;

export const conflictsContract = defineDomain('conflicts', {
  /** Conflicts this user may see (involved or responsabile), newest first. */
  'conflicts.list': procedure<typeof conflictListInput, Conflict[]>(conflictListInput),
  /** Keeps the server value or applies the losing one, in one click. */
  'conflicts.resolve': procedure<typeof conflictResolveInput, Conflict>(conflictResolveInput),
});
