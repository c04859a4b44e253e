import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { AgendaPersonDto, CeremonyTemplateDto, RoomDto, personUpsertInput, roomUpsertInput, templateUpsertInput } from '../../../shared/contract/agenda';
import { derivedId } from '../../../shared/domain/agenda/reducer';
import { templateOccurrence } from '../../../shared/domain/agenda/templates';
import type { DocTable } from '../../../shared/sync/protocol';
import { listDocs, loadDoc, saveDoc } from '../../db/docs';
import { mergeFields, recordFieldVersions } from '../../sync/field-merge';
import type { MutationCtx } from '../../sync/mutation-handler';
import { uuidv7 } from '../../../shared/domain/ids';

/**
 * The agenda's settings: people whose agenda the office keeps, representation rooms and the
 * annual ceremony templates. Edits from two desks merge field by field like the address book.
 */
async function upsertDoc<T extends { id: string; version: number }>(ctx: MutationCtx, table: DocTable, id: string, fields: Omit<T, 'id' | 'version'>): Promise<T> {
  const current = await loadDoc<T>(ctx.tx, table, id, { forUpdate: true });
  if (!current) return (await saveDoc(ctx, table, { ...fields, id } as unknown as T)) as T;
  const proposals = Object.entries(fields).map(([field, next]) => ({ field, current: (current as Record<string, unknown>)[field], next }));
  const merge = await mergeFields(ctx, table, id, proposals);
  if (merge.apply.size === 0) {
    // Nothing applied: the stored row goes out again so an optimistic desk converges back.
    ctx.changes.add(table, id, current, current.version);
    return current;
  }
  const accepted = Object.fromEntries(Object.entries(fields).filter(([k]) => merge.apply.has(k)));
  const { version, ...rest } = current;
  const stored = (await saveDoc(ctx, table, { ...rest, ...accepted, id } as unknown as T, { previousVersion: version })) as T;
  await recordFieldVersions(ctx, table, id, merge.apply, stored.version);
  return stored;
}

const idOf = (ctx: MutationCtx, id: string | undefined) => id ?? derivedId(ctx.mutationId ?? uuidv7(ctx.now.getTime()), 0);

export function upsertPerson(ctx: MutationCtx, input: z.output<typeof personUpsertInput>): Promise<AgendaPersonDto> {
  const { id, ...fields } = input;
  return upsertDoc<AgendaPersonDto>(ctx, 'agenda_people', idOf(ctx, id), fields);
}

export function upsertRoom(ctx: MutationCtx, input: z.output<typeof roomUpsertInput>): Promise<RoomDto> {
  const { id, ...fields } = input;
  return upsertDoc<RoomDto>(ctx, 'rooms', idOf(ctx, id), fields);
}

/** A template's key names one ceremony: two templates with the same key would both be instantiated. */
export async function upsertTemplate(ctx: MutationCtx, input: z.output<typeof templateUpsertInput>): Promise<CeremonyTemplateDto> {
  const { id: given, ...fields } = input;
  const id = idOf(ctx, given);
  // 29 February and the like: refused with the template's own message, checked on a leap year.
  templateOccurrence({ ...fields }, 2028);
  const clash = await listDocs<CeremonyTemplateDto>(ctx.tx, 'ceremony_templates', sql`data->>'key' = ${fields.key} and id <> ${id}`);
  if (clash.length > 0) throw new AppError('VALIDATION', `Esiste già un modello di cerimonia con la chiave «${fields.key}».`);
  return upsertDoc<CeremonyTemplateDto>(ctx, 'ceremony_templates', id, fields);
}
