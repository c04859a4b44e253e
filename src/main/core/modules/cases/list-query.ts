import type { z } from 'zod';
import type { CaseCounts, CaseDto, caseListInput, CaseTypeDto, SessionUser } from '../../../../shared/contract';
import { addDays, caseStates, isOpenState } from '../../../../shared/domain/cases';
import type { Db } from '../../db/open';
import { parseDocs } from '../../db/doc-tables';
import { publicCase, type StoredCase } from './repository';

/**
 * "My desk" and the case list in SQL on the indexed columns of `cases` (state, due_on, owner_id,
 * office_id, type_code, received_on): with 100,000 cases the first page and the counts must come
 * back within 200 ms (bench/cases-desk.ts), so only the page's rows are parsed from JSON.
 */

export type CaseListInput = z.output<typeof caseListInput>;

const openStates = caseStates.filter(isOpenState);
const openList = openStates.map((s) => `'${s}'`).join(', ');
const closedList = caseStates.filter((s) => !isOpenState(s)).map((s) => `'${s}'`).join(', ');

interface Params {
  [key: string]: string | number | null;
}

/**
 * Mine = open, and owned by me, or per competenza of my office, or with a live assignment (to
 * be taken or taken) to me or my office. The last test reads the JSON, so it runs only on the
 * open candidates that mention my id or my office's id at all (a plain substring test first).
 */
const minePredicate = `state IN (${openList}) AND (owner_id = @me OR office_id = @office OR (
    (instr(data, @me) > 0 OR (@office IS NOT NULL AND instr(data, @office) > 0))
    AND EXISTS (SELECT 1 FROM json_each(cases.data, '$.assignments') a
      WHERE json_extract(a.value, '$.assigneeId') IN (@me, @office)
        AND json_extract(a.value, '$.state') IN ('assegnato', 'preso_in_carico'))))`;

/**
 * The rows of my view, found once per call (the predicate reads JSON): the page, the total and
 * the counts then select them by rowid.
 */
export function mineScope(db: Db, user: SessionUser): string {
  const rowids = db.$client.prepare(`SELECT rowid FROM cases WHERE ${minePredicate}`).pluck().all({ me: user.id, office: user.officeId }) as number[];
  return JSON.stringify(rowids);
}

function scopeClause(view: CaseListInput['view'], scope: string | null, p: Params): string {
  if (view !== 'mine') return '1 = 1';
  p.scope = scope ?? '[]';
  return 'rowid IN (SELECT value FROM json_each(@scope))';
}

/** The term status of the list in SQL, with the same boundaries as `termStatus` (deadlines.ts). */
function termClause(status: NonNullable<CaseListInput['termStatus']>): string {
  const running = `state IN (${openList}) AND state <> 'sospesa'`;
  switch (status) {
    case 'chiuso':
      return `state IN (${closedList})`;
    case 'sospeso':
      return `state = 'sospesa'`;
    case 'nessun_termine':
      return `${running} AND due_on IS NULL`;
    case 'scaduto':
      return `${running} AND due_on < @today`;
    case 'in_scadenza':
      return `${running} AND due_on >= @today AND due_on <= @soon`;
    case 'in_termine':
      return `${running} AND due_on > @soon`;
  }
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function whereOf(input: CaseListInput, scope: string | null, p: Params): string {
  const conds = [scopeClause(input.view, scope, p)];
  if (input.termStatus) conds.push(termClause(input.termStatus));
  if (input.typeCode) {
    p.typeCode = input.typeCode;
    conds.push('type_code = @typeCode');
  }
  if (input.state) {
    p.state = input.state;
    conds.push('state = @state');
  }
  const q = input.query.trim();
  if (q) {
    p.q = likePattern(q);
    // The substring test on the whole row first; then only title and requester count.
    conds.push(`data LIKE @q ESCAPE '\\' AND (json_extract(data, '$.title') LIKE @q ESCAPE '\\' OR json_extract(data, '$.requester.name') LIKE @q ESCAPE '\\')`);
  }
  return conds.join(' AND ');
}

function orderOf(input: CaseListInput, types: readonly CaseTypeDto[], p: Params): string {
  const dir = input.dir === 'desc' ? 'DESC' : 'ASC';
  switch (input.sort) {
    case 'dueOn':
      // Cases without a term (or suspended) last, whatever the direction.
      return `due_on IS NULL, due_on ${dir}, received_on ${dir}, id`;
    case 'receivedOn':
      return `received_on ${dir}, id ${dir}`;
    case 'state':
      return `CASE state ${caseStates.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END ${dir}, due_on IS NULL, due_on, id`;
    case 'type': {
      // By the name people read, not by the code.
      const sorted = [...types].sort((a, b) => a.name.localeCompare(b.name, 'it'));
      sorted.forEach((t, i) => (p[`t${i}`] = t.id));
      return `CASE type_code ${sorted.map((_, i) => `WHEN @t${i} THEN ${i}`).join(' ')} ELSE ${sorted.length} END ${dir}, due_on IS NULL, due_on, id`;
    }
    case 'title':
      return `json_extract(data, '$.title') COLLATE NOCASE ${dir}, id`;
  }
}

/** One page of the list, in order, and the total matching the filters; `scope` is `mineScope` for view mine. */
export function listPage(db: Db, input: CaseListInput, scope: string | null, days: { today: string; soon: string }, types: readonly CaseTypeDto[]): { cases: CaseDto[]; total: number } {
  const p: Params = { today: days.today, soon: days.soon };
  const where = whereOf(input, scope, p);
  const order = orderOf(input, types, p);
  // Sort only ids and keys, then read the page's rows: the sorter never carries the JSON.
  const ids = db.$client
    .prepare(`SELECT rowid FROM cases WHERE ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .pluck()
    .all({ ...p, limit: input.limit, offset: input.offset }) as number[];
  const total = db.$client.prepare(`SELECT count(*) FROM cases WHERE ${where}`).pluck().get(p) as number;
  if (ids.length === 0) return { cases: [], total };
  const rows = db.$client.prepare(`SELECT rowid AS r, data FROM cases WHERE rowid IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Array<{ r: number; data: string }>;
  const byRowid = new Map(rows.map((row) => [row.r, row]));
  const ordered = ids.map((id) => byRowid.get(id)).filter((row): row is { r: number; data: string } => row !== undefined);
  return { cases: parseDocs<StoredCase>(ordered).map(publicCase), total };
}

/** Counts of the view's open cases (the tiles on top of My desk), whatever the filters below them. */
export function listCounts(db: Db, view: CaseListInput['view'], scope: string | null, days: { today: string; soon: string }): CaseCounts {
  const p: Params = { today: days.today, soon: days.soon };
  // Every row of my view is open already.
  const base = view === 'mine' ? scopeClause(view, scope, p) : `state IN (${openList})`;
  const row = db.$client
    .prepare(
      `SELECT count(*) AS open,
         coalesce(sum(state <> 'sospesa' AND due_on IS NOT NULL AND due_on < @today), 0) AS overdue,
         coalesce(sum(state <> 'sospesa' AND due_on >= @today AND due_on <= @soon), 0) AS dueSoon,
         coalesce(sum(state = 'sospesa'), 0) AS suspended
       FROM cases WHERE ${base}`,
    )
    .get(p) as CaseCounts;
  return { open: row.open, overdue: row.overdue, dueSoon: row.dueSoon, suspended: row.suspended };
}

/** The last day that still counts as "in scadenza". */
export function dueSoonLimit(today: string, dueSoonDays: number): string {
  return addDays(today, dueSoonDays);
}
