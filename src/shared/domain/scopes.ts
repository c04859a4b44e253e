import type { Role } from './roles';

/**
 * Who may hold which rows of the register (docs/decisions/0003-scopes.md). Pure rules shared by
 * the register server (what a desk receives in pull) and the desk (what a session may read).
 */

/** The parts of a user that decide their scope. */
export interface ScopeUser {
  id: string;
  roles: readonly Role[];
  officeId: string | null;
}

/** The fields of a protocol entry that decide who may see it. */
export interface ScopedEntry {
  riservato: boolean;
  registeredBy: string;
  assignments: ReadonlyArray<{ assigneeType: 'ufficio' | 'utente'; assigneeId: string }>;
}

/** Tables whose rows depend on the user; every other synced table reaches every desk. */
export const scopedTables = ['protocol_entries', 'protocol_history', 'conflicts'] as const;

/**
 * The ceremonial office works on the agenda and the address book: a laptop used only by it does
 * not carry the protocol register (ARCHITECTURE.md, "Scopes"; minimisation, GDPR art. 5.1.c).
 */
export function carriesRegister(user: ScopeUser): boolean {
  return user.roles.some((r) => r !== 'cerimoniale');
}

/**
 * A reserved entry ("riservato", DPR 445/2000 art. 53 c. 5 and Linee guida AgID on restricted
 * access) is visible to the responsabile del protocollo, to the clerk who registered it and to
 * the users and offices it is assigned to; any other entry to everyone who carries the register.
 */
export function canSeeEntry(user: ScopeUser, e: ScopedEntry): boolean {
  if (!carriesRegister(user)) return false;
  if (!e.riservato) return true;
  if (user.roles.includes('responsabile') || e.registeredBy === user.id) return true;
  return e.assignments.some((a) => (a.assigneeType === 'utente' ? a.assigneeId === user.id : user.officeId !== null && a.assigneeId === user.officeId));
}

/** A conflict is shown to the two users involved and to the responsabile. */
export function canSeeConflict(user: ScopeUser, c: { keptBy: string | null; losingBy: string | null }): boolean {
  return user.id === c.keptBy || user.id === c.losingBy || user.roles.includes('responsabile');
}

/**
 * A stable text naming everything that decides the scope of a set of users: when it changes the
 * desk pulls again from position 0 and drops the rows it no longer may hold.
 */
export function scopeKeyOf(users: readonly ScopeUser[]): string {
  const parts = users
    .map((u) => `${u.id}:${[...u.roles].sort().join('+')}:${u.officeId ?? '-'}`)
    .sort();
  return `s1|${parts.join('|')}`;
}
