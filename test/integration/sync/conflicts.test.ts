import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Conflict, Contact, ContactCreateResult, ProtocolEntry, RegisterResult } from '../../../src/shared/contract';
import { createDesks, type Desks, type TestDesk } from './desks';
import { keysOf, registration, sessionUser } from './fixtures';

let t: Desks;
let a: TestDesk;
let b: TestDesk;
beforeEach(async () => {
  t = await createDesks(2);
  [a, b] = t.desks as [TestDesk, TestDesk];
  await a.login('segreteria');
  await b.login('protocollista');
});
afterEach(async () => {
  await t.close();
});

async function sharedContact(): Promise<Contact> {
  const made = await a.call<ContactCreateResult>('directory.create', { kind: 'impresa', name: 'Edilnord S.r.l.', pec: 'edilnord@pec.it', city: 'Pavia' }, 'segreteria');
  await t.syncAll();
  return made.created!;
}

describe('conflicts from row versions, never wall clocks', () => {
  it('disjoint fields changed on two desks from the same base merge without a conflict', async () => {
    const c = await sharedContact();
    await a.call('directory.update', { id: c.id, phone: '0382 123456' }, 'segreteria');
    await b.call('directory.update', { id: c.id, city: 'Vigevano' }, 'protocollista');
    await t.syncAll();
    for (const d of [a, b]) {
      const role = d === a ? 'segreteria' : 'protocollista';
      expect(await d.call<Contact>('directory.get', { id: c.id }, role)).toMatchObject({ phone: '0382 123456', city: 'Vigevano', pec: 'edilnord@pec.it', version: 3 });
      expect(await d.call<Conflict[]>('conflicts.list', {}, role)).toEqual([]);
    }
  });

  it('the same field changed on two desks keeps the first applied, records a conflict for both users, and the losing value is one click away', async () => {
    const c = await sharedContact();
    const [ua, ub] = [await sessionUser(a, 'segreteria'), await sessionUser(b, 'protocollista')];
    // Server order decides: A pushes first (desk clocks play no part). B has not pulled A's
    // change, so its update is based on the same version. (A local write also starts a round in
    // the background, so A's push is awaited before B writes, to fix the order.)
    await a.call('directory.update', { id: c.id, pec: 'uffici@edilnord.pec.it' }, 'segreteria');
    await a.syncOnce();
    await b.call('directory.update', { id: c.id, pec: 'amministrazione@edilnord.pec.it', phone: '0382 1' }, 'protocollista');
    await b.syncOnce();
    await t.syncAll();
    const onA = await a.call<Contact>('directory.get', { id: c.id }, 'segreteria');
    expect(onA).toMatchObject({ pec: 'uffici@edilnord.pec.it', phone: '0382 1' });
    const listA = await a.call<Conflict[]>('conflicts.list', {}, 'segreteria');
    const listB = await b.call<Conflict[]>('conflicts.list', {}, 'protocollista');
    expect(listA).toHaveLength(1);
    expect(listB.map((x) => x.id)).toEqual(listA.map((x) => x.id));
    expect(listA[0]).toMatchObject({
      table: 'contacts', key: c.id, field: 'pec', keptValue: 'uffici@edilnord.pec.it', losingValue: 'amministrazione@edilnord.pec.it',
      keptBy: ua.id, losingBy: ub.id, resolvedAt: null,
    });

    await b.call('conflicts.resolve', { conflictId: listA[0]!.id, choose: 'losing' }, 'protocollista');
    await t.syncAll();
    for (const [d, role] of [[a, 'segreteria'], [b, 'protocollista']] as const) {
      expect(await d.call<Contact>('directory.get', { id: c.id }, role)).toMatchObject({ pec: 'amministrazione@edilnord.pec.it' });
      expect(await d.call<Conflict[]>('conflicts.list', {}, role)).toEqual([]);
      const all = await d.call<Conflict[]>('conflicts.list', { includeResolved: true }, role);
      expect(all[0]).toMatchObject({ resolution: 'losing', resolvedBy: ub.id });
    }
    expect(keysOf(a, 'contacts')).toEqual(keysOf(b, 'contacts'));
    expect(keysOf(a, 'conflicts')).toEqual(keysOf(b, 'conflicts'));
  });

  it('two edits of the same field made in a row on one desk before it syncs follow each other, no conflict', async () => {
    const c = await sharedContact();
    // Both are based on the version the desk last pulled: the second follows the first.
    await a.call('directory.update', { id: c.id, pec: 'primo@edilnord.pec.it' }, 'segreteria');
    await a.call('directory.update', { id: c.id, pec: 'secondo@edilnord.pec.it' }, 'segreteria');
    await t.syncAll();
    for (const [d, role] of [[a, 'segreteria'], [b, 'protocollista']] as const) {
      expect(await d.call<Contact>('directory.get', { id: c.id }, role)).toMatchObject({ pec: 'secondo@edilnord.pec.it' });
      expect(await d.call<Conflict[]>('conflicts.list', {}, role)).toEqual([]);
    }
  });

  it('a protocol classification changed on two desks conflicts; the assignment changed on one merges', async () => {
    const reg = await b.call<RegisterResult>('protocol.register', registration(), 'protocollista');
    await t.syncAll();
    const officeless = await sessionUser(a, 'segreteria');
    await a.call('protocol.update', { id: reg.entry.id, classificationCode: 'I.13' }, 'segreteria');
    await a.syncOnce(); // A reaches the server first; B still works on the version it saw
    await b.call('protocol.update', { id: reg.entry.id, classificationCode: 'II.1' }, 'protocollista');
    await b.call('protocol.update', { id: reg.entry.id, assignments: [{ assigneeType: 'utente', assigneeId: officeless.id, kind: 'competenza' }] }, 'protocollista');
    await t.syncAll();
    const entryA = await a.call<ProtocolEntry>('protocol.get', { id: reg.entry.id }, 'segreteria');
    const entryB = await b.call<ProtocolEntry>('protocol.get', { id: reg.entry.id }, 'protocollista');
    expect(entryA.classificationCode).toBe('I.13');
    expect(entryA.assignments.map((x) => x.assigneeId)).toEqual([officeless.id]);
    expect(entryB).toMatchObject({ classificationCode: entryA.classificationCode, version: entryA.version });
    const conflicts = await b.call<Conflict[]>('conflicts.list', {}, 'protocollista');
    expect(conflicts.map((c) => [c.field, c.keptValue, c.losingValue])).toEqual([['classificationCode', 'I.13', 'II.1']]);
  });

  it('a desk whose only change lost a conflict converges back to the kept value', async () => {
    const reg = await b.call<RegisterResult>('protocol.register', registration(), 'protocollista');
    await t.syncAll();
    await a.call('protocol.update', { id: reg.entry.id, classificationCode: 'I.13' }, 'segreteria');
    await a.syncOnce(); // A reaches the server first; B still works on the version it saw
    await b.call('protocol.update', { id: reg.entry.id, classificationCode: 'II.1' }, 'protocollista');
    await t.syncAll();
    // B's optimistic II.1 must not survive: the server kept I.13 and sent the row out again.
    const entryB = await b.call<ProtocolEntry>('protocol.get', { id: reg.entry.id }, 'protocollista');
    expect(entryB.classificationCode).toBe('I.13');
  });

  it('a refused optimistic update is undone on the desk that made it', async () => {
    const reg = await b.call<RegisterResult>('protocol.register', registration(), 'protocollista');
    await t.syncAll();
    await b.call('protocol.update', { id: reg.entry.id, classificationCode: 'II.1' }, 'protocollista');
    expect((await b.call<ProtocolEntry>('protocol.get', { id: reg.entry.id }, 'protocollista')).classificationCode).toBe('II.1');
    // The server refuses it: an annulled entry does not change (annulled meanwhile elsewhere).
    await t.server.server.context.db.execute(sql`update protocol_entries set status = 'annullato', version = version + 1 where id = ${reg.entry.id}`);
    await t.syncAll();
    const entryB = await b.call<ProtocolEntry>('protocol.get', { id: reg.entry.id }, 'protocollista');
    expect(entryB.classificationCode).toBe(reg.entry.classificationCode);
  });
});
