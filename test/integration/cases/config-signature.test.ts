import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDto, CaseEventDto, CaseSettingsDto, CaseTypeDto, ConfigAuditDto, SignatureItemDto } from '../../../src/shared/contract';
import { AppError } from '../../../src/shared/contract';
import { addDays } from '../../../src/shared/domain/cases';
import { romeDate } from '../../../src/shared/domain/time';
import { createDesks, type Desks, type TestDesk } from '../sync/desks';
import { keysOf } from '../sync/fixtures';

let t: Desks;
let a: TestDesk;
let b: TestDesk;
beforeEach(async () => {
  t = await createDesks(2);
  [a, b] = t.desks as [TestDesk, TestDesk];
  await a.login('segreteria');
  await b.login('responsabile');
});
afterEach(async () => {
  await t.close();
});

type CaseWithEvents = { case: CaseDto; events: CaseEventDto[] };

describe('term rules changed by an administrator', () => {
  it('recomputes the open cases of the type at once on the desk; the server audits it and every desk converges', async () => {
    const receivedOn = addDays(romeDate(new Date()), -3);
    const open = await a.call<CaseDto>('cases.open', { typeCode: 'istanza', title: 'Richiesta di contributo', requester: { name: 'Pro Loco' }, receivedOn }, 'segreteria');
    const closed = await a.call<CaseDto>('cases.open', { typeCode: 'istanza', title: 'Richiesta evasa', requester: { name: 'Pro Loco' }, receivedOn }, 'segreteria');
    await a.call('cases.close', { caseId: closed.id }, 'segreteria');
    await t.syncAll();
    expect((await a.call<CaseTypeDto[]>('cases.types', {}, 'segreteria')).find((x) => x.id === 'istanza')).toMatchObject({ termDays: 30, version: 1 });

    const updated = await a.call<CaseTypeDto>('cases.updateType', { code: 'istanza', termDays: 20 }, 'amministratore');
    expect(updated).toMatchObject({ id: 'istanza', termDays: 20 });
    // Optimistic: the open case already follows the new rule; the closed one keeps its term.
    expect((await a.call<CaseWithEvents>('cases.get', { caseId: open.id }, 'segreteria')).case.dueOn).toBe(addDays(receivedOn, 20));
    expect((await a.call<CaseWithEvents>('cases.get', { caseId: closed.id }, 'segreteria')).case.dueOn).toBe(addDays(receivedOn, 30));

    await t.syncAll();
    for (const [d, role] of [[a, 'segreteria'], [b, 'responsabile']] as const) {
      const got = await d.call<CaseWithEvents>('cases.get', { caseId: open.id }, role);
      expect(got.case.dueOn).toBe(addDays(receivedOn, 20));
      expect(got.events.filter((e) => e.kind === 'termine_ricalcolato')).toHaveLength(1);
    }
    expect(keysOf(a, 'case_events')).toEqual(keysOf(b, 'case_events'));
    const audit = await b.call<ConfigAuditDto[]>('cases.audit', {}, 'responsabile');
    expect(audit).toEqual([expect.objectContaining({ entity: 'case_type', key: 'istanza', byName: 'Anna Amministratrice', recomputed: 1, before: expect.objectContaining({ termDays: 30 }), after: expect.objectContaining({ termDays: 20 }) })]);
  });

  it('settings: refuses an impossible patron day or window before anything is written', async () => {
    const bad = await a.call('cases.updateSettings', { patronDay: '02-30' }, 'amministratore').then(() => null, (e: unknown) => e);
    expect(bad).toBeInstanceOf(AppError);
    expect((bad as AppError).message).toMatch(/santo patrono/);
    const window = await a.call('cases.updateSettings', { patronageMinDaysBefore: 50 }, 'amministratore').then(() => null, (e: unknown) => e);
    expect((window as AppError).code).toBe('VALIDATION');
    const ok = await a.call<CaseSettingsDto>('cases.updateSettings', { dueSoonDays: 3, patronDay: '12-07' }, 'amministratore');
    expect(ok).toMatchObject({ dueSoonDays: 3, patronDay: '12-07', moveOnHoliday: false });
    await t.syncAll();
    expect(await b.call<CaseSettingsDto>('cases.settings', {}, 'responsabile')).toMatchObject({ dueSoonDays: 3, patronDay: '12-07' });
  });
});

describe('libro firma', () => {
  it('a document of a case goes to the Mayor, comes back for clarification; both desks and the case timeline show it', async () => {
    const c = await a.call<CaseDto>('cases.open', { typeCode: 'patrocinio', title: 'Patrocinio per il concerto di Natale', requester: { name: 'Banda civica' } }, 'segreteria');
    const urgent = await a.call<SignatureItemDto>('signature.submit', { title: 'Decreto di concessione del patrocinio', caseId: c.id, priority: 'urgente' }, 'segreteria');
    await a.call<SignatureItemDto>('signature.submit', { title: 'Lettera di ringraziamento', notes: 'Nessuna fretta' }, 'segreteria');
    expect(urgent).toMatchObject({ state: 'in_attesa', submittedByName: 'Sara Segreteria', caseId: c.id });
    await t.syncAll();

    const waiting = await b.call<SignatureItemDto[]>('signature.list', { state: 'in_attesa' }, 'responsabile');
    expect(waiting.map((i) => i.title)).toEqual(['Decreto di concessione del patrocinio', 'Lettera di ringraziamento']);
    const back = await b.call<SignatureItemDto>('signature.decide', { id: urgent.id, outcome: 'chiarimenti', clarification: "Manca il parere dell'ufficio cultura" }, 'responsabile');
    expect(back).toMatchObject({ state: 'chiarimenti', clarification: "Manca il parere dell'ufficio cultura", decidedByName: 'Roberto Responsabile' });
    const twice = await b.call('signature.decide', { id: urgent.id, outcome: 'firmato' }, 'responsabile').then(() => null, (e: unknown) => e);
    expect((twice as AppError).code).toBe('VALIDATION');
    await t.syncAll();

    expect((await a.call<SignatureItemDto[]>('signature.list', {}, 'segreteria')).map((i) => [i.title, i.state])).toEqual([
      ['Lettera di ringraziamento', 'in_attesa'],
      ['Decreto di concessione del patrocinio', 'chiarimenti'],
    ]);
    const timeline = await a.call<CaseWithEvents>('cases.get', { caseId: c.id }, 'segreteria');
    expect(timeline.events.filter((e) => e.kind === 'nota').map((e) => e.text)).toEqual([
      '«Decreto di concessione del patrocinio» inviato alla firma del Sindaco',
      "«Decreto di concessione del patrocinio» rinviato all'ufficio per chiarimenti: Manca il parere dell'ufficio cultura",
    ]);
    expect(keysOf(a, 'signature_items')).toEqual(keysOf(b, 'signature_items'));
    expect(keysOf(a, 'case_events')).toEqual(keysOf(b, 'case_events'));
  });
});
