import { sql } from 'drizzle-orm';
import type { AgendaPersonDto, CeremonyTemplateDto } from '../../../shared/contract/agenda';
import { defaultCeremonyTemplates } from '../../../shared/domain/agenda/templates';
import { uuidv7 } from '../../../shared/domain/ids';
import type { ChangeSet } from '../../db/change-set';
import type { Db } from '../../db/client';
import { listDocs, saveDoc } from '../../db/docs';
import type { Writer } from '../../db/write';
import { loadOrganisation } from '../organisation/setup';

/**
 * What a new agenda starts with (issue 5): the Mayor's own agenda, named just "Sindaco" until the
 * office edits it, and the annual ceremonies (editable templates). No rooms: every town hall has
 * its own. Missing defaults are added at setup and at every start, never duplicated, never
 * brought back once edited (a deactivated Sindaco or template stays as it is).
 */
export async function seedAgendaDefaults(tx: Db, changes: ChangeSet, now: Date): Promise<number> {
  // One seeder at a time, also with two servers starting on the same PostgreSQL database.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('gonfalone.agenda.defaults'))`);
  const ctx = { tx, changes, now };
  let added = 0;
  const mayors = await listDocs<AgendaPersonDto>(tx, 'agenda_people', sql`data->>'role' = 'sindaco'`);
  if (mayors.length === 0) {
    await saveDoc(ctx, 'agenda_people', { id: uuidv7(now.getTime()), name: 'Sindaco', role: 'sindaco', title: '', active: true } satisfies Omit<AgendaPersonDto, 'version'>);
    added++;
  }
  const keys = new Set((await listDocs<CeremonyTemplateDto>(tx, 'ceremony_templates')).map((t) => t.key));
  for (const t of defaultCeremonyTemplates) {
    if (keys.has(t.key)) continue;
    const template: Omit<CeremonyTemplateDto, 'version'> = {
      id: uuidv7(now.getTime()),
      key: t.key,
      title: t.title,
      month: t.month,
      day: t.day,
      time: t.time,
      durationMinutes: t.durationMinutes,
      kind: t.kind,
      visibility: t.visibility,
      notes: t.notes,
      active: true,
    };
    await saveDoc(ctx, 'ceremony_templates', template);
    added++;
  }
  return added;
}

/** At start-up: adds the missing defaults of an initialised register (nothing before setup). */
export async function ensureAgendaDefaults(writer: Writer, now: Date): Promise<number> {
  if (!(await loadOrganisation(writer.db))) return 0;
  return writer.write((tx, changes) => seedAgendaDefaults(tx, changes, now));
}
