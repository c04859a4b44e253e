import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../shared/contract/errors';
import type { LoginResult } from '../../shared/contract/auth';
import type { Db } from '../db/client';
import { refreshTokens, users } from '../db/schema';
import { checkDeviceProof, hashToken, openSession, type DeviceProof } from './sessions';

/** Refresh tokens live 30 days and are rotated on every use (RFC 6819 §5.2.2.3). */
export const REFRESH_TTL_MS = 30 * 24 * 3600_000;

export async function issueRefreshToken(
  db: Db,
  opts: { userId: string; deviceId: string | null; now: Date; familyId?: string | undefined },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(opts.now.getTime() + REFRESH_TTL_MS);
  await db.insert(refreshTokens).values({
    tokenHash: hashToken(token),
    familyId: opts.familyId ?? randomUUID(),
    userId: opts.userId,
    deviceId: opts.deviceId,
    createdAt: opts.now,
    expiresAt,
  });
  return { token, expiresAt };
}

const refused = () => new AppError('SESSION_EXPIRED', 'La sessione è scaduta: effettua di nuovo il login.', { refreshRefused: true });

/**
 * Exchanges a refresh token for a new access token and a new refresh token of the same family.
 * A token already used means a copy exists elsewhere: the whole family is revoked (RFC 6819
 * §5.2.2.3). The token is bound to its user and device: another device's proof is refused.
 */
export async function refresh(db: Db, input: { refreshToken: string; device?: DeviceProof; now: Date }): Promise<LoginResult> {
  const tokenHash = hashToken(input.refreshToken);
  const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
  if (!row || row.revokedAt) throw refused();
  if (row.usedAt) {
    await revokeFamily(db, row.familyId, input.now);
    throw refused();
  }
  if (input.now.getTime() >= row.expiresAt.getTime()) throw refused();
  const deviceId = await checkDeviceProof(db, input.device, false, input.now);
  if (deviceId !== row.deviceId) throw new AppError('FORBIDDEN', 'Il rinnovo della sessione non appartiene a questa postazione.');
  // Marking it used is conditional: of two concurrent refreshes with one token only one wins.
  const used = await db
    .update(refreshTokens)
    .set({ usedAt: input.now })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.usedAt), isNull(refreshTokens.revokedAt)))
    .returning({ familyId: refreshTokens.familyId });
  if (used.length === 0) {
    await revokeFamily(db, row.familyId, input.now);
    throw refused();
  }
  const [user] = await db.select().from(users).where(eq(users.id, row.userId));
  if (!user || !user.active) throw new AppError('UNAUTHENTICATED', 'Utente disattivato.');
  return openSession(db, user, row.deviceId, input.now, row.familyId);
}

export async function revokeFamily(db: Db, familyId: string, now: Date): Promise<void> {
  await db.update(refreshTokens).set({ revokedAt: now }).where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

/** Logout: the refresh token's family ends with the session. Unknown tokens are ignored. */
export async function revokeRefreshToken(db: Db, refreshToken: string, now: Date): Promise<void> {
  const [row] = await db.select({ familyId: refreshTokens.familyId }).from(refreshTokens).where(eq(refreshTokens.tokenHash, hashToken(refreshToken)));
  if (row) await revokeFamily(db, row.familyId, now);
}
