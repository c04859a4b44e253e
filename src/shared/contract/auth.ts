import { z } from 'zod';
import { defineDomain, procedure } from './procedure';
import { noInput, requiredText, uuid } from './common';
import { password, username } from './setup';
import { roles, type Role } from '../domain/roles';

export const loginInput = z.object({
  username: z.string().trim().min(1, { message: 'Inserisci il nome utente' }).max(40),
  password: z.string().min(1, { message: 'Inserisci la password' }).max(200),
});

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  roles: Role[];
  officeId: string | null;
}

export interface LoginResult {
  token: string;
  user: SessionUser;
  expiresAt: string;
  /**
   * Issue 3: the register server also returns a refresh token (rotated on use, bound to user
   * and device); the desk keeps it for itself and never hands it to the page.
   */
  refreshToken?: string;
  refreshExpiresAt?: string;
  /** Issue 3: the server's clock at issue, so a desk with a skewed clock still knows the lifetime. */
  serverTime?: string;
  /** Issue 3: set by the desk when the session was opened offline with the cached verifier. */
  offline?: boolean;
}

/** `POST /auth/login` on the register server: the desk adds its device credentials. */
export const serverLoginInput = loginInput.extend({
  deviceId: uuid.optional(),
  deviceSecret: z.string().min(16).max(200).optional(),
});

/** `POST /auth/refresh`: a refresh token buys a new access token and a new refresh token. */
export const refreshInput = z.object({
  refreshToken: z.string().min(16).max(200),
  deviceId: uuid.optional(),
  deviceSecret: z.string().min(16).max(200).optional(),
});

export const authContract = defineDomain('auth', {
  /** Opens a session; the token goes in `Authorization: Bearer <token>` afterwards. */
  'auth.login': procedure<typeof loginInput, LoginResult>(loginInput, { auth: false }),
  /** Closes the caller's session. */
  'auth.logout': procedure<typeof noInput, { ok: true }>(noInput),
  /** The logged-in user. */
  'auth.session': procedure<typeof noInput, SessionUser>(noInput),
});

export const userCreateInput = z.object({
  username,
  fullName: requiredText(120),
  password,
  roles: z.array(z.enum(roles)).min(1, { message: 'Scegli almeno un profilo' }),
  officeId: uuid.nullable().default(null),
});

export const userUpdateInput = z.object({
  id: uuid,
  fullName: requiredText(120).optional(),
  roles: z.array(z.enum(roles)).min(1, { message: 'Scegli almeno un profilo' }).optional(),
  officeId: uuid.nullable().optional(),
  active: z.boolean().optional(),
  password: password.optional(),
});

export interface UserSummary extends SessionUser {
  active: boolean;
}

export const usersContract = defineDomain('users', {
  /** Users of the AOO (live on the register server). */
  'users.list': procedure<typeof noInput, UserSummary[]>(noInput),
  /** Creates a user; administrators only. */
  'users.create': procedure<typeof userCreateInput, UserSummary>(userCreateInput),
  /** Changes profile, office, state or password of a user; administrators only. */
  'users.update': procedure<typeof userUpdateInput, UserSummary>(userUpdateInput),
});
