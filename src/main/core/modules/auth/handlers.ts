import { AppError, type Handlers, type LoginResult, type SessionUser } from '../../../../shared/contract';
import { requireUser, type DeskContext, type DeskDeps } from '../../deps';
import { forward } from '../forward';

type AuthHandlers = Pick<Handlers<DeskContext>, 'auth.login' | 'auth.logout' | 'auth.session' | 'users.list' | 'users.create' | 'users.update'>;

/**
 * Users and sessions live on the register server: login is forwarded, the desk keeps the
 * returned token (and its expiry) to check later calls and to push that user's mutations.
 */
export function authHandlers(d: DeskDeps): AuthHandlers {
  return {
    'auth.login': async (input) => {
      const login = await d.client.request<LoginResult>('POST', '/auth/login', { body: input });
      d.sessions.add(login);
      void d.engine.round();
      return login;
    },
    'auth.logout': async (_input, ctx) => {
      requireUser(ctx);
      if (ctx.token) {
        // The local session ends even if the server cannot be told (it expires there anyway).
        await d.client.request('POST', '/auth/logout', { body: {}, token: ctx.token }).catch(() => undefined);
        d.sessions.remove(ctx.token);
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
