import { describe, expect, it } from 'vitest';
import { termStatus, termStatusLabels, silenceMatured, type TermStatus } from '../../../src/shared/domain/cases/deadlines';
import { defaultCaseTypes } from '../../../src/shared/domain/cases/case-types';

const open = (dueOn: string | null) => ({ dueOn, suspendedNow: false, closed: false });

describe('termStatus', () => {
  it('is in_scadenza when 0 <= dueOn - today <= dueSoonDays, inclusive at both ends', () => {
    expect(termStatus(open('2025-04-02'), '2025-04-02', 7)).toBe('in_scadenza'); // last day
    expect(termStatus(open('2025-04-02'), '2025-03-26', 7)).toBe('in_scadenza'); // exactly 7 days left
    expect(termStatus(open('2025-04-02'), '2025-03-25', 7)).toBe('in_termine'); // 8 days left
  });

  it('is scaduto from the day after the due date', () => {
    expect(termStatus(open('2025-04-02'), '2025-04-03', 7)).toBe('scaduto');
    expect(termStatus(open('2025-04-02'), '2026-01-01', 7)).toBe('scaduto');
  });

  it('with dueSoonDays 0 only the due day itself is in_scadenza', () => {
    expect(termStatus(open('2025-04-02'), '2025-04-02', 0)).toBe('in_scadenza');
    expect(termStatus(open('2025-04-02'), '2025-04-01', 0)).toBe('in_termine');
  });

  it('is nessun_termine without a due date', () => {
    expect(termStatus(open(null), '2025-04-02', 7)).toBe('nessun_termine');
  });

  it('closed wins over everything, then a running suspension', () => {
    expect(termStatus({ dueOn: '2025-01-01', suspendedNow: true, closed: true }, '2025-04-02', 7)).toBe('chiuso');
    expect(termStatus({ dueOn: null, suspendedNow: true, closed: false }, '2025-04-02', 7)).toBe('sospeso');
    expect(termStatus({ dueOn: '2025-01-01', suspendedNow: true, closed: false }, '2025-04-02', 7)).toBe('sospeso');
  });

  it('has an Italian label for every status', () => {
    const all: TermStatus[] = ['nessun_termine', 'in_termine', 'in_scadenza', 'scaduto', 'sospeso', 'chiuso'];
    expect(Object.keys(termStatusLabels).sort()).toEqual([...all].sort());
    expect(termStatusLabels.in_scadenza).toBe('In scadenza');
    expect(termStatusLabels.scaduto).toBe('Scaduto');
  });
});

describe('silenceMatured', () => {
  const documentale = defaultCaseTypes.find((t) => t.code === 'accesso_documentale')!;
  const istanza = defaultCaseTypes.find((t) => t.code === 'istanza')!;

  it('accesso documentale: silence becomes rigetto the day after the due date (L. 241/1990 art. 25 c.4)', () => {
    expect(silenceMatured(documentale, '2025-04-02', '2025-04-02', false)).toBeNull();
    expect(silenceMatured(documentale, '2025-04-02', '2025-04-03', false)).toBe('rigetto');
  });

  it('says nothing for a closed case, an unknown due date or a type where silence means nothing', () => {
    expect(silenceMatured(documentale, '2025-04-02', '2025-05-01', true)).toBeNull();
    expect(silenceMatured(documentale, null, '2025-05-01', false)).toBeNull();
    expect(silenceMatured(istanza, '2025-04-02', '2025-05-01', false)).toBeNull();
  });

  it('reports silenzio-assenso for a type configured so', () => {
    expect(silenceMatured({ silence: 'assenso' }, '2025-04-02', '2025-04-10', false)).toBe('assenso');
  });
});
