import type { SessionUser } from '../../../src/shared/contract';
import type { TestDesk } from './desks';

/** A plain incoming registration; `over` replaces any field. */
export function registration(oggetto = 'Richiesta di patrocinio per la festa del quartiere', over: Record<string, unknown> = {}) {
  return {
    direction: 'entrata',
    oggetto,
    correspondents: [{ newContact: { kind: 'persona', name: 'Rossi Mario', email: 'mario.rossi@example.it' } }],
    means: 'email',
    ...over,
  };
}

export async function sessionUser(d: TestDesk, role: Parameters<TestDesk['login']>[0]): Promise<SessionUser> {
  return d.call<SessionUser>('auth.session', {}, role);
}

/** Keys and versions of a desk's table, sorted: what convergence compares. */
export function keysOf(d: TestDesk, table: string, key = 'id'): Array<{ key: string; version: number }> {
  return d.query<{ key: string; version: number }>(`select ${key} as key, version from ${table} order by ${key}`);
}
