import { describe, expect, it } from 'vitest';
import { defaultCaseSettings } from '../../../src/shared/domain/cases/case-types';
import { canAdvanceHearing, hearingStageLabels, hearingStages, nextHearingStage } from '../../../src/shared/domain/cases/hearings';
import {
  patronageChecklist,
  patronageFullyInstructed,
  patronageLateness,
  patronageMissingItems,
} from '../../../src/shared/domain/cases/patronage';

describe('patronage: when the request arrives (10–45 days before the event, bounds included)', () => {
  const s = defaultCaseSettings;

  it('is in_termine at exactly 10 and 45 days before the event', () => {
    expect(patronageLateness('2025-05-22', '2025-06-01', s)).toBe('in_termine');
    expect(patronageLateness('2025-04-17', '2025-06-01', s)).toBe('in_termine');
  });

  it('is fuori_termine with fewer than 10 days, on the event day or after it', () => {
    expect(patronageLateness('2025-05-23', '2025-06-01', s)).toBe('fuori_termine');
    expect(patronageLateness('2025-06-01', '2025-06-01', s)).toBe('fuori_termine');
    expect(patronageLateness('2025-06-05', '2025-06-01', s)).toBe('fuori_termine');
  });

  it('is troppo_anticipata with more than 45 days', () => {
    expect(patronageLateness('2025-04-16', '2025-06-01', s)).toBe('troppo_anticipata');
  });

  it('follows the configured window', () => {
    expect(patronageLateness('2025-05-22', '2025-06-01', { patronageMinDaysBefore: 20, patronageMaxDaysBefore: 60 })).toBe('fuori_termine');
  });
});

describe('patronage checklist', () => {
  const all = Object.fromEntries(patronageChecklist.map((i) => [i.key, true]));

  it('lists aims, dates, places, promotional material, non-profit status and the declaration', () => {
    expect(patronageChecklist.map((i) => i.key)).toEqual(['finalita', 'date', 'luoghi', 'materiale_promozionale', 'assenza_scopo_lucro', 'dichiarazione']);
    for (const i of patronageChecklist) expect(i.label.length).toBeGreaterThan(3);
  });

  it('is fully instructed only when every item is ticked', () => {
    expect(patronageFullyInstructed(all)).toBe(true);
    expect(patronageFullyInstructed({ ...all, luoghi: false })).toBe(false);
    const { dichiarazione: _omitted, ...missingOne } = all;
    expect(patronageFullyInstructed(missingOne)).toBe(false);
    expect(patronageFullyInstructed({})).toBe(false);
    expect(patronageFullyInstructed({ ...all, extra: false })).toBe(true);
  });

  it('names what is missing, in order', () => {
    expect(patronageMissingItems({ ...all, date: false, dichiarazione: false }).map((i) => i.key)).toEqual(['date', 'dichiarazione']);
  });
});

describe('hearing stages (udienze col Sindaco)', () => {
  it('advance one step at a time, or stay', () => {
    expect(canAdvanceHearing('richiesta', 'istruttoria')).toBe(true);
    expect(canAdvanceHearing('calendarizzata', 'calendarizzata')).toBe(true);
    expect(canAdvanceHearing('svolta', 'esito')).toBe(true);
  });

  it('never skip or go back', () => {
    expect(canAdvanceHearing('richiesta', 'calendarizzata')).toBe(false);
    expect(canAdvanceHearing('svolta', 'istruttoria')).toBe(false);
    expect(canAdvanceHearing('esito', 'richiesta')).toBe(false);
  });

  it('have Italian labels and a next stage until esito', () => {
    expect(Object.keys(hearingStageLabels)).toEqual([...hearingStages]);
    expect(nextHearingStage('istruttoria')).toBe('calendarizzata');
    expect(nextHearingStage('esito')).toBeNull();
  });
});
