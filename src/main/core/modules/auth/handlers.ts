import { AppError, type Handlers, type LoginResult, type SessionUser } from '../../../../shared/contract';
import { requireUser, type DeskContext, type DeskDeps } from '../../deps';
import { forward } from '../forward';
import { deviceProof, loadDeviceCredentials } from '../../device/identity';
import { cacheOnlineLogin, DEFAULT_OFFLINE_LOGIN_DAYS, verifyOfflineLogin } from '../../device/offline-login';

type AuthHandlers = Pick<Handlers<DeskContext>, 'auth.login' | 'auth.logout' | 'auth.session' | 'users.list' | 'users.create' | 'users.update'>;

/**
 * Users and sessions live on the register server: login is forwarded with this desk's device
 * credentials; the desk keeps the server's tokens and gives the page a desk token of its own.
 * On an enrolled desk, when the server is unreachable, login is checked against the verifier
 * cached at the last online login (issue 3): the user works locally, flagged offline.
 */
export function authHandlers(d: DeskDeps, opts: { offlineLoginDays?: number } = {}): AuthHandlers {
  const offlineDays = opts.offlineLoginDays ?? DEFAULT_OFFLINE_LOGIN_DAYS;
  return {
    'auth.login': async (input) => {
      const enrolled = loadDeviceCredentials(d.db) !== null;
      let login: LoginResult;
      try {
        login = await d.client.request<LoginResult>('POST', '/auth/login', { body: { ...input, ...deviceProof(d.db) } });
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'OFFLINE') || !enrolled) throw err;
        const user = await verifyOfflineLogin(d.db, { ...input, now: d.clock(), days: offlineDays });
        d.logger.log('info', 'offline login', { userId: user.id });
        return d.sessions.openOffline(user);
      }
      if (enrolled) {
        await cacheOnlineLogin(d.db, { ...input, user: login.user, refreshToken: login.refreshToken, refreshExpiresAt: login.refreshExpiresAt, now: d.clock() });
      }
      const result = d.sessions.openOnline(login);
      void d.engine.round();
      return result;
    },
    'auth.logout': async (_input, ctx) => {
      requireUser(ctx);
      if (ctx.token) {
        const token = ctx.token;
        // The server's access token is looked up before the desk session ends.
        const access = await d.sessions.accessToken(token).catch(() => undefined);
        const refreshToken = d.sessions.remove(token);
        // The local session ends even if the server cannot be told (it expires there anyway).
        await d.client.request('POST', '/auth/logout', { body: refreshToken ? { refreshToken } : {}, token: access }).catch(() => undefined);
      }
      return { ok: true } as const;
    },
    'auth.session': (_input, ctx): SessionUser => {
      if (!ctx.user) throw new AppError('UNAUTHENTICATED');
      return ctx.user;
    },
    'users.list': (input, ctx) => forward(d, 'users.list', input, ctx),
    'users.create': (input, ctx) => forward(d, 'users.create', input, ctx),
    'users.update': (input, ctx) => forward(d, 'users.update', input, ctx),
  };
}
