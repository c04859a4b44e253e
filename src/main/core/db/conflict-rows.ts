import type { Conflict } from '../../../shared/contract';
import type * as t from './schema';

/** Mapping of the synced `conflicts` rows between the shared DTO and the local columns. */
export function conflictToRow(c: Conflict): typeof t.conflicts.$inferInsert {
  return {
    id: c.id,
    tableName: c.table,
    rowKey: c.key,
    field: c.field,
    keptValue: JSON.stringify(c.keptValue ?? null),
    losingValue: JSON.stringify(c.losingValue ?? null),
    keptBy: c.keptBy,
    losingBy: c.losingBy,
    keptMutationId: c.keptMutationId,
    losingMutationId: c.losingMutationId,
    at: c.at,
    resolvedBy: c.resolvedBy,
    resolvedAt: c.resolvedAt,
    resolution: c.resolution,
    version: c.version,
  };
}

export function conflictFromRow(r: typeof t.conflicts.$inferSelect): Conflict {
  return {
    id: r.id,
    table: r.tableName,
    key: r.rowKey,
    field: r.field,
    keptValue: r.keptValue === null ? null : (JSON.parse(r.keptValue) as unknown),
    losingValue: r.losingValue === null ? null : (JSON.parse(r.losingValue) as unknown),
    keptBy: r.keptBy,
    losingBy: r.losingBy,
    keptMutationId: r.keptMutationId,
    losingMutationId: r.losingMutationId,
    at: r.at,
    resolvedBy: r.resolvedBy,
    resolvedAt: r.resolvedAt,
    resolution: r.resolution === 'kept' || r.resolution === 'losing' ? r.resolution : null,
    version: r.version,
  };
}
