import { sql } from 'drizzle-orm';
import type { CaseSettingsDto, CaseTypeDto } from '../../../shared/contract/cases';
import { defaultCaseSettings, defaultCaseTypes } from '../../../shared/domain/cases/case-types';
import { rowsOf } from '../../db/change-log';
import type { ChangeSet } from '../../db/change-set';
import type { Db } from '../../db/client';
import { saveDoc } from '../../db/docs';
import type { Writer } from '../../db/write';

/**
 * The case types and settings every register starts from (legal defaults of
 * src/shared/domain/cases/case-types.ts). Only MISSING rows are inserted, never an
 * administrator's edited one, and through the change log so the desks receive them by pull.
 */
export async function seedCaseDefaults(tx: Db, changes: ChangeSet, now: Date): Promise<number> {
  const [types, settings] = await Promise.all([
    tx.execute(sql`select id from case_types`),
    tx.execute(sql`select id from case_settings where id = 'singleton'`),
  ]);
  const present = new Set(rowsOf(types).map((r) => String(r.id)));
  const ctx = { tx, changes, now };
  let inserted = 0;
  for (const rule of defaultCaseTypes) {
    if (present.has(rule.code)) continue;
    const row: CaseTypeDto = { ...rule, id: rule.code, version: 0 };
    await saveDoc(ctx, 'case_types', row);
    inserted += 1;
  }
  if (rowsOf(settings).length === 0) {
    const row: CaseSettingsDto = { ...defaultCaseSettings, id: 'singleton', version: 0 };
    await saveDoc(ctx, 'case_settings', row);
    inserted += 1;
  }
  return inserted;
}

/**
 * At server start: an installation set up before cases existed (or one that gained a new type
 * with an upgrade) receives the missing defaults. A register not yet set up gets them at setup.
 */
export async function seedCaseDefaultsOnStart(writer: Writer, now: Date): Promise<number> {
  const initialized = rowsOf(await writer.db.execute(sql`select 1 from organisation where id = 'singleton'`)).length > 0;
  if (!initialized) return 0;
  return writer.write((tx, changes) => seedCaseDefaults(tx, changes, now));
}
