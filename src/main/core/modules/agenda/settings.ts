import type { z } from 'zod';
import {
  AppError,
  type AgendaPersonDto,
  type CeremonyTemplateDto,
  type instantiateTemplatesInput,
  type personUpsertInput,
  type RoomDto,
  type roomUpsertInput,
  type SessionUser,
  type templateUpsertInput,
} from '../../../../shared/contract';
import { romeLocalToInstant, templateOccurrence } from '../../../../shared/domain/agenda';
import { uuidv7 } from '../../../../shared/domain/ids';
import type { DeskDeps } from '../../deps';
import { applyMutation } from '../../write/apply-mutation';
import { agendaPeople, findPerson, findRoom, findTemplate, listTemplates, templateKeysInYear } from './repository';
import { afterAgendaWrite, precheck } from './service';

/**
 * The agenda's settings (people whose agenda the office keeps, representation rooms, the annual
 * ceremonies) and the creation of the year's ceremonies from the templates.
 */

export function upsertPerson(d: DeskDeps, input: z.output<typeof personUpsertInput>, user: SessionUser): AgendaPersonDto {
  const id = input.id ?? uuidv7(d.clock().getTime());
  const before = findPerson(d.db, id);
  applyMutation(d.db, 'agenda.upsertPerson', { ...input, id }, user, { now: d.clock(), baseVersions: before ? { [`agenda_people:${id}`]: before.version } : {} });
  afterAgendaWrite(d);
  return findPerson(d.db, id)!;
}

export function upsertRoom(d: DeskDeps, input: z.output<typeof roomUpsertInput>, user: SessionUser): RoomDto {
  const id = input.id ?? uuidv7(d.clock().getTime());
  const before = findRoom(d.db, id);
  applyMutation(d.db, 'agenda.upsertRoom', { ...input, id }, user, { now: d.clock(), baseVersions: before ? { [`rooms:${id}`]: before.version } : {} });
  afterAgendaWrite(d);
  return findRoom(d.db, id)!;
}

export function upsertTemplate(d: DeskDeps, input: z.output<typeof templateUpsertInput>, user: SessionUser): CeremonyTemplateDto {
  const id = input.id ?? uuidv7(d.clock().getTime());
  const before = findTemplate(d.db, id);
  applyMutation(d.db, 'agenda.upsertTemplate', { ...input, id }, user, { now: d.clock(), baseVersions: before ? { [`ceremony_templates:${id}`]: before.version } : {} });
  afterAgendaWrite(d);
  return findTemplate(d.db, id)!;
}

/**
 * The year's annual ceremonies: one agenda.create per active template whose ceremony is not in
 * the agenda yet (matched by template key within the year), on the Sindaco's agenda unless told.
 * A template whose date does not exist that year (29 February) is skipped.
 */
export function instantiateTemplates(d: DeskDeps, input: z.output<typeof instantiateTemplatesInput>, user: SessionUser): { created: number; skipped: number } {
  const agendaOf = input.agendaOf ?? agendaPeople(d.db).find((p) => p.role === 'sindaco' && p.active)?.id ?? null;
  if (input.agendaOf && !findPerson(d.db, input.agendaOf)) throw new AppError('VALIDATION', 'La persona indicata non è tra le agende gestite.');
  const existing = templateKeysInYear(d.db, romeLocalToInstant(`${input.year}-01-01T00:00`), romeLocalToInstant(`${input.year + 1}-01-01T00:00`));
  let created = 0;
  let skipped = 0;
  for (const t of listTemplates(d.db).filter((x) => x.active)) {
    if (existing.has(t.key)) {
      skipped++;
      continue;
    }
    let when: { start: string; end: string };
    try {
      when = templateOccurrence(t, input.year);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      skipped++;
      continue;
    }
    const now = d.clock();
    const mutationId = uuidv7(now.getTime());
    const args = {
      id: uuidv7(now.getTime()), kind: t.kind, title: t.title, start: when.start, end: when.end, allDay: false, rrule: null,
      visibility: t.visibility, agendaOf, roomId: null, address: null, counterpart: null, foreign: false, participants: [],
      staffContact: null, notes: t.notes || null, attachments: [], entryIds: [], caseIds: [], organiser: null, services: [],
      templateKey: t.key, invitationId: null, ambiguous: 'earlier' as const,
    };
    precheck(d, { name: 'agenda.create', args }, user, now.toISOString(), mutationId);
    applyMutation(d.db, 'agenda.create', args, user, { now, mutationId });
    existing.add(t.key);
    created++;
  }
  if (created > 0) afterAgendaWrite(d);
  return { created, skipped };
}
