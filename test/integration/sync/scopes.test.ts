import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, type ContactCreateResult, type RegisterResult, type SearchResult, type UserSummary } from '../../../src/shared/contract';
import { http } from '../server/harness';
import { createDesks, type Desks, type TestDesk } from './desks';
import { registration, sessionUser } from './fixtures';

let t: Desks;
let clerk: TestDesk;
let secretary: TestDesk;
let ceremonial: TestDesk;
beforeEach(async () => {
  t = await createDesks(3);
  [clerk, secretary, ceremonial] = t.desks as [TestDesk, TestDesk, TestDesk];
  await clerk.login('protocollista');
  await secretary.login('segreteria');
  await ceremonial.login('cerimoniale');
});
afterEach(async () => {
  await t.close();
});

const count = (d: TestDesk, sql: string, ...p: unknown[]) => d.query<{ n: number }>(`select count(*) as n from ${sql}`, ...p)[0]!.n;
const held = (d: TestDesk, id: string) => count(d, 'protocol_entries where id = ?', id) === 1;

async function errorCode(p: Promise<unknown>): Promise<string | null> {
  return p.then(() => null, (e: unknown) => (e instanceof AppError ? e.code : 'NOT_APP_ERROR'));
}

describe('scopes computed on the server', () => {
  it('a ceremonial laptop does not carry the register, but has the address book', async () => {
    await clerk.call('protocol.register', registration(), 'protocollista');
    await clerk.call('protocol.register', registration('Invito alla cerimonia del 2 giugno'), 'protocollista');
    await t.syncAll();
    expect(count(clerk, 'protocol_entries')).toBe(2);
    expect(count(ceremonial, 'protocol_entries')).toBe(0);
    expect(count(ceremonial, 'protocol_history')).toBe(0);
    expect(count(ceremonial, 'contacts')).toBeGreaterThan(0);
  });

  it('a reserved entry reaches only its author, its assignees and the responsabile; it leaves when the assignment is removed', async () => {
    const sara = await sessionUser(secretary, 'segreteria');
    const reg = await clerk.call<RegisterResult>('protocol.register', registration('Esposto riservato', { riservato: true }), 'protocollista');
    const open = await clerk.call<RegisterResult>('protocol.register', registration('Richiesta ordinaria'), 'protocollista');
    await t.syncAll();
    expect(held(clerk, reg.entry.id)).toBe(true);
    expect(held(secretary, reg.entry.id)).toBe(false);
    expect(held(secretary, open.entry.id)).toBe(true);

    await clerk.call('protocol.update', { id: reg.entry.id, assignments: [{ assigneeType: 'utente', assigneeId: sara.id, kind: 'competenza' }] }, 'protocollista');
    await t.syncAll();
    expect(held(secretary, reg.entry.id)).toBe(true);
    const found = await secretary.call<SearchResult>('protocol.search', { text: 'esposto' }, 'segreteria');
    expect(found.items.map((e) => e.id)).toEqual([reg.entry.id]);
    expect(count(secretary, 'protocol_history where entry_id = ?', reg.entry.id)).toBeGreaterThan(0);

    await clerk.call('protocol.update', { id: reg.entry.id, assignments: [] }, 'protocollista');
    await t.syncAll();
    expect(held(secretary, reg.entry.id)).toBe(false);
    expect(count(secretary, 'protocol_history where entry_id = ?', reg.entry.id)).toBe(0);
    expect(held(secretary, open.entry.id)).toBe(true);
  });

  it('a shared desk holds the union of its users, but each session reads only its own scope', async () => {
    const reg = await clerk.call<RegisterResult>('protocol.register', registration('Esposto riservato', { riservato: true }), 'protocollista');
    await t.syncAll();
    expect(held(secretary, reg.entry.id)).toBe(false);
    await secretary.login('responsabile'); // the scope of this desk grows: it pulls again from 0
    await t.syncAll();
    expect(held(secretary, reg.entry.id)).toBe(true);
    const bySara = await secretary.call<SearchResult>('protocol.search', {}, 'segreteria');
    const byBoss = await secretary.call<SearchResult>('protocol.search', {}, 'responsabile');
    expect(bySara.items.map((e) => e.id)).not.toContain(reg.entry.id);
    expect(byBoss.items.map((e) => e.id)).toContain(reg.entry.id);
    expect(await errorCode(secretary.call('protocol.get', { id: reg.entry.id }, 'segreteria'))).toBe('NOT_FOUND');
    expect(await errorCode(secretary.call('protocol.get', { id: reg.entry.id }, 'responsabile'))).toBeNull();
  });

  it('when a role change shrinks the scope, the register leaves the desk and the address book stays', async () => {
    await clerk.call('protocol.register', registration(), 'protocollista');
    const c = await clerk.call<ContactCreateResult>('directory.create', { kind: 'impresa', name: 'Fioreria Bianchi' }, 'protocollista');
    await t.syncAll();
    expect(count(clerk, 'protocol_entries')).toBe(1);
    const admin = await t.server.login('admin');
    const list = await http<UserSummary[]>(t.server.url, 'POST', '/api/users.list', { token: admin, body: {} });
    const paola = list.body.find((u) => u.username === t.server.users.protocollista.username)!;
    const res = await http(t.server.url, 'POST', '/api/users.update', { token: admin, body: { id: paola.id, roles: ['cerimoniale'] } });
    expect(res.status).toBe(200);
    await t.syncAll();
    expect(count(clerk, 'protocol_entries')).toBe(0);
    expect(count(clerk, 'protocol_history')).toBe(0);
    expect(count(clerk, 'contacts where id = ?', c.created!.id)).toBe(1);
    expect((await clerk.syncOnce()).pendingCount).toBe(0);
  });
});
