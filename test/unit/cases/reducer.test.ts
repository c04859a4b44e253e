import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/contract/errors';
import { caseOpenInput, type CaseDto, type CaseTypeDto } from '../../../src/shared/contract/cases';
import { defaultCaseSettings, defaultCaseTypes, type CaseTypeCode } from '../../../src/shared/domain/cases/case-types';
import { derivedId, recomputeTerm, reduceCase, reduceTermChange, type CaseAction, type CaseEntryInfo, type CaseReduceCtx } from '../../../src/shared/domain/cases/reducer';

const OFFICE = '01900000-0000-7000-8000-0000000000a1';
const OTHER_OFFICE = '01900000-0000-7000-8000-0000000000a2';
const ANNA = '01900000-0000-7000-8000-0000000000b1';
const BRUNO = '01900000-0000-7000-8000-0000000000b2';
const ENTRY = '01900000-0000-7000-8000-0000000000c1';
const REPLY = '01900000-0000-7000-8000-0000000000c2';
const CASE = '01900000-0000-7000-8000-0000000000d1';
const names: Record<string, string> = { [OFFICE]: 'Ufficio Gabinetto', [OTHER_OFFICE]: 'Ufficio Cultura', [ANNA]: 'Anna Rossi', [BRUNO]: 'Bruno Bianchi' };

function typeDto(code: CaseTypeCode, patch: Partial<CaseTypeDto> = {}): CaseTypeDto {
  const rule = defaultCaseTypes.find((r) => r.code === code)!;
  return { ...rule, id: code, version: 1, ...patch };
}

const requestEntry: CaseEntryInfo = {
  id: ENTRY,
  label: '2025/0000042',
  direction: 'entrata',
  legalDate: '2025-03-03',
  oggetto: 'Richiesta di accesso agli atti del cantiere di via Roma',
  requester: { contactId: null, name: 'Rossi Mario' },
  classificationCode: 'I.6',
};
const replyEntry: CaseEntryInfo = { ...requestEntry, id: REPLY, label: '2025/0000050', direction: 'uscita', legalDate: '2025-03-20', oggetto: 'Risposta' };

let seq = 0;
function ctx(patch: Partial<CaseReduceCtx> = {}): CaseReduceCtx {
  seq += 1;
  return {
    now: '2025-03-20T09:00:00.000Z',
    today: '2025-03-20',
    actor: { id: ANNA, name: 'Anna Rossi', officeId: OFFICE },
    mutationId: `01950000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    type: typeDto('accesso_civico_generalizzato'),
    settings: { ...defaultCaseSettings, id: 'singleton', version: 1 },
    names: { office: (id) => (id === OFFICE || id === OTHER_OFFICE ? names[id]! : null), user: (id) => (id === ANNA || id === BRUNO ? names[id]! : null) },
    entry: null,
    ...patch,
  };
}

const bruno = { id: BRUNO, name: 'Bruno Bianchi', officeId: OFFICE };

function openCase(args: Record<string, unknown> = {}, patch: Partial<CaseReduceCtx> = {}): CaseDto {
  const input = caseOpenInput.parse({ id: CASE, typeCode: 'accesso_civico_generalizzato', entryId: ENTRY, ...args });
  return reduceCase(null, { name: 'cases.open', args: input }, ctx({ entry: requestEntry, ...patch })).next;
}

function run(c: CaseDto, action: CaseAction, patch: Partial<CaseReduceCtx> = {}) {
  return reduceCase(c, action, ctx(patch));
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VALIDATION');
    return (err as AppError).message;
  }
  throw new Error('expected a VALIDATION AppError');
}

/** A case assigned to the office per competenza and taken in charge by Anna. */
function inCharge(): CaseDto {
  const assigned = run(openCase(), { name: 'cases.assign', args: { caseId: CASE, kind: 'competenza', assigneeType: 'ufficio', assigneeId: OFFICE, replaceCompetenza: false } }).next;
  return run(assigned, { name: 'cases.takeCharge', args: { caseId: CASE } }).next;
}

describe('derivedId', () => {
  it('is a valid, deterministic UUID that keeps the time prefix of a UUIDv7 mutation', () => {
    const m = '0195a1b2-c3d4-7000-8000-000000000001';
    const a = derivedId(m, 0);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.startsWith('0195a1b2-c3d4-')).toBe(true);
    expect(derivedId(m, 0)).toBe(a);
    const many = new Set(Array.from({ length: 2000 }, (_, i) => derivedId(m, i)));
    expect(many.size).toBe(2000);
    expect(derivedId('0195a1b2-c3d4-7000-8000-000000000002', 0)).not.toBe(a);
    expect(() => derivedId(m, -1)).toThrow(RangeError);
  });
});

describe('reduceCase: opening', () => {
  it('opens from a registered entry: title, requester, receipt, link and term from it', () => {
    const c = openCase();
    expect(c).toMatchObject({
      id: CASE,
      title: requestEntry.oggetto,
      requester: { name: 'Rossi Mario' },
      receivedOn: '2025-03-03',
      state: 'ricevuta',
      dueOn: '2025-04-02',
      links: [{ entryId: ENTRY, role: 'richiesta', label: '2025/0000042', direction: 'entrata' }],
      createdBy: ANNA,
    });
  });

  it('uses the emergency date as the legal start of the term (art. 63)', () => {
    const c = openCase({}, { entry: { ...requestEntry, label: 'E/2025/SEGR01/0000003', legalDate: '2025-02-27' } });
    expect(c.receivedOn).toBe('2025-02-27');
    expect(c.dueOn).toBe('2025-03-29');
  });

  it('derives the case id and the event ids from the mutation: desk and server agree', () => {
    const c1 = ctx({ entry: requestEntry });
    const input = caseOpenInput.parse({ typeCode: 'accesso_civico_generalizzato', entryId: ENTRY });
    const a = reduceCase(null, { name: 'cases.open', args: input }, c1);
    const b = reduceCase(null, { name: 'cases.open', args: input }, { ...c1 });
    expect(a).toEqual(b);
    expect(a.next.id).toBe(derivedId(c1.mutationId, 0));
    expect(a.events.map((e) => e.id)).toEqual([derivedId(c1.mutationId, 1)]);
    expect(a.events[0]).toMatchObject({ kind: 'aperta', caseId: a.next.id, by: ANNA });
    expect(a.events[0]!.text).toContain('02/04/2025');
  });

  it('opens a standalone case received today, and a type without term', () => {
    const c = reduceCase(null, { name: 'cases.open', args: caseOpenInput.parse({ typeCode: 'invito', title: 'Invito alla festa del patrono' }) }, ctx({ type: typeDto('invito') })).next;
    expect(c).toMatchObject({ receivedOn: '2025-03-20', dueOn: null, links: [], requester: null });
  });

  it('refuses impossible openings in Italian', () => {
    expect(refusal(() => openCase({}, { type: typeDto('accesso_civico_generalizzato', { active: false }) }))).toContain('non è più attivo');
    expect(refusal(() => openCase({ receivedOn: '2025-03-21' }))).toContain('non può essere successiva a oggi');
    expect(refusal(() => openCase({ entryId: undefined }))).toContain("oggetto");
    expect(refusal(() => openCase({}, { entry: null }))).toContain('Registrazione di protocollo non trovata');
    expect(refusal(() => openCase({ patronage: { eventTitle: 'Sagra', eventDate: '2025-05-01', place: 'Piazza' } }))).toContain('patrocinio');
    const c = openCase();
    expect(refusal(() => reduceCase(c, { name: 'cases.open', args: caseOpenInput.parse({ id: CASE, typeCode: 'accesso_civico_generalizzato', title: 'x' }) }, ctx()))).toContain('Esiste già');
  });

  it('answers NOT_FOUND for an action on a missing case', () => {
    expect(() => reduceCase(null, { name: 'cases.takeCharge', args: { caseId: CASE } }, ctx())).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('reduceCase: assignments', () => {
  it('assigns per competenza (ricevuta → assegnata) and per conoscenza (no state change)', () => {
    const r = run(openCase(), { name: 'cases.assign', args: { caseId: CASE, kind: 'conoscenza', assigneeType: 'utente', assigneeId: BRUNO, replaceCompetenza: false } });
    expect(r.next.state).toBe('ricevuta');
    const a = run(r.next, { name: 'cases.assign', args: { caseId: CASE, kind: 'competenza', assigneeType: 'ufficio', assigneeId: OFFICE, replaceCompetenza: false, note: 'urgente' } });
    expect(a.next).toMatchObject({ state: 'assegnata', officeId: OFFICE, officeName: 'Ufficio Gabinetto' });
    expect(a.next.assignments[1]).toMatchObject({ kind: 'competenza', assigneeName: 'Ufficio Gabinetto', state: 'assegnato', byName: 'Anna Rossi' });
    expect(a.events[0]!.text).toBe('Assegnata per competenza a Ufficio Gabinetto — urgente');
  });

  it('refuses a duplicate assignment and an unknown office', () => {
    const a = run(openCase(), { name: 'cases.assign', args: { caseId: CASE, kind: 'competenza', assigneeType: 'ufficio', assigneeId: OFFICE, replaceCompetenza: false } }).next;
    expect(refusal(() => run(a, { name: 'cases.assign', args: { caseId: CASE, kind: 'competenza', assigneeType: 'ufficio', assigneeId: OFFICE, replaceCompetenza: false } }))).toContain('già assegnata');
    const ghost = '01900000-0000-7000-8000-0000000000ff';
    expect(refusal(() => run(a, { name: 'cases.assign', args: { caseId: CASE, kind: 'conoscenza', assigneeType: 'ufficio', assigneeId: ghost, replaceCompetenza: false } }))).toBe('Ufficio non trovato.');
  });

  it('reassigns keeping history: the old competenza is revoked and the owner released', () => {
    const c = inCharge();
    const r = run(c, { name: 'cases.assign', args: { caseId: CASE, kind: 'competenza', assigneeType: 'ufficio', assigneeId: OTHER_OFFICE, replaceCompetenza: true } });
    expect(r.next.assignments.map((a) => a.state)).toEqual(['revocato', 'assegnato']);
    expect(r.next).toMatchObject({ ownerId: null, officeId: OTHER_OFFICE, state: 'in_istruttoria' });
    expect(r.events[0]!.text).toContain('Riassegnata per competenza a Ufficio Cultura (prima: Ufficio Gabinetto)');
  });

  it('takes in charge: one owner, the office assignment taken, assegnata → in istruttoria', () => {
    const c = inCharge();
    expect(c).toMatchObject({ ownerId: ANNA, ownerName: 'Anna Rossi', state: 'in_istruttoria' });
    expect(c.assignments[0]!.state).toBe('preso_in_carico');
    expect(refusal(() => run(c, { name: 'cases.takeCharge', args: { caseId: CASE } }))).toContain('già in carico');
    // A colleague of the same office may take it over (the server turns a race into a conflict).
    const over = run(c, { name: 'cases.takeCharge', args: { caseId: CASE } }, { actor: bruno });
    expect(over.next.ownerName).toBe('Bruno Bianchi');
    expect(over.events[0]!.text).toBe('Presa in carico da Bruno Bianchi (prima: Anna Rossi)');
  });

  it('takes an unassigned case directly, and refuses one assigned to another office', () => {
    const direct = run(openCase(), { name: 'cases.takeCharge', args: { caseId: CASE } });
    expect(direct.next.state).toBe('in_istruttoria');
    expect(direct.next.assignments).toEqual([expect.objectContaining({ kind: 'competenza', assigneeType: 'utente', assigneeId: ANNA, state: 'preso_in_carico' })]);
    // A colleague takes over a directly taken case: the first one's own taking is superseded.
    const over = run(direct.next, { name: 'cases.takeCharge', args: { caseId: CASE } }, { actor: { ...bruno, officeId: null } }).next;
    expect(over.assignments.map((a) => [a.assigneeId, a.state])).toEqual([[ANNA, 'revocato'], [BRUNO, 'preso_in_carico']]);
    const elsewhere = run(openCase(), { name: 'cases.assign', args: { caseId: CASE, kind: 'competenza', assigneeType: 'ufficio', assigneeId: OTHER_OFFICE, replaceCompetenza: false } }).next;
    expect(refusal(() => run(elsewhere, { name: 'cases.takeCharge', args: { caseId: CASE } }))).toContain('assegnata per competenza a Ufficio Cultura');
  });

  it('refuses an assignment with a reason (back to ricevuta), only when it is yours', () => {
    const a = run(openCase(), { name: 'cases.assign', args: { caseId: CASE, kind: 'competenza', assigneeType: 'ufficio', assigneeId: OFFICE, replaceCompetenza: false } }).next;
    const id = a.assignments[0]!.id;
    expect(refusal(() => run(a, { name: 'cases.refuse', args: { caseId: CASE, assignmentId: id, reason: 'no' } }, { actor: { id: BRUNO, name: 'Bruno', officeId: OTHER_OFFICE } }))).toContain(
      'solo un\'assegnazione a te o al tuo ufficio',
    );
    const r = run(a, { name: 'cases.refuse', args: { caseId: CASE, assignmentId: id, reason: 'Non è di nostra competenza' } });
    expect(r.next).toMatchObject({ state: 'ricevuta', officeId: null });
    expect(r.next.assignments[0]).toMatchObject({ state: 'rifiutato', reason: 'Non è di nostra competenza' });
    expect(r.events[0]!.text).toBe('Assegnazione per competenza a Ufficio Gabinetto rifiutata: Non è di nostra competenza');
    expect(refusal(() => run(r.next, { name: 'cases.refuse', args: { caseId: CASE, assignmentId: id, reason: 'ancora' } }))).toContain('già stata rifiutata');
  });
});

describe('reduceCase: terms, suspension and resumption', () => {
  it('worked example: received 2025-03-03, due 2025-04-02; suspended 10–16 March, due 2025-04-08', () => {
    const c = inCharge();
    const s = run(c, { name: 'cases.suspend', args: { caseId: CASE, reason: 'controinteressati', from: '2025-03-10' } });
    expect(s.next).toMatchObject({ state: 'sospesa', stateBeforeSuspension: 'in_istruttoria', dueOn: null });
    expect(s.events[0]!.text).toContain('Termine sospeso dal 10/03/2025: Notifica ai controinteressati (al massimo 10 giorni');
    const r = run(s.next, { name: 'cases.resume', args: { caseId: CASE, on: '2025-03-16' } });
    expect(r.next).toMatchObject({ state: 'in_istruttoria', stateBeforeSuspension: null, dueOn: '2025-04-08', suspendedDays: 6 });
    expect(r.next.suspensions).toEqual([{ from: '2025-03-10', to: '2025-03-16', reason: 'controinteressati' }]);
    expect(r.events[0]!.text).toContain('nuova scadenza 08/04/2025');
  });

  it('counts at most 10 days for controinteressati (D.lgs 33/2013 art. 5 c.5)', () => {
    const s = run(inCharge(), { name: 'cases.suspend', args: { caseId: CASE, reason: 'controinteressati', from: '2025-03-04' } }).next;
    const r = run(s, { name: 'cases.resume', args: { caseId: CASE, on: '2025-03-19' } }).next;
    expect(r).toMatchObject({ suspendedDays: 10, dueOn: '2025-04-12' });
  });

  it('restarts the whole term from a corrected irregular request', () => {
    const s = run(inCharge(), { name: 'cases.suspend', args: { caseId: CASE, reason: 'richiesta_irregolare', from: '2025-03-05' } }).next;
    const r = run(s, { name: 'cases.resume', args: { caseId: CASE, on: '2025-03-12' } });
    expect(r.next.dueOn).toBe('2025-04-11');
    expect(r.events[0]!.text).toContain('riparte da capo');
  });

  it('refuses resuming a case that is not suspended, suspending twice or in the future, after the term', () => {
    const c = inCharge();
    expect(refusal(() => run(c, { name: 'cases.resume', args: { caseId: CASE } }))).toContain('non è sospesa');
    const s = run(c, { name: 'cases.suspend', args: { caseId: CASE, reason: 'parere' } }).next;
    expect(refusal(() => run(s, { name: 'cases.suspend', args: { caseId: CASE, reason: 'parere' } }))).toContain('è già sospesa');
    expect(refusal(() => run(c, { name: 'cases.suspend', args: { caseId: CASE, reason: 'parere', from: '2025-03-25' } }))).toContain('successiva a oggi');
    expect(refusal(() => run(c, { name: 'cases.suspend', args: { caseId: CASE, reason: 'parere', from: '2025-04-10' } }, { today: '2025-04-20' }))).toContain('dopo la scadenza');
    expect(refusal(() => run(s, { name: 'cases.resume', args: { caseId: CASE, on: '2025-03-01' } }))).toContain('prima di iniziare');
  });

  it('recomputes open cases when the type rule changes, with a timeline event', () => {
    const c = inCharge();
    const longer = ctx({ type: typeDto('accesso_civico_generalizzato', { termDays: 45 }) });
    const r = reduceTermChange(c, longer)!;
    expect(r.next.dueOn).toBe('2025-04-17');
    expect(r.events[0]).toMatchObject({ kind: 'termine_ricalcolato', caseId: CASE, data: { before: '2025-04-02', after: '2025-04-17' } });
    expect(r.events[0]!.text).toBe('Scadenza ricalcolata per la modifica della configurazione: da 02/04/2025 a 17/04/2025');
    expect(reduceTermChange(c, ctx())).toBeNull();
    // Moving terms off holidays: 2025-04-20 is Easter Sunday, 21 Easter Monday.
    const easter = recomputeTerm({ ...c, receivedOn: '2025-03-21' }, typeDto('accesso_civico_generalizzato'), { ...defaultCaseSettings, moveOnHoliday: true, id: 'singleton', version: 1 });
    expect(easter.dueOn).toBe('2025-04-22');
  });
});

describe('reduceCase: states, reply and closing', () => {
  it('moves by allowed transitions only, explaining a refusal', () => {
    const c = inCharge();
    expect(refusal(() => run(c, { name: 'cases.transition', args: { caseId: CASE, to: 'archiviata' } }))).toBe(
      'Passaggio di stato non consentito: da «In istruttoria» a «Archiviata».',
    );
    const r = run(c, { name: 'cases.transition', args: { caseId: CASE, to: 'risposta_in_preparazione', note: 'bozza pronta' } });
    expect(r.next.state).toBe('risposta_in_preparazione');
    expect(r.events[0]).toMatchObject({ kind: 'stato', text: 'Stato: da «In istruttoria» a «Risposta in preparazione» — bozza pronta' });
  });

  it('withdrawing an assignment (assegnata → ricevuta) revokes it', () => {
    const a = run(openCase(), { name: 'cases.assign', args: { caseId: CASE, kind: 'competenza', assigneeType: 'ufficio', assigneeId: OFFICE, replaceCompetenza: false } }).next;
    const r = run(a, { name: 'cases.transition', args: { caseId: CASE, to: 'ricevuta' } }).next;
    expect(r).toMatchObject({ state: 'ricevuta', officeId: null });
    expect(r.assignments[0]!.state).toBe('revocato');
  });

  it('links a reply (risposta in preparazione), then sends it and closes', () => {
    const c = inCharge();
    const linked = run(c, { name: 'cases.linkEntry', args: { caseId: CASE, entryId: REPLY, role: 'risposta' } }, { entry: replyEntry });
    expect(linked.next.state).toBe('risposta_in_preparazione');
    expect(linked.events.map((e) => e.kind)).toEqual(['collegata', 'stato']);
    expect(refusal(() => run(linked.next, { name: 'cases.linkEntry', args: { caseId: CASE, entryId: REPLY, role: 'altro' } }, { entry: replyEntry }))).toContain('già collegata');
    const sent = run(linked.next, { name: 'cases.replySent', args: { caseId: CASE, entryId: REPLY, close: true } }, { entry: replyEntry });
    expect(sent.next).toMatchObject({ state: 'chiusa', replyEntryId: REPLY, repliedOn: '2025-03-20', closedOn: '2025-03-20' });
    expect(sent.next.links).toHaveLength(2);
    expect(sent.events.map((e) => e.text)).toEqual(['Risposta inviata il 20/03/2025 con la registrazione 2025/0000050', "Pratica chiusa con l'invio della risposta"]);
    const archived = run(sent.next, { name: 'cases.archive', args: { caseId: CASE } });
    expect(archived.next.state).toBe('archiviata');
    const other = { ...requestEntry, id: '01900000-0000-7000-8000-0000000000c3' };
    expect(refusal(() => run(archived.next, { name: 'cases.linkEntry', args: { caseId: CASE, entryId: other.id, role: 'altro' } }, { entry: other }))).toContain('archiviata');
  });

  it('refuses a reply before taking charge, an incoming entry as reply, archiving an open case', () => {
    const fresh = openCase();
    expect(refusal(() => run(fresh, { name: 'cases.replySent', args: { caseId: CASE, entryId: REPLY, close: false } }, { entry: replyEntry }))).toContain('prendi prima in carico');
    const c = inCharge();
    expect(refusal(() => run(c, { name: 'cases.replySent', args: { caseId: CASE, entryId: REPLY, close: false } }, { entry: { ...replyEntry, direction: 'entrata' } }))).toContain('in uscita');
    expect(refusal(() => run(c, { name: 'cases.archive', args: { caseId: CASE } }))).toContain('non consentito');
  });

  it('closing a suspended case ends the suspension on the closing day', () => {
    const s = run(inCharge(), { name: 'cases.suspend', args: { caseId: CASE, reason: 'parere', from: '2025-03-10' } }).next;
    const r = run(s, { name: 'cases.close', args: { caseId: CASE, note: 'Rinuncia del richiedente' } });
    expect(r.next).toMatchObject({ state: 'chiusa', closedOn: '2025-03-20', closingNote: 'Rinuncia del richiedente', stateBeforeSuspension: null, dueOn: '2025-04-12' });
    expect(r.next.suspensions[0]!.to).toBe('2025-03-20');
    expect(refusal(() => run(r.next, { name: 'cases.suspend', args: { caseId: CASE, reason: 'parere' } }))).toContain('Chiusa');
  });

  it('a note becomes a timeline line', () => {
    const r = run(inCharge(), { name: 'cases.addNote', args: { caseId: CASE, text: 'Telefonato al richiedente' } });
    expect(r.events).toEqual([expect.objectContaining({ kind: 'nota', text: 'Telefonato al richiedente', at: '2025-03-20T09:00:00.000Z' })]);
  });
});

describe('reduceCase: patronage and hearings', () => {
  const patronageCtx = { type: typeDto('patrocinio') };
  function patronage(eventDate: string): CaseDto {
    const args = caseOpenInput.parse({ id: CASE, typeCode: 'patrocinio', title: 'Patrocinio sagra', receivedOn: '2025-03-15', patronage: { eventTitle: 'Sagra', eventDate, place: 'Piazza Grande' } });
    return reduceCase(null, { name: 'cases.open', args }, ctx(patronageCtx)).next;
  }

  it('flags a late application but still lets the Giunta decide it, once', () => {
    const c = patronage('2025-03-20');
    const upd = run(c, { name: 'cases.updatePatronage', args: { caseId: CASE, checklist: { finalita: true, date: true } } }, patronageCtx);
    expect(upd.next.patronage!.checklist).toEqual({ finalita: true, date: true });
    expect(upd.events[0]!.data).toMatchObject({ lateness: 'fuori_termine' });
    const d = run(upd.next, { name: 'cases.decidePatronage', args: { caseId: CASE, by: 'giunta', outcome: 'concesso', on: '2025-03-18', act: 'Delibera di Giunta n. 40', note: null } }, patronageCtx);
    expect(d.next.patronage!.decision).toMatchObject({ by: 'giunta', outcome: 'concesso' });
    expect(d.events[0]!.text).toBe('Patrocinio concesso dalla Giunta il 18/03/2025 (Delibera di Giunta n. 40) — richiesta fuori termine');
    expect(refusal(() => run(d.next, { name: 'cases.decidePatronage', args: { caseId: CASE, by: 'sindaco', outcome: 'negato', on: '2025-03-19', act: null, note: null } }, patronageCtx))).toContain('già stata decisa');
  });

  it('refuses unknown checklist items and patronage actions on other types', () => {
    const c = patronage('2025-04-20');
    expect(refusal(() => run(c, { name: 'cases.updatePatronage', args: { caseId: CASE, checklist: { colore: true } } }, patronageCtx))).toContain('colore');
    expect(refusal(() => run(inCharge(), { name: 'cases.updatePatronage', args: { caseId: CASE, staffReport: 'x' } }))).toContain('patrocinio');
  });

  it('moves hearing stages forward one at a time', () => {
    const hctx = { type: typeDto('udienza') };
    const c = reduceCase(null, { name: 'cases.open', args: caseOpenInput.parse({ id: CASE, typeCode: 'udienza', title: 'Udienza per il mercato', hearingTopic: 'Mercato rionale' }) }, ctx(hctx)).next;
    expect(c.hearing).toMatchObject({ stage: 'richiesta', topic: 'Mercato rionale' });
    expect(refusal(() => run(c, { name: 'cases.advanceHearing', args: { caseId: CASE, to: 'calendarizzata', scheduledAt: '2025-04-01T10:00' } }, hctx))).toContain('una alla volta');
    const i = run(c, { name: 'cases.advanceHearing', args: { caseId: CASE, to: 'istruttoria' } }, hctx).next;
    expect(refusal(() => run(i, { name: 'cases.advanceHearing', args: { caseId: CASE, to: 'calendarizzata' } }, hctx))).toContain('data e ora');
    const s = run(i, { name: 'cases.advanceHearing', args: { caseId: CASE, to: 'calendarizzata', scheduledAt: '2025-04-01T10:00' } }, hctx);
    expect(s.events[0]!.text).toBe('Udienza: Calendarizzata (2025-04-01 10:00)');
    expect(refusal(() => run(s.next, { name: 'cases.advanceHearing', args: { caseId: CASE, to: 'istruttoria' } }, hctx))).toContain('solo avanti');
  });
});
