import { carriesRegister, type ScopeUser } from '../../../shared/domain/scopes';

/**
 * The desk-side reading filter (docs/decisions/0003-scopes.md): a shared desk holds the union of
 * its users' scopes, so every read of the register is also filtered by the session user, with
 * the same rule as `canSeeEntry`. SQL over the alias `e` of protocol_entries.
 */
export function visibleEntrySql(viewer: ScopeUser): { sql: string; params: unknown[] } {
  if (!carriesRegister(viewer)) return { sql: '0', params: [] };
  if (viewer.roles.includes('responsabile')) return { sql: '1', params: [] };
  return {
    sql: `(e.riservato = 0 OR e.registered_by = ? OR EXISTS (SELECT 1 FROM json_each(e.assignments) a WHERE
      (json_extract(a.value, '$.assigneeType') = 'utente' AND json_extract(a.value, '$.assigneeId') = ?)
      OR (json_extract(a.value, '$.assigneeType') = 'ufficio' AND json_extract(a.value, '$.assigneeId') = ?)))`,
    params: [viewer.id, viewer.id, viewer.officeId ?? ''],
  };
}
