import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { caseTermView, daysLeftLabel, termText } from '../../../src/renderer/features/cases/case-format';
import { draftCorrespondentOf, draftHasWork, replyDraftOf } from '../../../src/renderer/features/cases/reply-link';
import { CaseTable } from '../../../src/renderer/features/cases/CaseTable';
import { CaseCountCards } from '../../../src/renderer/features/cases/CaseCountCards';
import { parseRoute, routeHref } from '../../../src/renderer/lib/route';
import { emptyDraft } from '../../../src/renderer/features/protocol/register-draft';
import { signatureOrder } from '../../../src/renderer/features/signature/signature-format';
import type { CaseListItem, Correspondent } from '../../../src/shared/contract';

const settings = { dueSoonDays: 7 };

describe('term in words', () => {
  it('counts days left and overdue days in Italian, singular and plural', () => {
    expect(daysLeftLabel('in_termine', 12)).toBe('scade tra 12 giorni');
    expect(daysLeftLabel('in_scadenza', 1)).toBe('scade tra 1 giorno');
    expect(daysLeftLabel('in_scadenza', 0)).toBe('scade oggi');
    expect(daysLeftLabel('scaduto', -1)).toBe('scaduta da 1 giorno');
    expect(daysLeftLabel('scaduto', -9)).toBe('scaduta da 9 giorni');
    // Nothing to count for a suspended, closed or term-less case.
    expect(daysLeftLabel('sospeso', 4)).toBeNull();
    expect(termText('chiuso', null)).toBe('Chiuso');
  });

  it('derives status, days left and the matured silence from the pure rules', () => {
    const rigetto = { silence: 'rigetto' as const };
    expect(caseTermView({ dueOn: '2026-03-31', state: 'in_istruttoria' }, rigetto, settings, '2026-03-20')).toEqual({ status: 'in_termine', daysLeft: 11, silence: null, silenceSince: null });
    expect(caseTermView({ dueOn: '2026-03-31', state: 'in_istruttoria' }, rigetto, settings, '2026-03-31')).toMatchObject({ status: 'in_scadenza', daysLeft: 0, silence: null });
    // Art. 25 c.4 L. 241/1990: refused from the day after the due date.
    expect(caseTermView({ dueOn: '2026-03-31', state: 'in_istruttoria' }, rigetto, settings, '2026-04-03')).toEqual({ status: 'scaduto', daysLeft: -3, silence: 'rigetto', silenceSince: '2026-04-01' });
    expect(caseTermView({ dueOn: '2026-03-31', state: 'chiusa' }, rigetto, settings, '2026-04-03')).toEqual({ status: 'chiuso', daysLeft: null, silence: null, silenceSince: null });
    expect(caseTermView({ dueOn: null, state: 'sospesa' }, rigetto, settings, '2026-04-03').status).toBe('sospeso');
  });
});

describe('reply draft for Registra', () => {
  const requester: Correspondent = { contactId: null, name: 'Federica Gallo', kind: 'persona', pec: null, email: 'f.gallo@example.it', ipaCode: null, address: null };
  const known: Correspondent = { ...requester, contactId: '0190a0b0-0000-7000-8000-000000000001', name: 'Pro Loco' };

  it('keeps address-book contacts by id and creates the others', () => {
    expect(draftCorrespondentOf(known, 0)).toMatchObject({ contactId: known.contactId, name: 'Pro Loco' });
    expect(draftCorrespondentOf(requester, 1)).toMatchObject({ newContact: { name: 'Federica Gallo', kind: 'persona', email: 'f.gallo@example.it', pec: '' } });
  });

  it('is an outgoing draft with the oggetto, the recipients and the classification', () => {
    const d = replyDraftOf({ direction: 'uscita', oggetto: 'Accesso agli atti', correspondents: [requester], classificationCode: 'VI.3' }, 'Edilizia privata');
    expect(d).toMatchObject({ direction: 'uscita', oggetto: 'Accesso agli atti', classification: { code: 'VI.3', title: 'Edilizia privata' } });
    expect(d.correspondents).toHaveLength(1);
    expect(draftHasWork(d)).toBe(true);
    expect(draftHasWork(emptyDraft())).toBe(false);
  });
});

describe('case screens markup', () => {
  const item: CaseListItem = {
    id: '0190a0b0-0000-7000-8000-0000000000aa', typeCode: 'accesso_documentale', typeName: 'Accesso documentale', title: 'Accesso agli atti',
    requesterName: 'Federica Gallo', receivedOn: '2026-02-01', dueOn: '2026-03-03', state: 'in_istruttoria', termStatus: 'scaduto', daysLeft: -2,
    ownerName: 'Maria Rossi', officeName: 'Segreteria', silence: 'rigetto', priority: 'normale',
  };

  it('marks the sorted column with aria-sort and writes the term in words', () => {
    const html = renderToStaticMarkup(<CaseTable items={[item]} sort={{ by: 'dueOn', dir: 'desc', onSort: () => undefined }} />);
    expect(html).toMatch(/<th scope="col" aria-sort="descending"><button type="button" class="g-sort">Scadenza/);
    expect(html.match(/aria-sort=/g)).toHaveLength(1);
    expect(html).toContain('Scaduto — scaduta da 2 giorni');
    expect(html).toContain('Silenzio-rigetto maturato');
    expect(html).toContain(`href="#/pratiche/${item.id}"`);
  });

  it('count cards are toggles with their state exposed', () => {
    const html = renderToStaticMarkup(<CaseCountCards counts={{ open: 5, overdue: 2, dueSoon: 1, suspended: 0 }} selected="scaduto" onSelect={() => undefined} />);
    expect(html).toMatch(/aria-pressed="true" data-count="overdue"><span class="g-count-num">2<\/span><span class="g-count-label">Scadute/);
    expect(html.match(/aria-pressed="false"/g)).toHaveLength(3);
  });
});

describe('routes and libro firma order', () => {
  it('parses and builds the case routes', () => {
    expect(parseRoute('#/pratiche')).toEqual({ screen: 'pratiche' });
    expect(parseRoute('#/pratiche/abc')).toEqual({ screen: 'pratica', id: 'abc' });
    expect(routeHref({ screen: 'pratica', id: 'a b' })).toBe('#/pratiche/a%20b');
    expect(parseRoute('#/libro-firma')).toEqual({ screen: 'libro-firma' });
    expect(parseRoute('#/amministrazione/pratiche')).toEqual({ screen: 'amministrazione', tab: 'pratiche' });
  });

  it('puts the most urgent first, then the oldest', () => {
    const items = [
      { priority: 'normale' as const, submittedAt: '2026-01-01T08:00:00Z' },
      { priority: 'urgentissima' as const, submittedAt: '2026-01-03T08:00:00Z' },
      { priority: 'urgente' as const, submittedAt: '2026-01-02T08:00:00Z' },
      { priority: 'urgente' as const, submittedAt: '2026-01-01T09:00:00Z' },
    ];
    expect([...items].sort(signatureOrder).map((i) => `${i.priority}@${i.submittedAt.slice(8, 10)}`)).toEqual(['urgentissima@03', 'urgente@01', 'urgente@02', 'normale@01']);
  });
});
