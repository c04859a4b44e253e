import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src/server/auth/passwords';
import { parentOf, sortKeyOf } from '../../../src/server/modules/organisation/titolario';
import { titolarioSeed } from '../../../src/server/modules/organisation/titolario-seed';
import { CursorHub } from '../../../src/server/sync/events';
import { mapDbError } from '../../../src/server/db/errors';
import { AppError } from '../../../src/shared/contract/errors';

describe('register server rules', () => {
  it('hashes passwords with scrypt and a random salt, verifying only the right one', async () => {
    const a = await hashPassword('segreto-di-prova');
    const b = await hashPassword('segreto-di-prova');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('segreto-di-prova');
    expect(await verifyPassword('segreto-di-prova', a)).toBe(true);
    expect(await verifyPassword('segreto-di-prov', a)).toBe(false);
    expect(await verifyPassword('x', 'non-un-hash')).toBe(false);
  });

  it('orders titolario codes as the titolario reads and finds parents', () => {
    const codes = ['II.1', 'I.13', 'XIV', 'I.2', 'IX', 'I', 'IV'];
    expect([...codes].sort((x, y) => sortKeyOf(x).localeCompare(sortKeyOf(y)))).toEqual(['I', 'I.2', 'I.13', 'II.1', 'IV', 'IX', 'XIV']);
    expect(parentOf('I.13')).toBe('I');
    expect(parentOf('I.13.2')).toBe('I.13');
    expect(parentOf('XIV')).toBeNull();
  });

  it('seeds the 14 titles and the classes of titles I and II (Titolario per i Comuni)', () => {
    const seed = titolarioSeed();
    expect(seed.filter((n) => !n.code.includes('.')).length).toBe(14);
    expect(seed.filter((n) => n.code.startsWith('I.')).length).toBe(17);
    expect(seed.filter((n) => n.code.startsWith('II.')).length).toBe(22);
    expect(seed.find((n) => n.code === 'I.13')?.title).toMatch(/^Cerimoniale/);
    expect(new Set(seed.map((n) => n.code)).size).toBe(seed.length);
  });

  it('pokes listeners only when the cursor grows', () => {
    const hub = new CursorHub();
    const seen: number[] = [];
    const off = hub.subscribe((c) => seen.push(c));
    hub.publish(3);
    hub.publish(2);
    hub.publish(5);
    off();
    hub.publish(9);
    expect(seen).toEqual([3, 5]);
    expect(hub.size).toBe(0);
  });

  it("maps the database's refusals to user errors and leaves the rest alone", () => {
    const trigger = mapDbError({ message: 'wrapped', cause: { code: 'GN001' } });
    expect(trigger).toBeInstanceOf(AppError);
    expect((trigger as AppError).code).toBe('IMMUTABLE_FIELD');
    expect((mapDbError({ code: '23505' }) as AppError).code).toBe('CONFLICT');
    const other = new Error('connessione persa');
    expect(mapDbError(other)).toBe(other);
  });
});
