import { eq, or } from 'drizzle-orm';
import { AppError } from '../../../shared/contract/errors';
import type { RegisterEmergencyArgs } from '../../../shared/contract/emergency';
import type { RegisterResult } from '../../../shared/contract/protocol';
import { formatEmergencyNumber } from '../../../shared/domain/emergency';
import { segnatura } from '../../../shared/domain/protocol-number';
import type { MutationCtx } from '../../sync/mutation-handler';
import { emergencyEntries, emergencySessions, protocolEntries } from '../../db/schema';
import { requireOrganisation } from '../organisation/setup';
import { registerEntry } from '../protocol/register';
import { toProtocolEntry } from '../protocol/mappers';
import { toLink } from './mappers';
import { saveCounts } from './sessions';

export type RecoveryResult = RegisterResult & { emergencyNumber: string; recovered: 'now' | 'already' };

/**
 * Recovery of one emergency entry (DPR 445/2000 art. 63 c.5): it receives exactly ONE ordinary
 * number continuing the ordinary sequence, and the link emergency ↔ ordinary is kept for ever.
 * Keyed by the emergency number and the entry id (both unique in the table): a replay — the
 * same push again, or the same entry from a restored desk — returns the existing link and
 * creates nothing. The ordinary number comes from the sequence of the year of recovery; the
 * emergency date stays the legal date (docs/decisions/0002-emergency-year-boundary.md).
 */
export async function recoverEntry(ctx: MutationCtx, args: RegisterEmergencyArgs): Promise<RecoveryResult> {
  const { entry: input, emergency: mark } = args;
  if (!input.id) throw new AppError('VALIDATION', "Manca l'identificativo della registrazione (id).");
  const expected = formatEmergencyNumber({ year: mark.year, deviceCode: mark.deviceCode, seq: mark.seq });
  if (expected !== mark.number) throw new AppError('VALIDATION', `Numero di emergenza incoerente: ${mark.number}.`);

  const [existing] = await ctx.tx
    .select()
    .from(emergencyEntries)
    .where(or(eq(emergencyEntries.emergencyNumber, mark.number), eq(emergencyEntries.entryId, input.id)));
  if (existing) {
    if (existing.entryId !== input.id || existing.emergencyNumber !== mark.number) {
      throw new AppError('CONFLICT', `Il numero di emergenza ${mark.number} è già collegato a un'altra registrazione.`);
    }
    return alreadyRecovered(ctx, existing.entryId, existing.emergencyNumber);
  }

  const result = await registerEntry(ctx, { ...input, id: input.id });
  const [link] = await ctx.tx
    .insert(emergencyEntries)
    .values({
      entryId: input.id,
      emergencyNumber: mark.number,
      year: mark.year,
      deviceCode: mark.deviceCode,
      seq: mark.seq,
      sessionId: mark.sessionId,
      legalDate: new Date(mark.registeredAt),
      recoveredAt: ctx.now,
      version: 1,
    })
    .returning();
  ctx.changes.add('emergency_entries', input.id, toLink(link!), 1);
  const [session] = await ctx.tx.select({ id: emergencySessions.id }).from(emergencySessions).where(eq(emergencySessions.id, mark.sessionId));
  // A session whose opening was refused still gets its entries recovered: nothing is lost.
  if (session) await saveCounts(ctx, session.id);
  // Same object registerEntry returned: its number and segnatura are patched at commit.
  return Object.assign(result, { emergencyNumber: mark.number, recovered: 'now' as const });
}

async function alreadyRecovered(ctx: MutationCtx, entryId: string, emergencyNumber: string): Promise<RecoveryResult> {
  const [row] = await ctx.tx.select().from(protocolEntries).where(eq(protocolEntries.id, entryId));
  if (!row) throw new AppError('INTERNAL', 'Collegamento di emergenza senza registrazione ordinaria.');
  const org = await requireOrganisation(ctx.tx);
  const entry = toProtocolEntry(row);
  const seg = segnatura({ ipaCode: org.ipaCode, aooCode: row.aooCode, registerCode: row.registerCode, year: row.year, number: row.number });
  return { entry, segnatura: seg, emergencyNumber, recovered: 'already' };
}
