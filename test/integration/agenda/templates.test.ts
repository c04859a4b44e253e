import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaOccurrenceDto, AgendaPersonDto, CeremonyTemplateDto, GeneratedFile, IndicatorsResult } from '../../../src/shared/contract';
import { defaultCeremonyTemplates } from '../../../src/shared/domain/agenda';
import { createDesks, type Desks, type TestDesk } from '../sync/desks';
import { agendaWorld, type AgendaWorld } from './helpers';

let t: Desks;
let a: TestDesk;
let b: TestDesk;
let w: AgendaWorld;
beforeAll(async () => {
  t = await createDesks(2);
  [a, b] = t.desks as [TestDesk, TestDesk];
  await b.login('cerimoniale');
  w = await agendaWorld(a);
  await t.syncAll();
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('annual ceremonies and the public agenda', () => {
  it('the Sindaco seeded by the server is renamed, not doubled', async () => {
    const people = await b.call<AgendaPersonDto[]>('agenda.people', {}, 'cerimoniale');
    expect(people.map((p) => [p.name, p.role])).toEqual([['Marco Gallo', 'sindaco'], ['Elena Marchetti', 'assessore']]);
  });

  it('creates the year’s ceremonies from the templates once, on the Sindaco’s agenda', async () => {
    const templates = await b.call<CeremonyTemplateDto[]>('agenda.templates', {}, 'cerimoniale');
    expect(templates.map((x) => x.key).sort()).toEqual(defaultCeremonyTemplates.map((x) => x.key).sort());
    const liberazione = templates.find((x) => x.key === 'festa-della-liberazione')!;
    await b.call('agenda.upsertTemplate', { ...liberazione, time: '09:30', notes: 'Corteo da piazza Garibaldi' }, 'cerimoniale');
    const first = await b.call<{ created: number; skipped: number }>('agenda.instantiateTemplates', { year: 2027 }, 'cerimoniale');
    expect(first).toEqual({ created: templates.length, skipped: 0 });
    expect(await b.call('agenda.instantiateTemplates', { year: 2027 }, 'cerimoniale')).toEqual({ created: 0, skipped: templates.length });
    await t.syncAll();
    // The other desk knows them too: it skips them all.
    expect(await a.call('agenda.instantiateTemplates', { year: 2027 }, 'segreteria')).toEqual({ created: 0, skipped: templates.length });
    const april = await a.call<AgendaOccurrenceDto[]>('agenda.range', { from: '2027-04-25T00:00', to: '2027-04-26T00:00' }, 'segreteria');
    expect(april).toMatchObject([{ title: 'Festa della Liberazione', start: '2027-04-25T09:30', end: '2027-04-25T11:30', kind: 'cerimonia', visibility: 'pubblico', agendaOf: w.mayor.id, notes: 'Corteo da piazza Garibaldi' }]);
    const ics = Buffer.from((await a.call<GeneratedFile>('agenda.exportIcs', { from: '2027-01-01', to: '2027-12-31' }, 'segreteria')).base64, 'base64').toString('utf8');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(templates.length);
    expect(ics).toContain('DTSTART;TZID=Europe/Rome:20270425T093000');
    expect(ics).not.toContain('Corteo');
  });

  it('foreign delegations in the agenda count in the indicators of the cases', async () => {
    const visit = (title: string, day: string, foreign: boolean) =>
      a.call('agenda.create', { kind: 'visita_delegazione', title, start: `${day}T10:00`, end: `${day}T12:00`, agendaOf: w.mayor.id, foreign, counterpart: title }, 'segreteria');
    await visit('Delegazione della città di Lione', '2027-03-10', true);
    await visit('Delegazione di Tokyo', '2027-05-12', true);
    await visit('Sindaci della provincia', '2027-05-13', false);
    expect((await a.call<IndicatorsResult>('cases.indicators', { year: 2027 }, 'segreteria')).foreignDelegations).toBe(2);
    expect((await a.call<IndicatorsResult>('cases.indicators', { year: 2027, month: 5 }, 'segreteria')).foreignDelegations).toBe(1);
  });
});
