import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gte, isNull, or, sql } from 'drizzle-orm';
import { AppError } from '../../shared/contract/errors';
import type { LoginResult, SessionUser } from '../../shared/contract/auth';
import type { Db } from '../db/client';
import { devices, loginFailures, sessions, users } from '../db/schema';
import { decoyHash, verifyPassword } from './passwords';
import { toSessionUser } from '../modules/users/mappers';
import { issueRefreshToken } from './refresh';
import { verifyDevice } from '../devices/credentials';

/**
 * Sessions without a device (an unenrolled desk, scripts) keep the foundation's rule: 8 h idle,
 * 12 h absolute (Linee guida AgID: sessions expire).
 */
export const IDLE_MS = 8 * 3600_000;
export const ABSOLUTE_MS = 12 * 3600_000;
/** Access tokens of enrolled devices live 15 minutes; the refresh token renews them. */
export const ACCESS_TTL_MS = 15 * 60_000;
/** Brute-force guard: 5 failures per username, or 30 per address, within 15 minutes. */
const WINDOW_MS = 15 * 60_000;
const MAX_PER_USERNAME = 5;
const MAX_PER_IP = 30;
/** lastSeenAt is refreshed at most once a minute: one write per request would be waste. */
const TOUCH_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Who is calling: the user, and the device the token was issued to (if any). */
export interface Principal {
  user: SessionUser;
  deviceId: string | null;
  deviceRevoked: boolean;
}

export interface DeviceProof {
  deviceId?: string | undefined;
  deviceSecret?: string | undefined;
}

/** Opens an access token for a user (and device), with a refresh token of a new family. */
export async function openSession(db: Db, user: typeof users.$inferSelect, deviceId: string | null, now: Date, familyId?: string): Promise<LoginResult> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = deviceId ? new Date(now.getTime() + ACCESS_TTL_MS) : null;
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId: user.id, createdAt: now, lastSeenAt: now, deviceId, expiresAt });
  const refresh = await issueRefreshToken(db, { userId: user.id, deviceId, now, familyId });
  return {
    token,
    user: toSessionUser(user),
    expiresAt: (expiresAt ?? new Date(now.getTime() + IDLE_MS)).toISOString(),
    refreshToken: refresh.token,
    refreshExpiresAt: refresh.expiresAt.toISOString(),
    serverTime: now.toISOString(),
  };
}

/**
 * Checks username and password (and the device's credentials when given), refusing too many
 * recent failures first. `requireDevice` refuses logins from unenrolled machines.
 */
export async function login(
  db: Db,
  input: { username: string; password: string; ip: string; now: Date; device?: DeviceProof; requireDevice?: boolean },
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const since = new Date(input.now.getTime() - WINDOW_MS);
  const [counts] = await db
    .select({
      byUser: sql<number>`count(*) filter (where ${loginFailures.username} = ${username})`.mapWith(Number),
      byIp: sql<number>`count(*) filter (where ${loginFailures.ip} = ${input.ip})`.mapWith(Number),
    })
    .from(loginFailures)
    .where(and(gte(loginFailures.at, since), or(eq(loginFailures.username, username), eq(loginFailures.ip, input.ip))));
  if ((counts?.byUser ?? 0) >= MAX_PER_USERNAME || (counts?.byIp ?? 0) >= MAX_PER_IP) throw new AppError('RATE_LIMITED');

  const [user] = await db.select().from(users).where(eq(users.username, username));
  const ok = user ? await verifyPassword(input.password, user.passwordHash) : await verifyPassword(input.password, await decoyHash());
  if (!user || !ok || !user.active) {
    await db.insert(loginFailures).values({ username, ip: input.ip, at: input.now });
    throw new AppError('UNAUTHENTICATED', 'Nome utente o password non corretti, oppure utente disattivato.');
  }
  // Administrators may log in from any machine to enroll the first devices (a server set up
  // without a desk would otherwise lock everyone out); pushes still require a device.
  const isAdmin = user.roles.includes('amministratore');
  const deviceId = await checkDeviceProof(db, input.device, (input.requireDevice ?? false) && !isAdmin, input.now);
  return openSession(db, user, deviceId, input.now);
}

/** The device id a proof stands for; wrong secrets and missing proofs (when required) refused. */
export async function checkDeviceProof(db: Db, proof: DeviceProof | undefined, requireDevice: boolean, now: Date): Promise<string | null> {
  if (!proof?.deviceId || !proof.deviceSecret) {
    if (requireDevice) throw new AppError('FORBIDDEN', 'Questa postazione non è abilitata: chiedi all\u2019amministratore un codice di abilitazione.', { deviceNotEnrolled: true });
    return null;
  }
  const device = await verifyDevice(db, proof.deviceId, proof.deviceSecret);
  if (!device) throw new AppError('UNAUTHENTICATED', 'Credenziali della postazione non valide: abilita di nuovo la postazione.', { deviceNotEnrolled: true });
  await db.update(devices).set({ lastSeenAt: now }).where(eq(devices.id, device.id));
  return device.id;
}

/** The caller behind a bearer token, or UNAUTHENTICATED / SESSION_EXPIRED. */
export async function authenticatePrincipal(db: Db, token: string | undefined, now: Date): Promise<Principal> {
  if (!token) throw new AppError('UNAUTHENTICATED');
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ session: sessions, user: users, revokedAt: devices.revokedAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(devices, eq(devices.id, sessions.deviceId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
  if (!row) throw new AppError('UNAUTHENTICATED');
  const t = now.getTime();
  const { session } = row;
  const expired = session.expiresAt
    ? t >= session.expiresAt.getTime()
    : t - session.lastSeenAt.getTime() > IDLE_MS || t - session.createdAt.getTime() > ABSOLUTE_MS;
  if (expired) throw new AppError('SESSION_EXPIRED');
  if (!row.user.active) throw new AppError('UNAUTHENTICATED', 'Utente disattivato.');
  if (!session.expiresAt && t - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  return { user: toSessionUser(row.user), deviceId: session.deviceId, deviceRevoked: row.revokedAt !== null && row.revokedAt !== undefined };
}

/** The user behind a bearer token (any device state), or UNAUTHENTICATED / SESSION_EXPIRED. */
export async function authenticate(db: Db, token: string | undefined, now: Date): Promise<SessionUser> {
  return (await authenticatePrincipal(db, token, now)).user;
}

export async function logout(db: Db, token: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, hashToken(token)));
}
