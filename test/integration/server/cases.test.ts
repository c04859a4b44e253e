import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDto, CaseSettingsDto, CaseTypeDto } from '../../../src/shared/contract/cases';
import { caseTypeCodes } from '../../../src/shared/domain/cases/case-types';
import { derivedId } from '../../../src/shared/domain/cases/reducer';
import { uuidv7 } from '../../../src/shared/domain/ids';
import type { RecoveryResult } from '../../../src/server/modules/emergency/recovery';
import { seedCaseDefaultsOnStart } from '../../../src/server/modules/cases/seed';
import { registerArgs } from './harness';
import { startCaseWorld, type CaseWorld } from './cases-harness';

let w: CaseWorld | undefined;
afterEach(async () => {
  await w?.t.close();
  w = undefined;
});

describe('cases on the register server', () => {
  it('seeds the case types and settings at setup, and the missing ones at start', async () => {
    w = await startCaseWorld();
    const desk = await w.desk('segreteria');
    const types = await desk.rows<CaseTypeDto>('case_types');
    expect([...types.keys()].sort()).toEqual([...caseTypeCodes].sort());
    expect(types.get('accesso_documentale')).toMatchObject({ termDays: 30, silence: 'rigetto', version: 1 });
    expect((await desk.rows<CaseSettingsDto>('case_settings')).get('singleton')).toMatchObject({ dueSoonDays: 7, moveOnHoliday: false });
    const writer = w.t.server.context.writer;
    expect(await seedCaseDefaultsOnStart(writer, new Date())).toBe(0);
    // An installation from before a type existed: only the missing row is added, by pull.
    await writer.db.execute(sql`delete from case_types where id = 'udienza'`);
    expect(await seedCaseDefaultsOnStart(writer, new Date())).toBe(1);
    expect((await desk.rows<CaseTypeDto>('case_types')).get('udienza')).toMatchObject({ name: 'Richiesta di udienza col Sindaco' });
  });

  it('opens from a registered entry and walks assign → take → suspend → resume → reply → close', async () => {
    w = await startCaseWorld();
    let desk = await w.desk('segreteria');
    const entry = await desk.register({ oggetto: 'Accesso civico agli atti del cantiere' });
    const id = uuidv7();
    const opened = await desk.ok('cases.open', { id, typeCode: 'accesso_civico_generalizzato', entryId: entry.id });
    expect(opened).toMatchObject({
      title: 'Accesso civico agli atti del cantiere',
      requester: { name: 'Rossi Mario' },
      receivedOn: '2025-03-03',
      dueOn: '2025-04-02',
      state: 'ricevuta',
      links: [{ entryId: entry.id, role: 'richiesta', label: '2025/0000001' }],
      version: 1,
    });
    const assigned = await desk.ok('cases.assign', { caseId: id, kind: 'competenza', assigneeType: 'ufficio', assigneeId: w.officeId });
    expect(assigned).toMatchObject({ state: 'assegnata', officeName: 'Ufficio Gabinetto' });
    const taken = await desk.ok('cases.takeCharge', { caseId: id });
    expect(taken).toMatchObject({ state: 'in_istruttoria', ownerName: 'Sara Segreteria' });
    // Days pass: the session of the morning has expired, the clerk logs in again.
    w.clock.set('2025-03-10T08:00:00.000Z');
    desk = await w.desk('segreteria');
    expect(await desk.ok('cases.suspend', { caseId: id, reason: 'controinteressati' })).toMatchObject({ state: 'sospesa', dueOn: null });
    w.clock.set('2025-03-16T08:00:00.000Z');
    desk = await w.desk('segreteria');
    expect(await desk.ok('cases.resume', { caseId: id })).toMatchObject({ state: 'in_istruttoria', dueOn: '2025-04-08', suspendedDays: 6 });
    const reply = await desk.register({ direction: 'uscita', oggetto: 'Risposta alla richiesta di accesso' });
    const closed = await desk.ok('cases.replySent', { caseId: id, entryId: reply.id, close: true });
    expect(closed).toMatchObject({ state: 'chiusa', replyEntryId: reply.id, repliedOn: '2025-03-16', closedOn: '2025-03-16' });
    const timeline = await desk.events(id);
    expect(timeline.map((e) => e.kind)).toEqual(['aperta', 'assegnata', 'presa_in_carico', 'sospesa', 'ripresa', 'risposta', 'chiusa']);
    expect(timeline[4]!.text).toContain('nuova scadenza 08/04/2025');
    expect((await desk.rows<CaseDto>('cases')).get(id)).toMatchObject({ state: 'chiusa', version: closed.version });
  });

  it('refuses an assignment with a reason, back to be assigned', async () => {
    w = await startCaseWorld();
    const desk = await w.desk('protocollista');
    const id = uuidv7();
    await desk.ok('cases.open', { id, typeCode: 'istanza', title: 'Istanza per un passo carrabile' });
    const assigned = await desk.ok('cases.assign', { caseId: id, kind: 'competenza', assigneeType: 'utente', assigneeId: w.users.protocollista.id });
    const refused = await desk.ok('cases.refuse', { caseId: id, assignmentId: assigned.assignments[0]!.id, reason: "Competenza dell'Ufficio Tecnico" });
    expect(refused.state).toBe('ricevuta');
    expect(refused.assignments[0]).toMatchObject({ state: 'rifiutato', reason: "Competenza dell'Ufficio Tecnico" });
  });

  it('opens from an emergency entry with the emergency date as legal date (art. 63)', async () => {
    w = await startCaseWorld();
    const desk = await w.desk('protocollista');
    const sessionId = uuidv7();
    await desk.ok('emergency.open', {
      id: sessionId,
      deviceId: 'laptop-1',
      deviceCode: 'POST01',
      cause: 'Server non raggiungibile',
      startedAt: '2025-02-27T15:00:00.000Z',
      authoriser: { kind: 'manuale', name: 'Roberto Responsabile', act: 'Provvedimento n. 3/2025', preauthorisationId: null },
    });
    const entryId = uuidv7();
    const mark = { number: 'E/2025/POST01/0000001', year: 2025, deviceCode: 'POST01', seq: 1, sessionId, registeredAt: '2025-02-27T16:00:00.000Z' };
    await desk.ok<RecoveryResult>('protocol.registerEmergency', { entry: registerArgs({ id: entryId, oggetto: 'Petizione per il parco' }), emergency: mark });
    const c = await desk.ok('cases.open', { typeCode: 'petizione', entryId });
    expect(c).toMatchObject({ receivedOn: '2025-02-27', dueOn: '2025-03-29', title: 'Petizione per il parco' });
  });

  it('changing a type recomputes its open cases (not the closed ones) and writes an audit row', async () => {
    w = await startCaseWorld();
    const desk = await w.desk('segreteria');
    const [open, closed, other] = [uuidv7(), uuidv7(), uuidv7()];
    await desk.ok('cases.open', { id: open, typeCode: 'interrogazione', title: 'Interrogazione sul trasporto scolastico' });
    await desk.ok('cases.open', { id: closed, typeCode: 'interrogazione', title: 'Interrogazione sulle mense' });
    await desk.ok('cases.close', { caseId: closed, note: 'Ritirata dal consigliere' });
    await desk.ok('cases.open', { id: other, typeCode: 'istanza', title: 'Istanza' });
    expect((await desk.refused('cases.updateType', { code: 'interrogazione', termDays: 20 })).code).toBe('FORBIDDEN');
    const admin = await w.desk('admin');
    const type = await admin.ok<CaseTypeDto>('cases.updateType', { code: 'interrogazione', termDays: 20, legalBasis: 'Regolamento del Consiglio comunale art. 30' });
    expect(type).toMatchObject({ termDays: 20, version: 2 });
    const cases = await desk.rows<CaseDto>('cases');
    expect(cases.get(open)).toMatchObject({ dueOn: '2025-03-23', version: 2 });
    expect(cases.get(closed)).toMatchObject({ dueOn: '2025-04-02' });
    expect(cases.get(other)).toMatchObject({ dueOn: '2025-04-02', version: 1 });
    const line = (await desk.events(open)).at(-1)!;
    expect(line).toMatchObject({ kind: 'termine_ricalcolato', text: 'Scadenza ricalcolata per la modifica della configurazione: da 02/04/2025 a 23/03/2025' });
    const audit = [...(await admin.rows<Record<string, unknown>>('config_audit')).values()];
    expect(audit).toEqual([
      expect.objectContaining({ entity: 'case_type', key: 'interrogazione', byName: 'Anna Amministratrice', recomputed: 1, before: expect.objectContaining({ termDays: 30 }), after: expect.objectContaining({ termDays: 20 }) }),
    ]);
    // Settings: terms ending on a holiday move (2025-04-20 is Easter Sunday, 21 Easter Monday).
    w.clock.set('2025-03-21T09:00:00.000Z');
    const [clerk, admin2] = [await w.desk('segreteria'), await w.desk('admin')];
    const easter = uuidv7();
    await clerk.ok('cases.open', { id: easter, typeCode: 'istanza', title: 'Istanza di Pasqua' });
    await admin2.ok<CaseSettingsDto>('cases.updateSettings', { moveOnHoliday: true });
    expect((await clerk.rows<CaseDto>('cases')).get(easter)).toMatchObject({ dueOn: '2025-04-22' });
  });

  it('two desks taking the same case offline: one owner and a conflict, resolvable in one click', async () => {
    w = await startCaseWorld();
    const sara = await w.desk('segreteria');
    const paola = await w.desk('protocollista');
    const id = uuidv7();
    await sara.ok('cases.open', { id, typeCode: 'segnalazione', title: 'Buca in via Garibaldi' });
    const assigned = await sara.ok('cases.assign', { caseId: id, kind: 'competenza', assigneeType: 'ufficio', assigneeId: w.officeId });
    const base = { [`cases:${id}`]: assigned.version };
    const first = await sara.ok('cases.takeCharge', { caseId: id }, base);
    expect(first.ownerName).toBe('Sara Segreteria');
    const lostM = { ...paola.mutation('cases.takeCharge', { caseId: id }), baseVersions: base };
    const lost = await paola.pushOne<CaseDto>(lostM);
    expect(lost.status).toBe('applied');
    expect(lost.result).toMatchObject({ ownerName: 'Sara Segreteria', version: first.version });
    const conflicts = [...(await paola.rows<Record<string, unknown>>('conflicts')).values()];
    expect(conflicts).toEqual([expect.objectContaining({ table: 'cases', key: id, field: 'ownerId', keptValue: w.users.segreteria.id, losingValue: w.users.protocollista.id })]);
    // The loser's optimistic event never happened: it leaves the desks as a tombstone.
    const events = await paola.rows('case_events');
    expect(events.get(derivedId(lostM.id, 0))).toBeNull();
    expect((await paola.events(id)).filter((e) => e.kind === 'presa_in_carico')).toHaveLength(1);
    const resolved = await paola.ok<Record<string, unknown>>('conflicts.resolve', { conflictId: conflicts[0]!.id, choose: 'losing' });
    expect(resolved).toMatchObject({ resolution: 'losing' });
    expect((await sara.rows<CaseDto>('cases')).get(id)).toMatchObject({ ownerName: 'Paola Protocollista' });
  });

  it('answers a retry with the stored result and never applies twice', async () => {
    w = await startCaseWorld();
    const desk = await w.desk('segreteria');
    const id = uuidv7();
    await desk.ok('cases.open', { id, typeCode: 'istanza', title: 'Istanza' });
    const m = desk.mutation('cases.addNote', { caseId: id, text: 'Telefonato al richiedente' });
    const first = await desk.pushOne(m);
    const again = await desk.pushOne(m);
    expect(again).toEqual(first);
    expect((await desk.events(id)).filter((e) => e.kind === 'nota')).toHaveLength(1);
    expect((await desk.rows<CaseDto>('cases')).get(id)!.version).toBe(2);
  });

  it('rejects impossible actions with an Italian reason and sends the case back as it is', async () => {
    w = await startCaseWorld();
    const desk = await w.desk('segreteria');
    const id = uuidv7();
    await desk.ok('cases.open', { id, typeCode: 'istanza', title: 'Istanza' });
    const m = desk.mutation('cases.resume', { caseId: id });
    const r = await desk.pushOne(m);
    expect(r.status).toBe('rejected');
    expect(r.error).toMatchObject({ code: 'VALIDATION', message: "La pratica non è sospesa: non c'è nulla da riprendere." });
    const changes = (await desk.pullAll()).filter((c) => c.key === id);
    expect(changes.length).toBe(2);
    expect(changes[1]!.row).toMatchObject({ state: 'ricevuta', version: 1 });
    expect((await desk.rows('case_events')).get(derivedId(m.id, 0))).toBeNull();
    expect((await desk.refused('cases.open', { typeCode: 'istanza', receivedOn: '2025-03-02' })).message).toBe("Indica l'oggetto della pratica.");
    expect((await desk.refused('cases.takeCharge', { caseId: uuidv7() })).code).toBe('NOT_FOUND');
    expect((await desk.refused('cases.transition', { caseId: id, to: 'archiviata' })).message).toBe('Passaggio di stato non consentito: da «Ricevuta» a «Archiviata».');
  });

  it('signature book: submitted with its case, sent back for clarification once', async () => {
    w = await startCaseWorld();
    const desk = await w.desk('segreteria');
    const caseId = uuidv7();
    await desk.ok('cases.open', { id: caseId, typeCode: 'patrocinio', title: 'Patrocinio Sagra', patronage: { eventTitle: 'Sagra', eventDate: '2025-04-10', place: 'Piazza' } });
    const item = await desk.ok<Record<string, unknown>>('signature.submit', { title: 'Decreto di patrocinio', caseId, officeId: w.officeId, priority: 'urgente' });
    expect(item).toMatchObject({ state: 'in_attesa', officeName: 'Ufficio Gabinetto', submittedByName: 'Sara Segreteria' });
    const back = await desk.ok<Record<string, unknown>>('signature.decide', { id: item.id, outcome: 'chiarimenti', clarification: 'Manca la relazione istruttoria' });
    expect(back).toMatchObject({ state: 'chiarimenti', clarification: 'Manca la relazione istruttoria', decidedByName: 'Sara Segreteria' });
    expect((await desk.refused('signature.decide', { id: item.id, outcome: 'firmato' })).message).toContain("già stato rinviato all'ufficio");
    expect((await desk.events(caseId)).map((e) => e.text)).toContain("«Decreto di patrocinio» rinviato all'ufficio per chiarimenti: Manca la relazione istruttoria");
    expect((await desk.rows<Record<string, unknown>>('signature_items')).get(String(item.id))).toMatchObject({ state: 'chiarimenti' });
  });
});
