import type { CaseDto, CaseListItem, CaseSettingsDto, CaseTypeDto } from '../../../../shared/contract';
import { caseTypeRule, daysBetween, isOpenState, silenceMatured, termStatus } from '../../../../shared/domain/cases';

/** What turning a case into a list row needs: today (Rome), the types and the settings. */
export interface ListContext {
  today: string;
  types: readonly CaseTypeDto[];
  settings: CaseSettingsDto;
}

/**
 * A row of "My desk": the case and where it stands against its term today. A suspended case
 * has no running term (the clock stands still, L. 241/1990 art. 2 c.7), so no days left.
 */
export function toListItem(c: CaseDto, lc: ListContext): CaseListItem {
  const rule = caseTypeRule(c.typeCode, lc.types);
  const closed = !isOpenState(c.state);
  const suspendedNow = c.state === 'sospesa';
  const status = termStatus({ dueOn: c.dueOn, suspendedNow, closed }, lc.today, lc.settings.dueSoonDays);
  const silence = silenceMatured(rule, suspendedNow ? null : c.dueOn, lc.today, closed);
  return {
    id: c.id,
    typeCode: c.typeCode,
    typeName: rule.name,
    title: c.title,
    requesterName: c.requester?.name ?? null,
    receivedOn: c.receivedOn,
    dueOn: c.dueOn,
    state: c.state,
    termStatus: status,
    daysLeft: closed || suspendedNow || c.dueOn === null ? null : daysBetween(lc.today, c.dueOn),
    ownerName: c.ownerName,
    officeName: c.officeName,
    silence: silence === 'nessuno' ? null : silence,
    priority: c.priority,
  };
}
