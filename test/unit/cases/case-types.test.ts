import { describe, expect, it } from 'vitest';
import {
  caseTypeCodes,
  caseTypeRule,
  defaultCaseSettings,
  defaultCaseTypes,
  isCaseTypeCode,
} from '../../../src/shared/domain/cases/case-types';

describe('seeded case types (DOMAIN.md, Terms)', () => {
  it('has exactly one active rule per code, in the order of the codes', () => {
    expect(defaultCaseTypes.map((t) => t.code)).toEqual([...caseTypeCodes]);
    for (const t of defaultCaseTypes) {
      expect(t.active).toBe(true);
      expect(t.name.length).toBeGreaterThan(2);
      expect(t.legalBasis.length).toBeGreaterThan(2);
    }
  });

  it('gives 30 days to every type with a legal or statutory term, none to invito and altro', () => {
    for (const t of defaultCaseTypes) expect(t.termDays).toBe(t.code === 'invito' || t.code === 'altro' ? null : 30);
  });

  it('gives silence a meaning only for accesso documentale (rigetto, L. 241/1990 art. 25 c.4)', () => {
    expect(defaultCaseTypes.filter((t) => t.silence !== 'nessuno').map((t) => [t.code, t.silence])).toEqual([['accesso_documentale', 'rigetto']]);
    expect(caseTypeRule('accesso_documentale').legalBasis).toMatch(/L\. 241\/1990 art\. 25/);
  });

  it('caps the controinteressati suspension of accesso civico generalizzato at 10 days (D.lgs 33/2013 art. 5 c.5)', () => {
    const g = caseTypeRule('accesso_civico_generalizzato');
    expect(g).toMatchObject({ name: 'Accesso civico generalizzato', maxSuspensionDays: 10 });
    expect(g.legalBasis).toMatch(/D\.lgs 33\/2013 art\. 5/);
  });

  it('finds a configured rule first, the seeded one otherwise', () => {
    const edited = [{ ...caseTypeRule('petizione'), termDays: 60 }];
    expect(caseTypeRule('petizione', edited).termDays).toBe(60);
    expect(caseTypeRule('istanza', edited).termDays).toBe(30);
  });

  it('recognises codes', () => {
    expect(isCaseTypeCode('patrocinio')).toBe(true);
    expect(isCaseTypeCode('reclamo')).toBe(false);
  });

  it('defaults: terms do not move on holidays, no patron day, 7 days for "in scadenza", patronage 10–45', () => {
    expect(defaultCaseSettings).toEqual({ moveOnHoliday: false, patronDay: null, dueSoonDays: 7, patronageMinDaysBefore: 10, patronageMaxDaysBefore: 45 });
  });
});
