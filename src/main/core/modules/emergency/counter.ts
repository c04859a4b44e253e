import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { emergencyCounters } from '../../db/schema';

/**
 * Next emergency number of this device for the year (art. 63: unique in the AOO, gapless per
 * device). Call inside the transaction that writes the entry: a rollback gives the number back.
 */
export function nextEmergencySeq(db: Db, deviceCode: string, year: number): number {
  const row = db
    .insert(emergencyCounters)
    .values({ deviceCode, year, last: 1 })
    .onConflictDoUpdate({ target: [emergencyCounters.deviceCode, emergencyCounters.year], set: { last: sql`${emergencyCounters.last} + 1` } })
    .returning({ last: emergencyCounters.last })
    .get();
  return row.last;
}
