import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/contract/errors';
import { defaultCaseSettings, defaultCaseTypes } from '../../../src/shared/domain/cases/case-types';
import { computeTerm, type Suspension, type TermInput } from '../../../src/shared/domain/cases/deadlines';

const noMove: TermInput['settings'] = { moveOnHoliday: false, patronDay: null };
const move: TermInput['settings'] = { moveOnHoliday: true, patronDay: null };

function term(partial: Partial<TermInput> & Pick<TermInput, 'receivedOn'>) {
  return computeTerm({ termDays: 30, suspensions: [], settings: noMove, ...partial });
}

/** Asserts a VALIDATION AppError whose Italian message matches. */
function expectValidation(fn: () => unknown, message: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe('VALIDATION');
  expect((caught as AppError).message).toMatch(message);
}

describe('computeTerm — worked examples of DOMAIN.md', () => {
  it('accesso civico received 2025-03-03 with 30 days is due 2025-04-02 (receipt day not counted)', () => {
    expect(term({ receivedOn: '2025-03-03' })).toEqual({
      dueOn: '2025-04-02',
      suspendedDays: 0,
      suspendedNow: false,
      termStartsOn: '2025-03-03',
      resumesBy: null,
    });
  });

  it('a closed 6-day suspension (2025-03-10 to 2025-03-16, to exclusive) moves it to 2025-04-08', () => {
    const r = term({ receivedOn: '2025-03-03', suspensions: [{ from: '2025-03-10', to: '2025-03-16', reason: 'controinteressati' }] });
    expect(r.dueOn).toBe('2025-04-08');
    expect(r.suspendedDays).toBe(6);
    expect(r.suspendedNow).toBe(false);
  });

  it('uses the seeded term of the type (accesso civico generalizzato: 30 days)', () => {
    const rule = defaultCaseTypes.find((t) => t.code === 'accesso_civico_generalizzato')!;
    const r = computeTerm({ receivedOn: '2025-03-03', termDays: rule.termDays, suspensions: [], settings: defaultCaseSettings });
    expect(r.dueOn).toBe('2025-04-02');
  });
});

describe('computeTerm — suspensions', () => {
  it('adds several closed suspensions (to exclusive: a same-day resume adds nothing)', () => {
    const suspensions: Suspension[] = [
      { from: '2025-03-05', to: '2025-03-08', reason: 'parere' },
      { from: '2025-03-08', to: '2025-03-10', reason: 'altro', note: 'adjacent is not overlapping' },
      { from: '2025-03-20', to: '2025-03-20', reason: 'parere' },
    ];
    const r = term({ receivedOn: '2025-03-03', suspensions });
    expect(r.suspendedDays).toBe(5);
    expect(r.dueOn).toBe('2025-04-07');
  });

  it('while a suspension is open: suspendedNow, dueOn null (no provisional date: the function is pure)', () => {
    const r = term({
      receivedOn: '2025-03-03',
      suspensions: [
        { from: '2025-03-05', to: '2025-03-07', reason: 'parere' },
        { from: '2025-03-10', to: null, reason: 'parere' },
      ],
    });
    expect(r).toEqual({ dueOn: null, suspendedDays: 2, suspendedNow: true, termStartsOn: '2025-03-03', resumesBy: null });
  });

  it('caps a controinteressati suspension at maxSuspensionDays (D.lgs 33/2013 art. 5 c.5: 10 days)', () => {
    const long = { from: '2025-03-10', to: '2025-03-30', reason: 'controinteressati' } as const;
    expect(term({ receivedOn: '2025-03-03', suspensions: [long], maxSuspensionDays: 10 })).toMatchObject({ suspendedDays: 10, dueOn: '2025-04-12' });
    // Without a cap (or for another reason) the whole recorded suspension counts.
    expect(term({ receivedOn: '2025-03-03', suspensions: [long] }).suspendedDays).toBe(20);
    expect(term({ receivedOn: '2025-03-03', suspensions: [{ ...long, reason: 'parere' }], maxSuspensionDays: 10 }).suspendedDays).toBe(20);
  });

  it('tells when an open capped suspension ends by law (resumesBy)', () => {
    const r = term({ receivedOn: '2025-03-03', suspensions: [{ from: '2025-03-10', to: null, reason: 'controinteressati' }], maxSuspensionDays: 10 });
    expect(r).toMatchObject({ dueOn: null, suspendedNow: true, resumesBy: '2025-03-20' });
  });

  it('accepts a suspension starting on the receipt day or on the due day itself', () => {
    expect(term({ receivedOn: '2025-03-03', suspensions: [{ from: '2025-03-03', to: '2025-03-05', reason: 'parere' }] }).dueOn).toBe('2025-04-04');
    expect(term({ receivedOn: '2025-03-03', suspensions: [{ from: '2025-04-02', to: '2025-04-04', reason: 'parere' }] }).dueOn).toBe('2025-04-04');
  });

  it('a case type with no term still reports the suspension state', () => {
    const r = term({ receivedOn: '2025-03-03', termDays: null, suspensions: [{ from: '2025-03-10', to: '2025-03-12', reason: 'altro' }] });
    expect(r).toMatchObject({ dueOn: null, suspendedDays: 2, suspendedNow: false });
    expect(term({ receivedOn: '2025-03-03', termDays: null, suspensions: [{ from: '2025-03-10', to: null, reason: 'altro' }] }).suspendedNow).toBe(true);
  });
});

describe('computeTerm — richiesta irregolare restarts the term (L. 241/1990 art. 25; DPR 184/2006 art. 6 c.5)', () => {
  it('runs the whole term again from the corrected request, discarding the days before', () => {
    // Received 2025-03-03, found irregular on 2025-03-12, corrected request on 2025-03-20.
    const r = term({ receivedOn: '2025-03-03', suspensions: [{ from: '2025-03-12', to: '2025-03-20', reason: 'richiesta_irregolare' }] });
    expect(r).toEqual({ dueOn: '2025-04-19', suspendedDays: 0, suspendedNow: false, termStartsOn: '2025-03-20', resumesBy: null });
  });

  it('forgets earlier suspensions but counts later ones', () => {
    const r = term({
      receivedOn: '2025-03-03',
      suspensions: [
        { from: '2025-03-04', to: '2025-03-09', reason: 'parere' },
        { from: '2025-03-12', to: '2025-03-20', reason: 'richiesta_irregolare' },
        { from: '2025-03-25', to: '2025-03-28', reason: 'parere' },
      ],
    });
    expect(r.termStartsOn).toBe('2025-03-20');
    expect(r.suspendedDays).toBe(3);
    expect(r.dueOn).toBe('2025-04-22');
  });

  it('while waiting for the correction the clock is stopped', () => {
    const r = term({ receivedOn: '2025-03-03', suspensions: [{ from: '2025-03-12', to: null, reason: 'richiesta_irregolare' }] });
    expect(r).toMatchObject({ dueOn: null, suspendedNow: true, termStartsOn: '2025-03-03', resumesBy: null });
  });

  it('a suspension after the restart is checked against the new term', () => {
    const suspensions: Suspension[] = [
      { from: '2025-03-12', to: '2025-03-20', reason: 'richiesta_irregolare' },
      { from: '2025-04-10', to: '2025-04-12', reason: 'parere' }, // after the old due date, before the new one
    ];
    expect(term({ receivedOn: '2025-03-03', suspensions }).dueOn).toBe('2025-04-21');
  });
});

describe('computeTerm — a term ending on a Sunday or holiday (setting moveOnHoliday)', () => {
  /** Due exactly on `day` with a 30-day term. */
  const dueAt = (day: string, settings = move) =>
    computeTerm({ receivedOn: new Date(Date.parse(`${day}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10), termDays: 30, suspensions: [], settings }).dueOn;

  it.each([
    ['25 aprile 2025 (Friday)', '2025-04-25', '2025-04-26'],
    ['1 maggio 2025', '2025-05-01', '2025-05-02'],
    ['2 giugno 2025', '2025-06-02', '2025-06-03'],
    ['15 agosto 2025 (Friday)', '2025-08-15', '2025-08-16'],
    ['1 novembre 2025 (Saturday), then a Sunday', '2025-11-01', '2025-11-03'],
    ['8 dicembre 2025', '2025-12-08', '2025-12-09'],
    ['25 dicembre 2025, then Santo Stefano', '2025-12-25', '2025-12-27'],
    ['26 dicembre 2025', '2025-12-26', '2025-12-27'],
    ['1 gennaio 2026', '2026-01-01', '2026-01-02'],
    ['6 gennaio 2026', '2026-01-06', '2026-01-07'],
    ['Easter Monday 2025', '2025-04-21', '2025-04-22'],
    ['Easter Sunday 2025', '2025-04-20', '2025-04-22'],
    ['4 ottobre 2027 (L. 151/2025)', '2027-10-04', '2027-10-05'],
    ['an ordinary Sunday', '2025-03-09', '2025-03-10'],
  ])('%s moves to the next working day', (_name, holiday, expected) => {
    expect(dueAt(holiday)).toBe(expected);
    expect(dueAt(holiday, noMove)).toBe(holiday);
  });

  it('keeps a Saturday (a working day for administrative terms)', () => {
    expect(dueAt('2025-03-08')).toBe('2025-03-08');
  });

  it("moves past the patron saint's day only when it is configured (Sant'Ambrogio, 12-07)", () => {
    expect(dueAt('2026-12-07', { moveOnHoliday: true, patronDay: '12-07' })).toBe('2026-12-09');
    expect(dueAt('2026-12-07', move)).toBe('2026-12-07');
  });

  it('moves the final date only, after the suspensions', () => {
    // 2025-03-26 + 30 = 2025-04-25 (holiday) only because of a 2-day suspension.
    const r = computeTerm({ receivedOn: '2025-03-24', termDays: 30, suspensions: [{ from: '2025-03-25', to: '2025-03-27', reason: 'parere' }], settings: move });
    expect(r).toMatchObject({ dueOn: '2025-04-26', suspendedDays: 2 });
  });
});

describe('computeTerm — bad input is a VALIDATION error in Italian', () => {
  it('refuses overlapping suspensions', () => {
    expectValidation(
      () => term({ receivedOn: '2025-03-03', suspensions: [{ from: '2025-03-05', to: '2025-03-10', reason: 'parere' }, { from: '2025-03-09', to: '2025-03-12', reason: 'altro' }] }),
      /si sovrappongono/,
    );
  });

  it('refuses suspensions out of chronological order', () => {
    expectValidation(
      () => term({ receivedOn: '2025-03-03', suspensions: [{ from: '2025-03-15', to: '2025-03-16', reason: 'parere' }, { from: '2025-03-05', to: '2025-03-06', reason: 'altro' }] }),
      /ordine cronologico/,
    );
  });

  it('refuses a suspension ending before it starts', () => {
    expectValidation(() => term({ receivedOn: '2025-03-03', suspensions: [{ from: '2025-03-10', to: '2025-03-09', reason: 'parere' }] }), /prima di iniziare/);
  });

  it('refuses a suspension before the receipt', () => {
    expectValidation(() => term({ receivedOn: '2025-03-03', suspensions: [{ from: '2025-03-01', to: '2025-03-04', reason: 'parere' }] }), /prima del ricevimento/);
  });

  it('refuses a further suspension while one is still open', () => {
    expectValidation(
      () => term({ receivedOn: '2025-03-03', suspensions: [{ from: '2025-03-05', to: null, reason: 'parere' }, { from: '2025-03-09', to: '2025-03-10', reason: 'altro' }] }),
      /ancora aperta/,
    );
  });

  it('refuses a suspension of a term that has already expired', () => {
    expectValidation(() => term({ receivedOn: '2025-03-03', suspensions: [{ from: '2025-04-03', to: '2025-04-05', reason: 'parere' }] }), /dopo la scadenza del termine \(2025-04-02\)/);
  });

  it('refuses impossible dates and negative terms', () => {
    expectValidation(() => term({ receivedOn: '2025-02-30' }), /Data non valida/);
    expectValidation(() => term({ receivedOn: '2025-03-03', suspensions: [{ from: '2025-03-32', to: null, reason: 'parere' }] }), /Data non valida/);
    expectValidation(() => term({ receivedOn: '2025-03-03', termDays: -1 }), /Termine non valido/);
  });
});
