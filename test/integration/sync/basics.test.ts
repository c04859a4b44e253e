import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact, ContactCreateResult, RegisterResult, SearchResult } from '../../../src/shared/contract';
import { AppError } from '../../../src/shared/contract';
import { createDesks, type Desks } from './desks';
import { keysOf, registration } from './fixtures';

let t: Desks;
beforeEach(async () => {
  t = await createDesks(2);
});
afterEach(async () => {
  await t.close();
});

describe('sync basics: two desks, one register server', () => {
  it('a contact made on desk A reaches desk B; both equal the server after syncAll', async () => {
    const [a, b] = t.desks as [NonNullable<Desks['desks'][0]>, NonNullable<Desks['desks'][0]>];
    await b.login('protocollista'); // a desk pulls with the session of who works on it
    const made = await a.call<ContactCreateResult>('directory.create', { kind: 'impresa', name: 'Edilnord S.r.l.', pec: 'edilnord@pec.it' }, 'segreteria');
    await t.syncAll();
    const onB = await b.call<Contact>('directory.get', { id: made.created!.id }, 'protocollista');
    expect(onB).toMatchObject({ name: 'Edilnord S.r.l.', pec: 'edilnord@pec.it', version: 1 });
    expect(keysOf(a, 'contacts')).toEqual(keysOf(b, 'contacts'));
  });

  it('a lost push response and a duplicated push never apply a mutation twice', async () => {
    const [a, b] = t.desks as [NonNullable<Desks['desks'][0]>, NonNullable<Desks['desks'][0]>];
    await a.login('protocollista');
    await b.login('segreteria');
    await t.syncAll(); // the rounds started by the logins are over: the faults hit the registrations
    a.faults.inject('drop-response', { path: '/sync/push' });
    const err = await a.call('protocol.register', registration(), 'protocollista').then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('OFFLINE');
    b.faults.inject('duplicate-request', { path: '/sync/push' });
    const second = await b.call<RegisterResult>('protocol.register', registration('Convocazione della giunta'), 'segreteria');
    expect(b.faults.sent.filter((p) => p === '/sync/push').length).toBeGreaterThanOrEqual(2);
    await t.syncAll();
    const all = await a.call<SearchResult>('protocol.search', {}, 'protocollista');
    // Two registrations, two numbers: the retried and the duplicated push did not add a third.
    expect(all.items.map((e) => e.number).sort()).toEqual([1, 2]);
    expect(all.items.find((e) => e.id === second.entry.id)?.number).toBe(second.entry.number);
    expect(keysOf(a, 'protocol_entries')).toEqual(keysOf(b, 'protocol_entries'));
    expect((await a.syncOnce()).pendingCount).toBe(0);
  });
});
