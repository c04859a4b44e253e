import { and, count, eq, gte } from 'drizzle-orm';
import { AppError, type SessionUser } from '../../../shared/contract';
import type { Db } from '../db/open';
import { offlineCredentials, offlineLoginFailures } from '../db/schema';
import { checkVerifier, makeVerifier } from './verifier';

/** Offline logins are allowed for this many days after the last online one (configurable). */
export const DEFAULT_OFFLINE_LOGIN_DAYS = 14;
/** Same guard as the server's: 5 failures per username within 15 minutes. */
const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 5;
const DAY_MS = 24 * 3600_000;

const normalise = (username: string) => username.trim().toLowerCase();

/** After a successful online login on an enrolled desk: cache the verifier and refresh token. */
export async function cacheOnlineLogin(
  db: Db,
  input: { username: string; password: string; user: SessionUser; refreshToken?: string | undefined; refreshExpiresAt?: string | undefined; now: Date },
): Promise<void> {
  const values = {
    userId: input.user.id,
    user: JSON.stringify(input.user),
    verifier: await makeVerifier(input.password),
    cachedAt: input.now.toISOString(),
    refreshToken: input.refreshToken ?? null,
    refreshExpiresAt: input.refreshExpiresAt ?? null,
  };
  db.insert(offlineCredentials)
    .values({ username: normalise(input.username), ...values })
    .onConflictDoUpdate({ target: offlineCredentials.username, set: values })
    .run();
  db.delete(offlineLoginFailures).where(eq(offlineLoginFailures.username, normalise(input.username))).run();
}

/**
 * Checks a password against the cached verifier while the server is unreachable. Refused:
 * too many recent failures (RATE_LIMITED), a wrong password, no online login on this desk, or
 * an online login older than `days`.
 */
export async function verifyOfflineLogin(db: Db, input: { username: string; password: string; now: Date; days: number }): Promise<SessionUser> {
  const username = normalise(input.username);
  const since = new Date(input.now.getTime() - WINDOW_MS).toISOString();
  const [failures] = db
    .select({ n: count() })
    .from(offlineLoginFailures)
    .where(and(eq(offlineLoginFailures.username, username), gte(offlineLoginFailures.at, since)))
    .all();
  if ((failures?.n ?? 0) >= MAX_FAILURES) throw new AppError('RATE_LIMITED');

  const row = db.select().from(offlineCredentials).where(eq(offlineCredentials.username, username)).get();
  if (!row) {
    throw new AppError('OFFLINE', 'Il server del registro non è raggiungibile e su questa postazione non c\u2019è un tuo accesso recente: l\u2019accesso offline non è possibile.');
  }
  if (!(await checkVerifier(input.password, row.verifier))) {
    db.insert(offlineLoginFailures).values({ username, at: input.now.toISOString() }).run();
    throw new AppError('UNAUTHENTICATED', 'Nome utente o password non corretti.');
  }
  if (input.now.getTime() - Date.parse(row.cachedAt) > input.days * DAY_MS) {
    throw new AppError(
      'OFFLINE',
      `Il server del registro non è raggiungibile e l\u2019ultimo accesso online su questa postazione risale a più di ${input.days} giorni fa: l\u2019accesso offline non è più consentito.`,
    );
  }
  return JSON.parse(row.user) as SessionUser;
}

/** The persisted refresh token of a user, to re-authenticate after an offline login or a restart. */
export function storedRefreshToken(db: Db, userId: string, now: Date): string | undefined {
  const row = db.select().from(offlineCredentials).where(eq(offlineCredentials.userId, userId)).get();
  if (!row?.refreshToken || (row.refreshExpiresAt && Date.parse(row.refreshExpiresAt) <= now.getTime())) return undefined;
  return row.refreshToken;
}

/** Keeps the persisted refresh token in step with rotation; null forgets it (logout, refusal). */
export function storeRefreshToken(db: Db, userId: string, token: string | null, expiresAt: string | null): void {
  db.update(offlineCredentials).set({ refreshToken: token, refreshExpiresAt: expiresAt }).where(eq(offlineCredentials.userId, userId)).run();
}
