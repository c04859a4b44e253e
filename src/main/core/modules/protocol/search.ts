import type Database from 'better-sqlite3';
import type { ProtocolEntry, SearchInput, SearchResult } from '../../../../shared/contract';
import { romeDayBounds } from '../../../../shared/domain/time';
import type * as t from '../../db/schema';
import { entryFromRow, sortKeyOf } from '../../db/rows';
import { parseNumberQuery, toFtsQuery } from './fts-query';
import { canSeeEntry, type ScopeUser } from '../../../../shared/domain/scopes';
import { visibleEntrySql } from '../../sync/scope-sql';

/** Counting stops here: "più di 10.000" is all a clerk needs on a million entries. */
export const TOTAL_CAP = 10_000;
/**
 * With text AND row filters, counting joins every match to its entry: only the newest
 * COUNT_SCAN_CAP text matches are examined, and a larger result is reported as capped.
 */
export const COUNT_SCAN_CAP = 4_000;

type RawEntry = Record<string, unknown>;

/**
 * Search over the local copy of the register, newest first, keyset-paged by (year, number).
 * With text, FTS5 drives the query and walks its rowids (= sort keys) in descending order,
 * stopping at LIMIT; without text, the unique sort_key index does the same.
 */
export function searchEntries(sqlite: Database.Database, input: SearchInput, viewer?: ScopeUser): SearchResult {
  const where: string[] = [];
  const params: unknown[] = [];
  const match = toFtsQuery(input.text);
  const key = match ? 'f.rowid' : 'e.sort_key';
  const keyWhere: string[] = [];
  const keyParams: unknown[] = [];
  if (input.before) {
    keyWhere.push('< ?');
    keyParams.push(sortKeyOf(input.before.year, input.before.number));
  }
  if (input.year !== undefined) {
    keyWhere.push('BETWEEN ? AND ?');
    keyParams.push(sortKeyOf(input.year, 0), sortKeyOf(input.year, 99_999_999));
  }
  if (input.direction) {
    where.push('e.direction = ?');
    params.push(input.direction);
  }
  if (input.dateFrom) {
    where.push('e.registered_at >= ?');
    params.push(romeDayBounds(input.dateFrom).start.toISOString());
  }
  if (input.dateTo) {
    where.push('e.registered_at < ?');
    params.push(romeDayBounds(input.dateTo).end.toISOString());
  }
  if (input.classificationCode) {
    // A class includes its subclasses: I.13 finds I.13.2.
    where.push("(e.classification_code = ? OR e.classification_code LIKE ? ESCAPE '\\')");
    params.push(input.classificationCode, `${input.classificationCode}.%`);
  }
  if (input.assigneeId) {
    where.push("EXISTS (SELECT 1 FROM json_each(e.assignments) a WHERE json_extract(a.value, '$.assigneeId') = ?)");
    params.push(input.assigneeId);
  }
  if (input.annulled !== undefined) where.push(input.annulled ? "e.status = 'annullato'" : "e.status <> 'annullato'");
  if (viewer) {
    // Only what the session user may see (reserved entries on a shared desk).
    const scope = visibleEntrySql(viewer);
    where.push(scope.sql);
    params.push(...scope.params);
  }

  const rowFilters = [...where];
  const rowParams = [...params];
  where.unshift(...keyWhere.map((w) => `${key} ${w}`));
  params.unshift(...keyParams);
  let from = 'protocol_entries e';
  if (match) {
    // CROSS JOIN pins FTS as the outer loop so its rowid order serves ORDER BY … LIMIT.
    from = 'protocol_fts f CROSS JOIN protocol_entries e ON e.sort_key = f.rowid';
    where.unshift('protocol_fts MATCH ?');
    params.unshift(match);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = sqlite.prepare(`SELECT e.* FROM ${from} ${whereSql} ORDER BY ${key} DESC LIMIT ?`).all(...params, input.limit) as RawEntry[];
  const { total, capped } = match
    ? countText(sqlite, match, keyWhere, keyParams, rowFilters, rowParams)
    : countRows(sqlite, `SELECT count(*) FROM (SELECT 1 FROM ${from} ${whereSql} LIMIT ?)`, [...params, TOTAL_CAP + 1]);

  let items = rows.map(fromRaw);
  const exact = !input.before ? exactNumberMatches(sqlite, input).filter((e) => !viewer || canSeeEntry(viewer, e)) : [];
  if (exact.length) items = [...exact, ...items.filter((i) => !exact.some((x) => x.id === i.id))].slice(0, input.limit);
  return { items, total, totalCapped: capped };
}

function countRows(sqlite: Database.Database, sql: string, params: unknown[]): { total: number; capped: boolean } {
  const n = sqlite.prepare(sql).pluck().get(...params) as number;
  return { total: Math.min(n, TOTAL_CAP), capped: n > TOTAL_CAP };
}

/** Text counts read only the FTS index; row filters are applied to the newest matches only. */
function countText(sqlite: Database.Database, match: string, keyWhere: string[], keyParams: unknown[], rowFilters: string[], rowParams: unknown[]) {
  const ftsWhere = ['protocol_fts MATCH ?', ...keyWhere.map((w) => `rowid ${w}`)].join(' AND ');
  if (rowFilters.length === 0) {
    return countRows(sqlite, `SELECT count(*) FROM (SELECT 1 FROM protocol_fts WHERE ${ftsWhere} LIMIT ?)`, [match, ...keyParams, TOTAL_CAP + 1]);
  }
  const scanned = sqlite.prepare(`SELECT count(*) FROM (SELECT 1 FROM protocol_fts WHERE ${ftsWhere} LIMIT ?)`).pluck().get(match, ...keyParams, COUNT_SCAN_CAP) as number;
  const n = sqlite
    .prepare(
      `SELECT count(*) FROM (SELECT rowid AS k FROM protocol_fts WHERE ${ftsWhere} ORDER BY rowid DESC LIMIT ?) f
       CROSS JOIN protocol_entries e ON e.sort_key = f.k WHERE ${rowFilters.join(' AND ')}`,
    )
    .pluck()
    .get(match, ...keyParams, COUNT_SCAN_CAP, ...rowParams) as number;
  return { total: n, capped: scanned >= COUNT_SCAN_CAP };
}

/** "42" or "2026/0000042": the entry with that very number goes first. */
function exactNumberMatches(sqlite: Database.Database, input: SearchInput): ProtocolEntry[] {
  const q = parseNumberQuery(input.text);
  if (!q) return [];
  const year = q.year ?? input.year;
  const rows = (
    year
      ? sqlite.prepare('SELECT * FROM protocol_entries WHERE sort_key = ?').all(sortKeyOf(year, q.number))
      : sqlite.prepare('SELECT * FROM protocol_entries WHERE number = ? ORDER BY sort_key DESC LIMIT 3').all(q.number)
  ) as RawEntry[];
  return rows.map(fromRaw).filter((e) => (input.direction ? e.direction === input.direction : true));
}

/** Raw snake_case row → DTO, through the same mapper drizzle rows use. */
export function fromRaw(r: RawEntry): ProtocolEntry {
  const row = {
    id: r.id,
    sortKey: r.sort_key,
    aooCode: r.aoo_code,
    registerCode: r.register_code,
    year: r.year,
    number: r.number,
    registeredAt: r.registered_at,
    direction: r.direction,
    oggetto: r.oggetto,
    correspondents: r.correspondents,
    means: r.means,
    receivedDocDate: r.received_doc_date,
    receivedDocNumber: r.received_doc_number,
    classificationCode: r.classification_code,
    assignments: r.assignments,
    documents: r.documents,
    paperAttachments: r.paper_attachments,
    riservato: r.riservato === 1,
    notes: r.notes,
    status: r.status,
    annulment: r.annulment,
    registeredBy: r.registered_by,
    registeredByName: r.registered_by_name,
    version: r.version,
  } as typeof t.protocolEntries.$inferSelect;
  return entryFromRow(row);
}
