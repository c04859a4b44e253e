import { describe, expect, it } from 'vitest';
import { SessionStore } from '../../../src/main/core/session';
import { checkVerifier, makeVerifier } from '../../../src/main/core/device/verifier';
import type { LoginResult } from '../../../src/shared/contract';

const user = { id: '01900000-0000-7000-8000-000000000001', username: 'mario.rossi', fullName: 'Mario Rossi', roles: ['protocollista' as const], officeId: null };

describe('offline verifier', () => {
  it('never holds the password, salts every verifier and checks in constant time', async () => {
    const a = await makeVerifier('password-lunga-1');
    const b = await makeVerifier('password-lunga-1');
    expect(a).not.toContain('password-lunga-1');
    expect(a).not.toBe(b);
    expect(await checkVerifier('password-lunga-1', a)).toBe(true);
    expect(await checkVerifier('password-lunga-2', a)).toBe(false);
    expect(await checkVerifier('password-lunga-1', 'malformato')).toBe(false);
  });
});

describe('desk sessions', () => {
  it('gives the page a desk token of its own and keeps the server token inside', async () => {
    let now = new Date('2026-03-02T08:00:00Z');
    const store = new SessionStore(() => now);
    // The desk clock is 36 h ahead of the server's: the lifetime is measured on the server's clock.
    const login: LoginResult = { token: 'server-access', user, expiresAt: '2026-02-28T20:15:00.000Z', serverTime: '2026-02-28T20:00:00.000Z', refreshToken: 'r' };
    const desk = store.openOnline(login);
    expect(desk.token).not.toBe('server-access');
    expect(desk).not.toHaveProperty('refreshToken');
    expect(await store.accessToken(desk.token)).toBe('server-access');
    expect(store.tokenOf(user.id)).toBe(desk.token);
    now = new Date('2026-03-02T08:20:00Z');
    // Access token due and no server to refresh with: none, yet the desk session lives on.
    expect(await store.accessToken(desk.token)).toBeUndefined();
    expect(store.require(desk.token)).toEqual(user);
    // A token the desk does not know passes through unchanged (a server token).
    expect(await store.accessToken('other')).toBe('other');
    now = new Date('2026-03-02T20:01:00Z');
    expect(() => store.require(desk.token)).toThrow(/scaduta/);
  });

  it('flags offline sessions', () => {
    const store = new SessionStore(() => new Date('2026-03-02T08:00:00Z'));
    const s = store.openOffline(user);
    expect(s.offline).toBe(true);
    expect(store.isOffline(s.token)).toBe(true);
  });
});
