import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gte, isNull, or, sql } from 'drizzle-orm';
import { AppError } from '../../shared/contract/errors';
import type { LoginResult, SessionUser } from '../../shared/contract/auth';
import type { Db } from '../db/client';
import { loginFailures, sessions, users } from '../db/schema';
import { decoyHash, verifyPassword } from './passwords';
import { toSessionUser } from '../modules/users/mappers';

/** Session lifetime (Linee guida AgID: sessions expire): 8 h idle, 12 h absolute. */
export const IDLE_MS = 8 * 3600_000;
export const ABSOLUTE_MS = 12 * 3600_000;
/** Brute-force guard: 5 failures per username, or 30 per address, within 15 minutes. */
const WINDOW_MS = 15 * 60_000;
const MAX_PER_USERNAME = 5;
const MAX_PER_IP = 30;
/** lastSeenAt is refreshed at most once a minute: one write per request would be waste. */
const TOUCH_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Checks username and password, refusing too many recent failures first. */
export async function login(db: Db, input: { username: string; password: string; ip: string; now: Date }): Promise<LoginResult> {
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
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId: user.id, createdAt: input.now, lastSeenAt: input.now });
  return { token, user: toSessionUser(user), expiresAt: new Date(input.now.getTime() + IDLE_MS).toISOString() };
}

/** The user behind a bearer token, or UNAUTHENTICATED / SESSION_EXPIRED. */
export async function authenticate(db: Db, token: string | undefined, now: Date): Promise<SessionUser> {
  if (!token) throw new AppError('UNAUTHENTICATED');
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
  if (!row) throw new AppError('UNAUTHENTICATED');
  const t = now.getTime();
  if (t - row.session.lastSeenAt.getTime() > IDLE_MS || t - row.session.createdAt.getTime() > ABSOLUTE_MS) {
    throw new AppError('SESSION_EXPIRED');
  }
  if (!row.user.active) throw new AppError('UNAUTHENTICATED', 'Utente disattivato.');
  if (t - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  return toSessionUser(row.user);
}

export async function logout(db: Db, token: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, hashToken(token)));
}
