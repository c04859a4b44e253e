import { randomBytes } from 'node:crypto';
import { AppError, type LoginResult, type SessionUser } from '../../shared/contract';
import type { Db } from './db/open';
import { deviceProof } from './device/identity';
import { storedRefreshToken, storeRefreshToken } from './device/offline-login';
import type { CredentialResolver, ServerClient } from './sync/server-client';

/**
 * Desk sessions (issue 3). The page holds a desk token; the register server's short-lived access
 * token and its refresh token stay inside the desk, per user. An expired access token never ends
 * the desk session: the desk refreshes it when it next talks to the server, so local work goes
 * on offline and pushes resume on reconnection.
 */
const IDLE_MS = 8 * 3600_000;
const ABSOLUTE_MS = 12 * 3600_000;
/** Refresh a little before the server's expiry, not after a refused request. */
const EARLY_MS = 30_000;

interface DeskSession {
  user: SessionUser;
  createdAt: number;
  lastSeenAt: number;
  offline: boolean;
}

interface ServerCredentials {
  accessToken: string;
  /** Local clock time at which the access token ends (lifetime measured on the server's clock). */
  accessEndsAt: number;
  refreshToken: string | undefined;
}

export class SessionStore implements CredentialResolver {
  private readonly byToken = new Map<string, DeskSession>();
  private readonly credentials = new Map<string, ServerCredentials>();
  private readonly refreshing = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly clock: () => Date,
    private readonly d: { db?: Db; client?: ServerClient } = {},
  ) {
    d.client?.useCredentials(this);
  }

  /** Opens a desk session after an online login; returns what the page may see. */
  openOnline(login: LoginResult): LoginResult {
    this.keepCredentials(login.user.id, login);
    return this.open(login.user, false);
  }

  /** Opens a desk session checked against the cached verifier (server unreachable). */
  openOffline(user: SessionUser): LoginResult {
    return this.open(user, true);
  }

  private open(user: SessionUser, offline: boolean): LoginResult {
    const now = this.clock().getTime();
    const token = randomBytes(32).toString('base64url');
    this.byToken.set(token, { user, createdAt: now, lastSeenAt: now, offline });
    return { token, user, expiresAt: new Date(now + ABSOLUTE_MS).toISOString(), ...(offline ? { offline: true } : {}) };
  }

  /** The caller's user, or UNAUTHENTICATED / SESSION_EXPIRED (desk rule: 8 h idle, 12 h in all). */
  require(token: string | undefined): SessionUser {
    if (!token) throw new AppError('UNAUTHENTICATED');
    const s = this.byToken.get(token);
    if (!s) throw new AppError('UNAUTHENTICATED');
    const now = this.clock().getTime();
    if (!this.live(s, now)) {
      this.remove(token);
      throw new AppError('SESSION_EXPIRED');
    }
    s.lastSeenAt = now;
    return s.user;
  }

  isOffline(token: string | undefined): boolean {
    return token ? (this.byToken.get(token)?.offline ?? false) : false;
  }

  /** Ends a desk session; returns the user's refresh token when it was their last session here. */
  remove(token: string): string | undefined {
    const s = this.byToken.get(token);
    this.byToken.delete(token);
    if (!s || [...this.byToken.values()].some((o) => o.user.id === s.user.id)) return undefined;
    const refresh = this.credentials.get(s.user.id)?.refreshToken ?? (this.d.db ? storedRefreshToken(this.d.db, s.user.id, this.clock()) : undefined);
    this.credentials.delete(s.user.id);
    if (this.d.db) storeRefreshToken(this.d.db, s.user.id, null, null);
    return refresh;
  }

  /** A live desk session of a user (the sync engine pushes that user's mutations with it). */
  tokenOf(userId: string): string | undefined {
    const now = this.clock().getTime();
    for (const [token, s] of this.byToken) if (s.user.id === userId && this.live(s, now)) return token;
    return undefined;
  }

  /** Any live session, preferring one with server credentials: pulls need one, whoever it is. */
  anyToken(): string | undefined {
    const now = this.clock().getTime();
    let fallback: string | undefined;
    for (const [token, s] of this.byToken) {
      if (!this.live(s, now)) continue;
      if (this.credentials.has(s.user.id)) return token;
      fallback ??= token;
    }
    return fallback;
  }

  /** One live session per user working on this desk (the sync engine tells the server who they are: scopes). */
  liveTokensByUser(): Map<string, string> {
    const now = this.clock().getTime();
    const out = new Map<string, string>();
    for (const [token, s] of this.byToken) if (this.live(s, now) && !out.has(s.user.id)) out.set(s.user.id, token);
    return out;
  }

  userOf(userId: string): SessionUser | undefined {
    for (const s of this.byToken.values()) if (s.user.id === userId) return s.user;
    return undefined;
  }

  /** CredentialResolver: the server access token behind a desk token, refreshed when due. */
  async accessToken(handle: string): Promise<string | undefined> {
    const s = this.byToken.get(handle);
    if (!s) return handle; // not a desk session: a server token passed through as it is
    const c = this.credentials.get(s.user.id);
    if (c && c.accessEndsAt - EARLY_MS > this.clock().getTime()) return c.accessToken;
    return this.renewUser(s.user.id);
  }

  /** CredentialResolver: the server refused the access token; get a new one if possible. */
  async renew(handle: string): Promise<string | undefined> {
    const s = this.byToken.get(handle);
    return s ? this.renewUser(s.user.id) : undefined;
  }

  private renewUser(userId: string): Promise<string | undefined> {
    // One refresh at a time per user: a second one with the same token would look like theft.
    let pending = this.refreshing.get(userId);
    if (!pending) {
      pending = this.refresh(userId).finally(() => this.refreshing.delete(userId));
      this.refreshing.set(userId, pending);
    }
    return pending;
  }

  private async refresh(userId: string): Promise<string | undefined> {
    const { client, db } = this.d;
    const refreshToken = this.credentials.get(userId)?.refreshToken ?? (db ? storedRefreshToken(db, userId, this.clock()) : undefined);
    if (!client || !refreshToken) return undefined;
    try {
      const login = await client.request<LoginResult>('POST', '/auth/refresh', { body: { refreshToken, ...(db ? deviceProof(db) : {}) } });
      this.keepCredentials(userId, login);
      for (const s of this.byToken.values()) if (s.user.id === userId) s.offline = false;
      return login.token;
    } catch (err) {
      if (err instanceof AppError && err.code === 'OFFLINE') throw err;
      // Refused (expired, revoked, user disabled): the desk session goes on locally; the user
      // logs in again to send pending changes.
      this.credentials.delete(userId);
      if (db) storeRefreshToken(db, userId, null, null);
      return undefined;
    }
  }

  private keepCredentials(userId: string, login: LoginResult): void {
    const now = this.clock().getTime();
    const lifetime = Date.parse(login.expiresAt) - (login.serverTime ? Date.parse(login.serverTime) : now);
    this.credentials.set(userId, { accessToken: login.token, accessEndsAt: now + lifetime, refreshToken: login.refreshToken });
    if (this.d.db && login.refreshToken) storeRefreshToken(this.d.db, userId, login.refreshToken, login.refreshExpiresAt ?? null);
  }

  private live(s: DeskSession, now: number): boolean {
    return now - s.lastSeenAt <= IDLE_MS && now - s.createdAt <= ABSOLUTE_MS;
  }
}
