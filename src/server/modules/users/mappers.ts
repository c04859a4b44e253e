import type { SessionUser, UserSummary } from '../../../shared/contract/auth';
import { roles, type Role } from '../../../shared/domain/roles';
import type { users } from '../../db/schema';

type UserRow = typeof users.$inferSelect;

function toRoles(values: readonly string[]): Role[] {
  return roles.filter((r) => values.includes(r));
}

export function toSessionUser(u: UserRow): SessionUser {
  return { id: u.id, username: u.username, fullName: u.fullName, roles: toRoles(u.roles), officeId: u.officeId };
}

export function toUserSummary(u: UserRow): UserSummary {
  return { ...toSessionUser(u), active: u.active };
}
