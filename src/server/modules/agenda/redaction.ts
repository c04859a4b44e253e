import type { AgendaEventDto } from '../../../shared/contract/agenda';
import { redactPrivateEvent } from '../../../shared/domain/agenda/private-event';
import type { Change } from '../../../shared/sync/protocol';

export { redactPrivateEvent };

/**
 * The change as this desk may receive it: private engagements redacted for a desk none of whose
 * users may read private details (permissions.ts, `agenda.privateDetails`).
 */
export function agendaChangeFor(c: Change, canSeePrivate: boolean): Change {
  if (canSeePrivate || c.table !== 'agenda_events' || !c.row || c.row.visibility !== 'privato') return c;
  return { ...c, row: redactPrivateEvent(c.row as unknown as AgendaEventDto) as unknown as Record<string, unknown> };
}
