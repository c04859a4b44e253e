import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { SessionUser } from '../../shared/contract/auth';
import { canSeeConflict, canSeeEntry, carriesRegister, scopeKeyOf, type ScopedEntry, type ScopeUser } from '../../shared/domain/scopes';
import type { Role } from '../../shared/domain/roles';
import type { Change } from '../../shared/sync/protocol';
import type { Db } from '../db/client';
import { protocolEntries, syncClientUsers, users } from '../db/schema';
import { agendaPrivateDetailsPermission, isAllowed } from '../../shared/domain/permissions';
import { agendaChangeFor } from '../modules/agenda/redaction';

/**
 * What a desk receives in pull (docs/decisions/0003-scopes.md): the union of the scopes of the
 * users who work on it, computed from their CURRENT roles and offices.
 */
export interface PullScope {
  users: ScopeUser[];
  key: string;
}

/** Remembers that `user` works on desk `clientId` and returns the desk's scope. */
export async function loadPullScope(db: Db, user: SessionUser, clientId: string | undefined, now: Date): Promise<PullScope> {
  let ids = [user.id];
  if (clientId) {
    await db.insert(syncClientUsers).values({ clientId, userId: user.id, firstSeenAt: now }).onConflictDoNothing();
    const rows = await db.select({ userId: syncClientUsers.userId }).from(syncClientUsers).where(eq(syncClientUsers.clientId, clientId));
    ids = rows.map((r) => r.userId);
  }
  const found = await db
    .select({ id: users.id, roles: users.roles, officeId: users.officeId })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  const scopeUsers: ScopeUser[] = found.map((u) => ({ id: u.id, roles: u.roles as Role[], officeId: u.officeId }));
  return { users: scopeUsers, key: createHash('sha256').update(scopeKeyOf(scopeUsers)).digest('hex').slice(0, 32) };
}

const anyone = (scope: PullScope, pred: (u: ScopeUser) => boolean) => scope.users.some(pred);

function entryOf(row: Record<string, unknown>): ScopedEntry {
  return {
    riservato: row.riservato === true,
    registeredBy: String(row.registeredBy ?? ''),
    assignments: Array.isArray(row.assignments) ? (row.assignments as ScopedEntry['assignments']) : [],
  };
}

/**
 * Filters a page for a scope. A protocol entry outside the scope travels as a per-desk
 * tombstone (row null): an entry that a desk held before (assignment removed) leaves it. History
 * follows the entry's current visibility; conflicts reach the users involved.
 */
export async function filterChanges(db: Db, scope: PullScope, changes: Change[]): Promise<Change[]> {
  const register = anyone(scope, carriesRegister);
  // Issue 5: private engagements arrive redacted on a desk where nobody may read them.
  const privateAgenda = anyone(scope, (u) => isAllowed(agendaPrivateDetailsPermission, u.roles));
  const historyEntryIds = [
    ...new Set(changes.filter((c) => c.table === 'protocol_history' && c.row).map((c) => String(c.row!.entryId))),
  ];
  const hidden = new Set<string>();
  if (register && historyEntryIds.length > 0) {
    const reserved = await db
      .select({ id: protocolEntries.id, riservato: protocolEntries.riservato, registeredBy: protocolEntries.registeredBy, assignments: protocolEntries.assignments })
      .from(protocolEntries)
      .where(and(inArray(protocolEntries.id, historyEntryIds), eq(protocolEntries.riservato, true)));
    for (const e of reserved) if (!anyone(scope, (u) => canSeeEntry(u, entryOf(e)))) hidden.add(e.id);
  }
  const out: Change[] = [];
  for (const c of changes) {
    switch (c.table) {
      case 'protocol_entries':
        if (!register) break;
        if (c.row && !anyone(scope, (u) => canSeeEntry(u, entryOf(c.row!)))) out.push({ ...c, row: null });
        else out.push(c);
        break;
      case 'protocol_history':
        if (register && !(c.row && hidden.has(String(c.row.entryId)))) out.push(c);
        break;
      case 'conflicts': {
        const r = c.row;
        const involved = r ? { keptBy: (r.keptBy as string | null) ?? null, losingBy: (r.losingBy as string | null) ?? null } : null;
        if (involved && anyone(scope, (u) => canSeeConflict(u, involved))) out.push(c);
        break;
      }
      case 'agenda_events':
        out.push(agendaChangeFor(c, privateAgenda));
        break;
      // Cases (issue 4: cases, case_events, case_types, case_settings, signature_items,
      // config_audit) reach every desk: the secretariat, the front desk and the ceremonial office
      // all work them, and a case moves between offices and owners. Follow-up (GDPR art. 5 c.1
      // lett. c, minimisation): keep a case off desks whose users neither hold nor may be assigned it.
      default:
        out.push(c);
    }
  }
  return out;
}
