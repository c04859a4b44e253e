import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/contract/errors';
import {
  allowedTransitions,
  assertSuspend,
  assertTransition,
  canTransition,
  caseStateLabels,
  caseStates,
  isOpenState,
  resumeTarget,
  type CaseState,
} from '../../../src/shared/domain/cases/states';

function validationMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VALIDATION');
    return (err as AppError).message;
  }
  throw new Error('expected a VALIDATION AppError');
}

describe('case states', () => {
  it('walks the ordinary path ricevuta → … → archiviata', () => {
    const path: CaseState[] = ['ricevuta', 'assegnata', 'in_istruttoria', 'risposta_in_preparazione', 'risposta_inviata', 'chiusa', 'archiviata'];
    for (let i = 1; i < path.length; i += 1) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('lets every open state close (without a reply) and only a closed case be archived', () => {
    for (const s of caseStates) {
      expect(canTransition(s, 'chiusa')).toBe(isOpenState(s));
      expect(canTransition(s, 'archiviata')).toBe(s === 'chiusa');
    }
    expect(isOpenState('sospesa')).toBe(true);
    expect(allowedTransitions('archiviata')).toEqual([]);
  });

  it('never enters or leaves sospesa by an ordinary transition (except closing)', () => {
    for (const s of caseStates) expect(canTransition(s, 'sospesa')).toBe(false);
    expect(allowedTransitions('sospesa')).toEqual(['chiusa']);
  });

  it('refuses skipping steps, going back after the reply, and staying put', () => {
    expect(canTransition('ricevuta', 'risposta_inviata')).toBe(false);
    expect(canTransition('risposta_inviata', 'in_istruttoria')).toBe(false);
    expect(canTransition('chiusa', 'in_istruttoria')).toBe(false);
    expect(canTransition('assegnata', 'assegnata')).toBe(false);
  });

  it('allows withdrawing an assignment and a draft reply', () => {
    expect(canTransition('assegnata', 'ricevuta')).toBe(true);
    expect(canTransition('risposta_in_preparazione', 'in_istruttoria')).toBe(true);
  });

  it('assertTransition passes allowed moves and explains refused ones in Italian', () => {
    expect(() => assertTransition('ricevuta', 'assegnata')).not.toThrow();
    expect(validationMessage(() => assertTransition('ricevuta', 'risposta_inviata'))).toBe(
      'Passaggio di stato non consentito: da «Ricevuta» a «Risposta inviata».',
    );
    expect(validationMessage(() => assertTransition('in_istruttoria', 'sospesa'))).toMatch(/«Sospendi» e «Riprendi»/);
    expect(validationMessage(() => assertTransition('sospesa', 'in_istruttoria'))).toMatch(/«Sospendi» e «Riprendi»/);
    expect(validationMessage(() => assertTransition('chiusa', 'chiusa'))).toBe('La pratica è già nello stato «Chiusa».');
  });

  it('suspends only before the reply is sent, and resumes to the remembered state', () => {
    for (const s of ['ricevuta', 'assegnata', 'in_istruttoria', 'risposta_in_preparazione'] as const) expect(() => assertSuspend(s)).not.toThrow();
    expect(validationMessage(() => assertSuspend('sospesa'))).toMatch(/già sospesa/);
    expect(validationMessage(() => assertSuspend('risposta_inviata'))).toMatch(/«Risposta inviata»/);
    expect(resumeTarget('sospesa', 'in_istruttoria')).toBe('in_istruttoria');
    expect(validationMessage(() => resumeTarget('in_istruttoria', 'assegnata'))).toMatch(/non è sospesa/);
    expect(validationMessage(() => resumeTarget('sospesa', 'chiusa'))).toMatch(/non valido/);
  });

  it('labels every state in Italian', () => {
    expect(Object.keys(caseStateLabels)).toEqual([...caseStates]);
    expect(caseStateLabels.in_istruttoria).toBe('In istruttoria');
    expect(caseStateLabels.ricevuta).toBe('Ricevuta');
  });
});
