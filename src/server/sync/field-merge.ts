import { and, eq, inArray } from 'drizzle-orm';
import type { Conflict } from '../../shared/contract/conflicts';
import { uuidv7 } from '../../shared/domain/ids';
import type { SyncedTable } from '../../shared/sync/protocol';
import { changeLog, conflicts, fieldVersions, mutationResults } from '../db/schema';
import type { MutationCtx } from './mutation-handler';

/**
 * Three-way merge of an update against the row version the desk based it on (ARCHITECTURE.md,
 * "Conflicts are decided by the server from row versions, never by wall clocks"):
 * - a field the desk sent unchanged from its base is not a change and is left alone;
 * - a field nobody changed since the base is applied (disjoint fields merge);
 * - a field changed since the base by someone else AND to a different value by this desk keeps
 *   the server's value (first applied wins, in server order) and records a conflict.
 */
export interface FieldProposal {
  field: string;
  /** Value the row has now on the server. */
  current: unknown;
  /** Value this mutation wants. */
  next: unknown;
}

type Comparable = (v: unknown) => string;
const plain: Comparable = (v) => JSON.stringify(v ?? null);

export interface MergeOutcome {
  /** Fields to write. */
  apply: Set<string>;
  conflicts: Conflict[];
}

/** The row as the desk saw it: the change-log snapshot of that version, if still there. */
async function baseSnapshot(ctx: MutationCtx, table: SyncedTable, key: string, version: number): Promise<Record<string, unknown> | null> {
  const [row] = await ctx.tx
    .select({ row: changeLog.row })
    .from(changeLog)
    .where(and(eq(changeLog.tableName, table), eq(changeLog.rowKey, key), eq(changeLog.version, version)))
    .limit(1);
  return (row?.row as Record<string, unknown> | null | undefined) ?? null;
}

/** Decides field by field; records the conflicts in the transaction and the change set. */
export async function mergeFields(
  ctx: MutationCtx,
  table: SyncedTable,
  key: string,
  proposals: FieldProposal[],
  compare: Partial<Record<string, Comparable>> = {},
): Promise<MergeOutcome> {
  const eqv = (field: string, a: unknown, b: unknown) => (compare[field] ?? plain)(a) === (compare[field] ?? plain)(b);
  const changed = proposals.filter((p) => !eqv(p.field, p.current, p.next));
  const out: MergeOutcome = { apply: new Set(), conflicts: [] };
  if (changed.length === 0) return out;
  const base = ctx.baseVersions?.[`${table}:${key}`];
  if (base === undefined) {
    for (const p of changed) out.apply.add(p.field);
    return out;
  }
  const [snapshot, versions] = await Promise.all([
    baseSnapshot(ctx, table, key, base),
    ctx.tx
      .select()
      .from(fieldVersions)
      .where(and(eq(fieldVersions.tableName, table), eq(fieldVersions.rowKey, key), inArray(fieldVersions.field, changed.map((p) => p.field)))),
  ]);
  const byField = new Map(versions.map((v) => [v.field, v]));
  for (const p of changed) {
    const fv = byField.get(p.field);
    // A field absent from the snapshot was unset (undefined is not serialised): it reads as null.
    const baseValue = snapshot ? (snapshot[p.field] ?? null) : undefined;
    if (snapshot && eqv(p.field, baseValue, p.next)) continue; // not changed by this desk
    const changedSinceBase = snapshot ? !eqv(p.field, baseValue, p.current) : (fv?.version ?? 0) > base;
    // Two edits made in a row on one desk before it pulled are both based on the same version:
    // the later one follows the earlier, it does not compete with it.
    if (!changedSinceBase || (await changedByThisDesk(ctx, fv))) {
      out.apply.add(p.field);
      continue;
    }
    out.conflicts.push(await recordConflict(ctx, table, key, p, fv ?? null));
  }
  return out;
}

async function changedByThisDesk(ctx: MutationCtx, fv: typeof fieldVersions.$inferSelect | undefined): Promise<boolean> {
  if (!fv?.mutationId || !ctx.clientId) return false;
  const [r] = await ctx.tx.select({ clientId: mutationResults.clientId }).from(mutationResults).where(eq(mutationResults.mutationId, fv.mutationId)).limit(1);
  return r?.clientId === ctx.clientId;
}

async function recordConflict(
  ctx: MutationCtx,
  table: SyncedTable,
  key: string,
  p: FieldProposal,
  fv: typeof fieldVersions.$inferSelect | null,
): Promise<Conflict> {
  const [row] = await ctx.tx
    .insert(conflicts)
    .values({
      id: uuidv7(ctx.now.getTime()),
      tableName: table,
      rowKey: key,
      field: p.field,
      keptValue: p.current ?? null,
      losingValue: p.next ?? null,
      keptBy: fv?.userId ?? null,
      losingBy: ctx.user.id,
      keptMutationId: fv?.mutationId ?? null,
      losingMutationId: ctx.mutationId ?? 'server',
      at: ctx.now,
    })
    .returning();
  const dto = toConflict(row!);
  ctx.changes.add('conflicts', dto.id, dto, dto.version);
  return dto;
}

/** Remembers who changed which fields at which row version (attribution of later conflicts). */
export async function recordFieldVersions(ctx: MutationCtx, table: SyncedTable, key: string, fields: Iterable<string>, version: number): Promise<void> {
  const values = [...fields].map((field) => ({ tableName: table, rowKey: key, field, version, userId: ctx.user.id, mutationId: ctx.mutationId ?? null }));
  if (values.length === 0) return;
  for (const v of values) {
    await ctx.tx
      .insert(fieldVersions)
      .values(v)
      .onConflictDoUpdate({ target: [fieldVersions.tableName, fieldVersions.rowKey, fieldVersions.field], set: { version: v.version, userId: v.userId, mutationId: v.mutationId } });
  }
}

export function toConflict(r: typeof conflicts.$inferSelect): Conflict {
  return {
    id: r.id,
    table: r.tableName,
    key: r.rowKey,
    field: r.field,
    keptValue: r.keptValue ?? null,
    losingValue: r.losingValue ?? null,
    keptBy: r.keptBy,
    losingBy: r.losingBy,
    keptMutationId: r.keptMutationId,
    losingMutationId: r.losingMutationId,
    at: r.at.toISOString(),
    resolvedBy: r.resolvedBy,
    resolvedAt: r.resolvedAt ? r.resolvedAt.toISOString() : null,
    resolution: r.resolution === 'kept' || r.resolution === 'losing' ? r.resolution : null,
    version: r.version,
  };
}
