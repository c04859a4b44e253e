import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/contract/errors';
import type { EmergencyCloseArgs, EmergencyOpenArgs, EmergencyPreauthoriseArgs, EmergencyPreauthorisation, EmergencySession } from '../../../shared/contract/emergency';
import { dailyCounts } from '../../../shared/domain/emergency';
import type { MutationCtx } from '../../sync/mutation-handler';
import { emergencyEntries, emergencyPreauthorisations, emergencySessions } from '../../db/schema';
import { toPreauthorisation, toSession } from './mappers';

/**
 * Art. 63: the opening of an emergency period is a record of its own (cause, start, authoriser),
 * made on the desk while the server was down and kept here when it returns. A replay of the same
 * opening changes nothing.
 */
export async function openSession(ctx: MutationCtx, args: EmergencyOpenArgs): Promise<EmergencySession> {
  const [existing] = await ctx.tx.select().from(emergencySessions).where(eq(emergencySessions.id, args.id));
  if (existing) return toSession(existing);
  const [row] = await ctx.tx
    .insert(emergencySessions)
    .values({
      id: args.id,
      deviceId: args.deviceId,
      deviceCode: args.deviceCode,
      cause: args.cause,
      startedAt: new Date(args.startedAt),
      endedAt: null,
      authoriser: args.authoriser,
      dailyCounts: {},
      total: 0,
      openedBy: ctx.user.id,
      openedByName: ctx.user.fullName,
      version: 1,
    })
    .returning();
  const session = toSession(row!);
  ctx.changes.add('emergency_sessions', session.id, session, session.version);
  return session;
}

/** Closing records the end time; counts are those of the entries the register recovered. */
export async function closeSession(ctx: MutationCtx, args: EmergencyCloseArgs): Promise<EmergencySession> {
  const [current] = await ctx.tx.select().from(emergencySessions).where(eq(emergencySessions.id, args.id)).for('update');
  if (!current) throw new AppError('NOT_FOUND', 'Periodo di emergenza non trovato sul server.');
  if (current.endedAt) return toSession(current);
  if (Date.parse(args.endedAt) < current.startedAt.getTime()) throw new AppError('VALIDATION', "La chiusura dell'emergenza non può precedere l'apertura.");
  return saveCounts(ctx, args.id, { endedAt: new Date(args.endedAt), declaredTotal: args.total });
}

/** Recomputes the per-day counts from the recovered entries and publishes the session. */
export async function saveCounts(ctx: MutationCtx, sessionId: string, extra: Partial<typeof emergencySessions.$inferInsert> = {}): Promise<EmergencySession> {
  const [current] = await ctx.tx.select().from(emergencySessions).where(eq(emergencySessions.id, sessionId)).for('update');
  if (!current) throw new AppError('NOT_FOUND', 'Periodo di emergenza non trovato sul server.');
  const links = await ctx.tx.select({ at: emergencyEntries.legalDate }).from(emergencyEntries).where(eq(emergencyEntries.sessionId, sessionId));
  const counts = dailyCounts(links.map((l) => l.at.toISOString()));
  const [row] = await ctx.tx
    .update(emergencySessions)
    .set({ ...extra, dailyCounts: counts, total: links.length, version: current.version + 1 })
    .where(eq(emergencySessions.id, sessionId))
    .returning();
  const session = toSession(row!);
  ctx.changes.add('emergency_sessions', session.id, session, session.version);
  return session;
}

/** The responsabile pre-authorises a device (art. 63: the emergency is authorised by him). */
export async function preauthorise(ctx: MutationCtx, args: EmergencyPreauthoriseArgs): Promise<EmergencyPreauthorisation> {
  const [existing] = await ctx.tx.select().from(emergencyPreauthorisations).where(eq(emergencyPreauthorisations.id, args.id));
  if (existing) return toPreauthorisation(existing);
  if (Date.parse(args.validUntil) <= ctx.now.getTime()) throw new AppError('VALIDATION', 'La scadenza della pre-autorizzazione deve essere futura.');
  const [row] = await ctx.tx
    .insert(emergencyPreauthorisations)
    .values({ id: args.id, deviceId: args.deviceId, validUntil: new Date(args.validUntil), act: args.act, authorisedBy: ctx.user.id, authorisedByName: ctx.user.fullName, createdAt: ctx.now, version: 1 })
    .returning();
  const p = toPreauthorisation(row!);
  ctx.changes.add('emergency_preauthorisations', p.id, p, p.version);
  return p;
}
