import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/contract/errors';
import { expandSeries } from '../../../src/shared/domain/agenda/recurrence';
import { defaultCeremonyTemplates, templateOccurrence, templateSeries, type CeremonyTemplate } from '../../../src/shared/domain/agenda/templates';

describe('annual ceremony templates', () => {
  it('seeds the national days and a patron saint placeholder', () => {
    const byDate = defaultCeremonyTemplates.map((t) => `${t.day}/${t.month} ${t.title}`);
    expect(byDate).toEqual(
      expect.arrayContaining([
        '27/1 Giorno della Memoria',
        '10/2 Giorno del Ricordo',
        '25/4 Festa della Liberazione',
        '2/6 Festa della Repubblica',
        '4/11 Giorno dell’Unità Nazionale e Giornata delle Forze Armate',
      ]),
    );
    const patron = defaultCeremonyTemplates.find((t) => t.key === 'santo-patrono');
    expect(patron?.datePlaceholder).toBe(true);
    expect(new Set(defaultCeremonyTemplates.map((t) => t.key)).size).toBe(defaultCeremonyTemplates.length);
    for (const t of defaultCeremonyTemplates) expect([t.kind, t.visibility]).toEqual(['cerimonia', 'pubblico']);
  });

  it('places a template in a year with its duration, and as a yearly series', () => {
    const liberazione = defaultCeremonyTemplates.find((t) => t.key === 'festa-della-liberazione');
    if (!liberazione) throw new Error('missing template');
    expect(templateOccurrence(liberazione, 2026)).toEqual({ start: '2026-04-25T10:00', end: '2026-04-25T12:00' });
    const series = templateSeries(liberazione, 2025, 'lib');
    expect(expandSeries(series, [], { from: '2025-01-01T00:00', to: '2028-01-01T00:00' }).map((o) => o.start)).toEqual([
      '2025-04-25T10:00',
      '2026-04-25T10:00',
      '2027-04-25T10:00',
    ]);
  });

  it('refuses a date that does not exist in the year', () => {
    const leapDay: CeremonyTemplate = { key: 'x', title: 'Prova', month: 2, day: 29, time: '10:00', durationMinutes: 60, kind: 'cerimonia', visibility: 'pubblico', notes: '' };
    expect(templateOccurrence(leapDay, 2028).start).toBe('2028-02-29T10:00');
    expect(() => templateOccurrence(leapDay, 2027)).toThrow(AppError);
    expect(() => templateOccurrence(leapDay, 2027)).toThrow(/non ha una data valida nel 2027/);
  });
});
