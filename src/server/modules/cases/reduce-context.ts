import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../../shared/contract/errors';
import type { CaseSettingsDto, CaseTypeDto } from '../../../shared/contract/cases';
import type { Correspondent, Direction } from '../../../shared/contract/protocol';
import { caseTypeRule, defaultCaseSettings, type CaseTypeCode } from '../../../shared/domain/cases/case-types';
import type { CaseActor, CaseEntryInfo, CaseReduceCtx } from '../../../shared/domain/cases/reducer';
import { formatYearNumber } from '../../../shared/domain/protocol-number';
import { romeDate } from '../../../shared/domain/time';
import type { Db } from '../../db/client';
import { loadDoc } from '../../db/docs';
import { emergencyEntries, offices, protocolEntries, users } from '../../db/schema';
import type { MutationCtx } from '../../sync/mutation-handler';

/**
 * The server's side of the shared reducer's context: the type rule and the settings as stored in
 * the document tables, names from offices and users, the protocol entry with its legal date.
 */

/** The configured rule of a type (the seeded default while its row is missing). */
export async function loadCaseType(tx: Db, code: CaseTypeCode, opts: { forUpdate?: boolean } = {}): Promise<CaseTypeDto> {
  return (await loadDoc<CaseTypeDto>(tx, 'case_types', code, opts)) ?? { ...caseTypeRule(code), id: code, version: 0 };
}

export async function loadCaseSettings(tx: Db, opts: { forUpdate?: boolean } = {}): Promise<CaseSettingsDto> {
  return (await loadDoc<CaseSettingsDto>(tx, 'case_settings', 'singleton', opts)) ?? { ...defaultCaseSettings, id: 'singleton', version: 0 };
}

/**
 * A protocol entry as a case sees it. Its legal date is the Rome day of registration or, for an
 * entry registered in the emergency register, the emergency date (DPR 445/2000 art. 63 c.3).
 */
export async function loadEntryInfo(tx: Db, entryId: string): Promise<CaseEntryInfo> {
  const [[row], [emergency]] = await Promise.all([
    tx.select().from(protocolEntries).where(eq(protocolEntries.id, entryId)),
    tx.select({ legalDate: emergencyEntries.legalDate }).from(emergencyEntries).where(eq(emergencyEntries.entryId, entryId)),
  ]);
  if (!row) throw new AppError('NOT_FOUND', 'Registrazione di protocollo non trovata.', { entryId });
  const label = formatYearNumber(row.year, row.number);
  if (row.status === 'annullato') throw new AppError('VALIDATION', `La registrazione ${label} è annullata: non può far parte di una pratica.`);
  const first = (row.correspondents as Correspondent[])[0];
  return {
    id: row.id,
    label,
    direction: row.direction as Direction,
    legalDate: romeDate(emergency ? emergency.legalDate : row.registeredAt),
    oggetto: row.oggetto,
    requester: first ? { contactId: first.contactId, name: first.name } : null,
    classificationCode: row.classificationCode,
  };
}

/** Names of the active offices and users an action refers to (only those are loaded). */
async function loadNames(tx: Db, officeIds: string[], userIds: string[]): Promise<CaseReduceCtx['names']> {
  const [o, u] = await Promise.all([
    officeIds.length ? tx.select({ id: offices.id, name: offices.name }).from(offices).where(and(inArray(offices.id, officeIds), eq(offices.active, true))) : [],
    userIds.length ? tx.select({ id: users.id, name: users.fullName }).from(users).where(and(inArray(users.id, userIds), eq(users.active, true))) : [],
  ]);
  const om = new Map(o.map((r) => [r.id, r.name]));
  const um = new Map(u.map((r) => [r.id, r.name]));
  return { office: (id) => om.get(id) ?? null, user: (id) => um.get(id) ?? null };
}

export function actorOf(user: { id: string; fullName: string; officeId: string | null }): CaseActor {
  return { id: user.id, name: user.fullName, officeId: user.officeId };
}

export interface ContextNeeds {
  typeCode: CaseTypeCode;
  entryId?: string | null;
  officeIds?: string[];
  userIds?: string[];
  actor?: CaseActor;
}

/** Everything the reducer needs, read in the mutation's transaction at the server's time. */
export async function serverReduceCtx(ctx: MutationCtx, needs: ContextNeeds): Promise<CaseReduceCtx> {
  const [type, settings, names, entry] = await Promise.all([
    loadCaseType(ctx.tx, needs.typeCode),
    loadCaseSettings(ctx.tx),
    loadNames(ctx.tx, needs.officeIds ?? [], needs.userIds ?? []),
    needs.entryId ? loadEntryInfo(ctx.tx, needs.entryId) : null,
  ]);
  return {
    now: ctx.now.toISOString(),
    today: romeDate(ctx.now),
    actor: needs.actor ?? actorOf(ctx.user),
    mutationId: ctx.mutationId ?? `server-${ctx.now.getTime()}`,
    type,
    settings,
    names,
    entry,
  };
}
