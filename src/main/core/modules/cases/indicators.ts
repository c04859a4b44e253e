import type { CaseTypeDto, IndicatorsResult } from '../../../../shared/contract';
import { caseTypeCodes, histogram, patronageFullyInstructed, type CaseTypeCode } from '../../../../shared/domain/cases';
import { romeDayBounds } from '../../../../shared/domain/time';
import type { Db } from '../../db/open';

/**
 * The Indicators screen (issue 4) in a few aggregate queries on the indexed columns: received
 * cases through (type_code, received_on), closed ones through (closed_on, type_code,
 * received_on); only the rows that need a JSON field (patronage checklist, reply date) are
 * parsed. The rules are those of src/shared/domain/cases/indicators.ts, written as SQL
 * aggregates (averages rounded like `averageClosingDays`).
 */

/** Classes of closing times in days: 0–7, 8–15, 16–30, 31–60, 61–90, ≥ 91. */
export const closingTimeEdges = [0, 8, 16, 31, 61, 91];

const accessTypes: readonly CaseTypeCode[] = ['accesso_documentale', 'accesso_civico_semplice', 'accesso_civico_generalizzato'];
const answerTypes: readonly CaseTypeCode[] = ['interrogazione', ...accessTypes];
const allTypes = caseTypeCodes.map((c) => `'${c}'`).join(', ');

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** [from, to) of the period, as 'YYYY-MM-DD' days. */
export function periodBounds(year: number, month?: number): { from: string; to: string } {
  if (month === undefined) return { from: `${year}-01-01`, to: `${year + 1}-01-01` };
  return { from: `${year}-${pad(month)}-01`, to: month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01` };
}

/**
 * Foreign delegations welcomed in the period: agenda engagements of kind 'visita_delegazione'
 * marked foreign (issue 5 fills the table; until then it is empty and this counts 0). Single
 * events and series masters count once each; occurrence overrides (series_id set) do not.
 */
export function countForeignDelegations(db: Db, from: string, to: string): number {
  const start = romeDayBounds(from).start.toISOString();
  const end = romeDayBounds(to).start.toISOString();
  return db.$client
    .prepare(
      `SELECT count(*) FROM agenda_events
       WHERE start_at >= ? AND start_at < ? AND series_id IS NULL
         AND json_extract(data, '$.kind') = 'visita_delegazione' AND json_extract(data, '$.foreign') = 1
         AND coalesce(json_extract(data, '$.deleted'), 0) = 0 AND coalesce(json_extract(data, '$.cancelled'), 0) = 0`,
    )
    .pluck()
    .get(start, end) as number;
}

/**
 * Received and answered within term, per type: `answeredWithinTerm` (a reply sent by the due
 * date; a case without a legal term cannot be late) as an SQL aggregate on the query columns.
 */
function answeredByType(db: Db, from: string, to: string): Map<CaseTypeCode, { received: number; answeredWithinTerm: number }> {
  const rows = db.$client
    .prepare(
      `SELECT type_code AS typeCode, count(*) AS received,
              coalesce(sum(replied_on IS NOT NULL AND (due_on IS NULL OR replied_on <= due_on)), 0) AS within
       FROM cases WHERE type_code IN (${answerTypes.map((t) => `'${t}'`).join(', ')}) AND received_on >= ? AND received_on < ?
       GROUP BY type_code`,
    )
    .all(from, to) as Array<{ typeCode: CaseTypeCode; received: number; within: number }>;
  return new Map(rows.map((r) => [r.typeCode, { received: r.received, answeredWithinTerm: r.within }]));
}

function sumOf(m: Map<CaseTypeCode, { received: number; answeredWithinTerm: number }>, types: readonly CaseTypeCode[]): { received: number; answeredWithinTerm: number } {
  return types.reduce((acc, t) => ({ received: acc.received + (m.get(t)?.received ?? 0), answeredWithinTerm: acc.answeredWithinTerm + (m.get(t)?.answeredWithinTerm ?? 0) }), { received: 0, answeredWithinTerm: 0 });
}

function patronage(db: Db, from: string, to: string): { received: number; fullyInstructed: number } {
  const checklists = db.$client
    .prepare(`SELECT json_extract(data, '$.patronage.checklist') FROM cases WHERE type_code = 'patrocinio' AND received_on >= ? AND received_on < ?`)
    .pluck()
    .all(from, to) as Array<string | null>;
  const complete = checklists.filter((c) => c !== null && patronageFullyInstructed(JSON.parse(c) as Record<string, boolean>)).length;
  return { received: checklists.length, fullyInstructed: complete };
}

/**
 * Closed in the year, grouped in SQL on the covering index cases_closed: per type, month and
 * class of closing time (`closingDays`, receipt to closing; a negative one is bad data and left
 * out of times and classes), with the sum of days for the average.
 */
function closedGroups(db: Db, year: { from: string; to: string }, period: { from: string; to: string }) {
  const days = 'CAST(julianday(closed_on) - julianday(received_on) AS INTEGER)';
  // Class i holds [edges[i], edges[i+1]), as `histogram` counts them.
  const bucket = `CASE ${closingTimeEdges.map((e, i) => [e, i] as const).reverse().map(([e, i]) => `WHEN ${days} >= ${e} THEN ${i}`).join(' ')} END`;
  return db.$client
    .prepare(
      `SELECT type_code AS typeCode, CAST(substr(closed_on, 6, 2) AS INTEGER) AS month, closed_on >= @pfrom AND closed_on < @pto AS inPeriod,
              ${bucket} AS bucket, count(*) AS n, sum(${days}) AS days
       FROM cases WHERE closed_on >= @yfrom AND closed_on < @yto GROUP BY 1, 2, 3, 4`,
    )
    .all({ yfrom: year.from, yto: year.to, pfrom: period.from, pto: period.to }) as Array<{ typeCode: CaseTypeCode; month: number; inPeriod: number; bucket: number | null; n: number; days: number | null }>;
}

/** Indicators of a year, or of one month of it; the monthly series always covers the whole year. */
export function computeIndicators(db: Db, types: readonly CaseTypeDto[], year: number, month?: number): IndicatorsResult {
  const period = periodBounds(year, month);
  const wholeYear = periodBounds(year);
  const monthly = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, received: 0, closed: 0 }));
  const receivedByMonth = db.$client
    .prepare(`SELECT CAST(substr(received_on, 6, 2) AS INTEGER) AS m, count(*) AS n FROM cases WHERE type_code IN (${allTypes}) AND received_on >= ? AND received_on < ? GROUP BY m`)
    .all(wholeYear.from, wholeYear.to) as Array<{ m: number; n: number }>;
  for (const r of receivedByMonth) monthly[r.m - 1]!.received = r.n;

  const closedByType = new Map<CaseTypeCode, { closed: number; timed: number; days: number; buckets: number[] }>();
  for (const g of closedGroups(db, wholeYear, period)) {
    monthly[g.month - 1]!.closed += g.n;
    if (!g.inPeriod) continue;
    const t = closedByType.get(g.typeCode) ?? { closed: 0, timed: 0, days: 0, buckets: closingTimeEdges.map(() => 0) };
    t.closed += g.n;
    if (g.bucket !== null) {
      t.timed += g.n;
      t.days += g.days ?? 0;
      t.buckets[g.bucket]! += g.n;
    }
    closedByType.set(g.typeCode, t);
  }
  const labels = histogram([], closingTimeEdges).map((b) => b.label);
  const closingTimes = types.map((t) => {
    const c = closedByType.get(t.id);
    // Rounded to one decimal, like averageClosingDays.
    const averageDays = c && c.timed > 0 ? Math.round((c.days / c.timed) * 10) / 10 : null;
    return { typeCode: t.id, typeName: t.name, closed: c?.closed ?? 0, averageDays, histogram: labels.map((label, i) => ({ label, count: c?.buckets[i] ?? 0 })) };
  });
  const answered = answeredByType(db, period.from, period.to);

  return {
    period: { year, month: month ?? null },
    patronage: patronage(db, period.from, period.to),
    councilQuestions: sumOf(answered, ['interrogazione']),
    accessRequests: sumOf(answered, accessTypes),
    closingTimes,
    monthly,
    foreignDelegations: countForeignDelegations(db, period.from, period.to),
  };
}
