import { AppError } from '../../contract/errors';
import type { CaseTypeCode } from './case-types';
import { daysBetween } from './holidays';
import type { CaseState } from './states';

/**
 * Pure aggregation behind the Indicators screen. Rows are plain objects read by the desk; one
 * inconsistent row must not break (or skew) a screen over thousands of cases, so impossible
 * values yield null instead of throwing.
 */

export interface IndicatorCase {
  typeCode: CaseTypeCode;
  receivedOn: string;
  dueOn: string | null;
  closedOn: string | null;
  repliedOn: string | null;
  state: CaseState;
  fullyInstructed?: boolean;
}

/** Calendar days from receipt to closing; null while open or if closed "before" receipt (bad data). */
export function closingDays(c: IndicatorCase): number | null {
  if (c.closedOn === null) return null;
  const days = daysBetween(c.receivedOn, c.closedOn);
  return days >= 0 ? days : null;
}

/**
 * Whether the reply was sent by the due date (the term ends at the end of its last day); null
 * when there is no reply yet. A case without a legal term cannot be late.
 */
export function answeredWithinTerm(c: IndicatorCase): boolean | null {
  if (c.repliedOn === null) return null;
  if (c.dueOn === null) return true;
  return daysBetween(c.repliedOn, c.dueOn) >= 0;
}

/** Mean of the closing days of the closed cases, rounded to one decimal; null when none is closed. */
export function averageClosingDays(cases: readonly IndicatorCase[]): number | null {
  let sum = 0;
  let n = 0;
  for (const c of cases) {
    const d = closingDays(c);
    if (d === null) continue;
    sum += d;
    n += 1;
  }
  return n === 0 ? null : Math.round((sum / n) * 10) / 10;
}

/** 'YYYY-MM' or 'YYYY' of a day, to group indicators per month or per year. */
export function periodOf(day: string, granularity: 'mese' | 'anno'): string {
  return granularity === 'mese' ? day.slice(0, 7) : day.slice(0, 4);
}

function bucketLabel(low: number, high: number | undefined): string {
  if (high === undefined) return `≥ ${low}`;
  if (Number.isInteger(low) && Number.isInteger(high)) return high - 1 === low ? `${low}` : `${low}–${high - 1}`;
  return `${low} – <${high}`;
}

/**
 * Counts per bucket. Edges must be strictly ascending: bucket i holds values in
 * [edges[i], edges[i+1]) and the last one everything from the last edge up. Values below the
 * first edge (or not finite) are not counted. With integer edges (days) the labels name the
 * days included: edges [0, 8, 31] give '0–7', '8–30', '≥ 31'.
 */
export function histogram(values: number[], bucketEdges: number[]): { label: string; count: number }[] {
  if (bucketEdges.length === 0) throw new AppError('VALIDATION', 'Indica almeno un limite per le classi del grafico.');
  bucketEdges.forEach((edge, i) => {
    const prev = bucketEdges[i - 1];
    if (!Number.isFinite(edge) || (prev !== undefined && edge <= prev)) {
      throw new AppError('VALIDATION', 'I limiti delle classi del grafico devono essere numeri crescenti.', { bucketEdges });
    }
  });
  const buckets = bucketEdges.map((low, i) => ({ label: bucketLabel(low, bucketEdges[i + 1]), count: 0 }));
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    // Last edge not above v; edges are few (a handful of classes), so a linear scan is enough.
    let index = -1;
    for (let i = 0; i < bucketEdges.length && v >= bucketEdges[i]!; i += 1) index = i;
    if (index >= 0) buckets[index]!.count += 1;
  }
  return buckets;
}
