import { AppError, type LoginResult, type SessionUser } from '../../shared/contract';

/**
 * Sessions of the desk: the register server's token, kept in memory with its expiry. The
 * latest token of each user is also what the sync engine pushes that user's mutations with.
 */
export class SessionStore {
  private readonly byToken = new Map<string, { user: SessionUser; expiresAt: number }>();
  private readonly latestByUser = new Map<string, string>();

  constructor(private readonly clock: () => Date) {}

  add(login: LoginResult): void {
    this.byToken.set(login.token, { user: login.user, expiresAt: Date.parse(login.expiresAt) });
    this.latestByUser.set(login.user.id, login.token);
  }

  /** The caller's user, or UNAUTHENTICATED / SESSION_EXPIRED. */
  require(token: string | undefined): SessionUser {
    if (!token) throw new AppError('UNAUTHENTICATED');
    const s = this.byToken.get(token);
    if (!s) throw new AppError('UNAUTHENTICATED');
    if (s.expiresAt <= this.clock().getTime()) {
      this.remove(token);
      throw new AppError('SESSION_EXPIRED');
    }
    return s.user;
  }

  remove(token: string): void {
    const s = this.byToken.get(token);
    this.byToken.delete(token);
    if (s && this.latestByUser.get(s.user.id) === token) this.latestByUser.delete(s.user.id);
  }

  /** The newest live token of a user (to push their mutations), if they logged in. */
  tokenOf(userId: string): string | undefined {
    const token = this.latestByUser.get(userId);
    if (!token) return undefined;
    const s = this.byToken.get(token);
    return s && s.expiresAt > this.clock().getTime() ? token : undefined;
  }

  /** Any live token: pulls need one, whoever is logged in. */
  anyToken(): string | undefined {
    const now = this.clock().getTime();
    let best: { token: string; exp: number } | undefined;
    for (const [token, s] of this.byToken) if (s.expiresAt > now && (!best || s.expiresAt > best.exp)) best = { token, exp: s.expiresAt };
    return best?.token;
  }

  userOf(userId: string): SessionUser | undefined {
    for (const s of this.byToken.values()) if (s.user.id === userId) return s.user;
    return undefined;
  }
}
