import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { Office, officeUpsertInput } from '../../../shared/contract/organisation';
import { uuidv7 } from '../../../shared/domain/ids';
import type { ChangeSet } from '../../db/change-set';
import type { Db } from '../../db/client';
import { offices } from '../../db/schema';

export function toOffice(r: typeof offices.$inferSelect): Office {
  return { id: r.id, code: r.code, name: r.name, active: r.active, version: r.version };
}

/** Adds or edits an office (UOR); offices are deactivated, never deleted. */
export async function upsertOffice(tx: Db, changes: ChangeSet, input: z.output<typeof officeUpsertInput>, now: Date): Promise<Office> {
  const id = input.id ?? uuidv7(now.getTime());
  const [clash] = await tx.select({ id: offices.id }).from(offices).where(and(eq(offices.code, input.code), ne(offices.id, id)));
  if (clash) throw new AppError('CONFLICT', `Il codice ufficio ${input.code} è già in uso.`);
  const [current] = await tx.select().from(offices).where(eq(offices.id, id)).for('update');
  const [row] = current
    ? await tx
        .update(offices)
        .set({ code: input.code, name: input.name, active: input.active, version: current.version + 1 })
        .where(eq(offices.id, id))
        .returning()
    : await tx.insert(offices).values({ id, code: input.code, name: input.name, active: input.active }).returning();
  const office = toOffice(row!);
  changes.add('offices', office.id, office, office.version);
  return office;
}
