import { AppError, type CaseDto, type CaseEventDto, type CaseSettingsDto, type CaseTypeDto, type ConfigAuditDto, type SignatureItemDto, type SignatureState } from '../../../../shared/contract';
import { defaultCaseSettings, defaultCaseTypes, type CaseTypeCode } from '../../../../shared/domain/cases';
import type { Db } from '../../db/open';
import { getDoc, parseDocs, putDoc, type Dto } from '../../db/doc-tables';
import type { DocTable } from '../../../../shared/sync/protocol';

/**
 * Reads of the local copies of the case tables (document rows: the DTO as JSON plus indexed
 * query columns, src/main/core/db/cases-schema.ts). Lists and counts live in list-query.ts.
 */

/**
 * A case row as stored locally. `_localMutations` names the pending mutations whose optimistic
 * effect this row already carries: a pulled row never has it, so after a pull the effects are
 * re-applied on top of the server's row exactly once (see effects.ts).
 */
export type StoredCase = CaseDto & { _localMutations?: string[] };

/** The DTO without the local bookkeeping. */
export function publicCase(row: StoredCase): CaseDto {
  const { _localMutations: _ignored, ...dto } = row;
  return dto;
}

export function findStoredCase(db: Db, id: string): StoredCase | null {
  return getDoc<StoredCase>(db, 'cases', id);
}

export function getCase(db: Db, id: string): CaseDto {
  const row = findStoredCase(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Pratica non trovata su questa postazione.');
  return publicCase(row);
}

/**
 * The case's timeline, oldest first. The events of one action share their instant; they keep the
 * order in which they were stored (the reducer's order, on the desk as in the pull).
 */
export function caseEvents(db: Db, caseId: string): CaseEventDto[] {
  const rows = db.$client.prepare('SELECT data FROM case_events WHERE case_id = ? ORDER BY at, rowid').all(caseId) as Array<{ data: string }>;
  return parseDocs<CaseEventDto>(rows);
}

/** Configured case types; a type the server has not sent yet reads as its seeded default (version 0). */
export function caseTypes(db: Db): CaseTypeDto[] {
  const stored = new Map(parseDocs<CaseTypeDto>(db.$client.prepare('SELECT data FROM case_types').all() as Array<{ data: string }>).map((t) => [t.id, t]));
  return defaultCaseTypes.map((d) => stored.get(d.code) ?? { ...d, id: d.code, version: 0 });
}

export function caseType(db: Db, code: CaseTypeCode): CaseTypeDto {
  return getDoc<CaseTypeDto>(db, 'case_types', code) ?? caseTypes(db).find((t) => t.id === code)!;
}

export function caseSettings(db: Db): CaseSettingsDto {
  return getDoc<CaseSettingsDto>(db, 'case_settings', 'singleton') ?? { ...defaultCaseSettings, id: 'singleton', version: 0 };
}

/** Audited configuration changes, newest first. */
export function configAudit(db: Db, limit = 200): ConfigAuditDto[] {
  const rows = db.$client.prepare(`SELECT data FROM config_audit ORDER BY json_extract(data, '$.at') DESC LIMIT ?`).all(limit) as Array<{ data: string }>;
  return parseDocs<ConfigAuditDto>(rows);
}

const signatureOrder = `CASE json_extract(data, '$.priority') WHEN 'urgentissima' THEN 0 WHEN 'urgente' THEN 1 ELSE 2 END, json_extract(data, '$.submittedAt')`;

/** The signature book: most urgent first, then oldest first (what waits longest is signed first). */
export function signatureItems(db: Db, state?: SignatureState): SignatureItemDto[] {
  const rows = state
    ? db.$client.prepare(`SELECT data FROM signature_items WHERE state = ? ORDER BY ${signatureOrder}`).all(state)
    : db.$client.prepare(`SELECT data FROM signature_items ORDER BY state = 'in_attesa' DESC, ${signatureOrder}`).all();
  return parseDocs<SignatureItemDto>(rows as Array<{ data: string }>);
}

export function getSignatureItem(db: Db, id: string): SignatureItemDto {
  const item = getDoc<SignatureItemDto>(db, 'signature_items', id);
  if (!item) throw new AppError('NOT_FOUND', 'Documento del libro firma non trovato.');
  return item;
}

/**
 * Cases that gather a protocol entry, newest first, through the local link index
 * (`case_entry_links`, kept by putDoc): one index lookup instead of a scan of every case's JSON.
 */
export function casesWithEntry(db: Db, entryId: string): CaseDto[] {
  const rows = db.$client
    .prepare(
      `SELECT c.data FROM case_entry_links l JOIN cases c ON c.id = l.case_id
       WHERE l.entry_id = ? ORDER BY c.received_on DESC, c.id`,
    )
    .all(entryId) as Array<{ data: string }>;
  return parseDocs<StoredCase>(rows).map(publicCase);
}

/** Display names for the reducer: active offices and users, as the server reads them. */
export function officeName(db: Db, id: string): string | null {
  const row = db.$client.prepare('SELECT name FROM offices WHERE id = ? AND active = 1').get(id) as { name: string } | undefined;
  return row?.name ?? null;
}

export function userName(db: Db, id: string): string | null {
  const row = db.$client.prepare('SELECT full_name AS name FROM users WHERE id = ? AND active = 1').get(id) as { name: string } | undefined;
  return row?.name ?? null;
}

/**
 * Stores a row of the case tables. DTO interfaces have no index signature, yet each is a plain
 * JSON object, which is all `Dto` asks for.
 */
export function putRow(db: Db, table: DocTable, row: { id: string; version?: number }, version: number): void {
  putDoc(db, table, row as Dto, version);
}
