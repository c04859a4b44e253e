import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../../shared/contract/errors';
import type { UserSummary } from '../../../shared/contract/auth';
import type { userCreateInput, userUpdateInput } from '../../../shared/contract/auth';
import type { z } from 'zod';
import { uuidv7 } from '../../../shared/domain/ids';
import type { ChangeSet } from '../../db/change-set';
import type { Db } from '../../db/client';
import { offices, sessions, users } from '../../db/schema';
import { hashPassword } from '../../auth/passwords';
import { toUserSummary } from './mappers';

export async function listUsers(db: Db): Promise<UserSummary[]> {
  const rows = await db.select().from(users).orderBy(asc(users.username));
  return rows.map(toUserSummary);
}

async function checkOffice(tx: Db, officeId: string | null | undefined): Promise<void> {
  if (!officeId) return;
  const [o] = await tx.select({ id: offices.id }).from(offices).where(eq(offices.id, officeId));
  if (!o) throw new AppError('VALIDATION', 'Ufficio inesistente.');
}

/** Creates a user with a scrypt hash of the password; usernames are unique. */
export async function createUser(
  tx: Db,
  changes: ChangeSet,
  input: z.output<typeof userCreateInput>,
  now: Date,
  hashed?: string,
): Promise<UserSummary> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (existing) throw new AppError('CONFLICT', `Il nome utente «${input.username}» è già in uso.`);
  await checkOffice(tx, input.officeId);
  const [row] = await tx
    .insert(users)
    .values({
      id: uuidv7(now.getTime()),
      username: input.username,
      fullName: input.fullName,
      passwordHash: hashed ?? (await hashPassword(input.password)),
      roles: [...new Set(input.roles)],
      officeId: input.officeId,
      active: true,
      createdAt: now,
    })
    .returning();
  const summary = toUserSummary(row!);
  changes.add('users', summary.id, summary, row!.version);
  return summary;
}

/** Changes profile, office, state or password; deactivation and a new password close sessions. */
export async function updateUser(tx: Db, changes: ChangeSet, input: z.output<typeof userUpdateInput>, now: Date, hashed?: string): Promise<UserSummary> {
  const [current] = await tx.select().from(users).where(eq(users.id, input.id)).for('update');
  if (!current) throw new AppError('NOT_FOUND', 'Utente non trovato.');
  await checkOffice(tx, input.officeId);
  const [row] = await tx
    .update(users)
    .set({
      fullName: input.fullName ?? current.fullName,
      roles: input.roles ? [...new Set(input.roles)] : current.roles,
      officeId: input.officeId === undefined ? current.officeId : input.officeId,
      active: input.active ?? current.active,
      passwordHash: hashed ?? current.passwordHash,
      version: current.version + 1,
    })
    .where(eq(users.id, input.id))
    .returning();
  if (input.active === false || hashed) {
    await tx.update(sessions).set({ revokedAt: now }).where(eq(sessions.userId, input.id));
  }
  const summary = toUserSummary(row!);
  changes.add('users', summary.id, summary, row!.version);
  return summary;
}
