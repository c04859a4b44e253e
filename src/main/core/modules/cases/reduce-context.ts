import type { CaseRequester, SessionUser } from '../../../../shared/contract';
import type { CaseTypeCode } from '../../../../shared/domain/cases';
import type { CaseEntryInfo, CaseReduceCtx } from '../../../../shared/domain/cases/reducer';
import { formatYearNumber } from '../../../../shared/domain/protocol-number';
import { romeDate } from '../../../../shared/domain/time';
import type { Db } from '../../db/open';
import { findEntry } from '../protocol/repository';
import { caseSettings, caseType, officeName, userName } from './repository';

/**
 * The reducer's context on the desk: the same inputs the register server gathers (type row,
 * settings row, names, the protocol entry), read from the local copies, with the mutation's own
 * time and id so the optimistic rows match the server's.
 */
export function reduceContext(db: Db, user: SessionUser, at: { now: string; mutationId: string }, typeCode: CaseTypeCode, entryId?: string | null): CaseReduceCtx {
  return {
    now: at.now,
    today: romeDate(at.now),
    actor: { id: user.id, name: user.fullName, officeId: user.officeId },
    mutationId: at.mutationId,
    type: caseType(db, typeCode),
    settings: caseSettings(db),
    names: { office: (id) => officeName(db, id), user: (id) => userName(db, id) },
    entry: entryId ? entryInfo(db, entryId) : null,
  };
}

/**
 * A protocol entry as the case sees it. The legal date is the emergency date for an entry
 * registered in the emergency register (DPR 445/2000 art. 63), else the Rome day of
 * registration; the label is the ordinary number, or the emergency number while it has none.
 */
export function entryInfo(db: Db, entryId: string): CaseEntryInfo | null {
  const e = findEntry(db, entryId);
  if (!e) return null;
  const first = e.correspondents[0];
  const requester: CaseRequester | null = first ? { contactId: first.contactId, name: first.name } : null;
  const label = e.number !== null ? formatYearNumber(e.year, e.number) : (e.emergency?.emergencyNumber ?? 'in attesa di numero');
  return {
    id: e.id,
    label,
    direction: e.direction,
    legalDate: romeDate(e.emergency?.legalDate ?? e.registeredAt),
    oggetto: e.oggetto,
    requester,
    classificationCode: e.classificationCode,
  };
}
