import { useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useDebounced } from '../../lib/use-debounced';
import type { ConflictReport, InputOf } from '../../../shared/contract';
import { spanLabel } from './agenda-time';

export type ConflictQuery = InputOf<'agenda.checkConflicts'>;

/** The desk's conflict check for the draft, asked again once the user stops typing. */
export function useConflicts(input: ConflictQuery | null) {
  const debounced = useDebounced(input, 300);
  return useQuery({
    queryKey: queryKeys.agendaConflicts(debounced ?? {}),
    queryFn: () => send('agenda.checkConflicts', debounced as ConflictQuery),
    enabled: debounced !== null,
    staleTime: 0,
    retry: false,
  });
}

/**
 * Conflicts of the draft, live. A room booked twice blocks saving unless the user writes why
 * ("Forza prenotazione": the reason is kept on the engagement); a person booked twice is only a
 * warning, since the office may well plan it on purpose.
 */
export function ConflictPanel(props: {
  report: ConflictReport | undefined;
  force: boolean;
  reason: string;
  onForce: (force: boolean) => void;
  onReason: (reason: string) => void;
  reasonError?: string | undefined;
}) {
  const r = props.report;
  if (!r || (r.rooms.length === 0 && r.people.length === 0)) return null;
  return (
    <div className="g-conflicts" role="status" aria-live="polite">
      {r.rooms.length > 0 && (
        <div className="alert alert-danger mb-2">
          <strong className="d-block">Sala già prenotata</strong>
          <ul className="mb-1">
            {r.rooms.map((c) => (
              <li key={`${c.eventId}-${c.start}`}>
                {c.roomName}: «{c.title}», {spanLabel(c.start, c.end)}
              </li>
            ))}
          </ul>
          <div className="form-check">
            <input id="g-ev-force" type="checkbox" className="form-check-input" checked={props.force} onChange={(e) => props.onForce(e.target.checked)} />
            <label htmlFor="g-ev-force" className="form-check-label">
              Forza prenotazione
            </label>
          </div>
          {props.force && (
            <div className="g-field mt-1">
              <label htmlFor="g-ev-force-reason">Motivo della doppia prenotazione</label>
              <textarea
                id="g-ev-force-reason"
                className="form-control"
                rows={2}
                value={props.reason}
                aria-invalid={!!props.reasonError}
                aria-describedby={props.reasonError ? 'g-ev-force-reason-err' : undefined}
                onChange={(e) => props.onReason(e.target.value)}
              />
              {props.reasonError && (
                <div id="g-ev-force-reason-err" className="g-field-error" role="alert">
                  {props.reasonError}
                </div>
              )}
            </div>
          )}
        </div>
      )}
      {r.people.length > 0 && (
        <div className="alert alert-warning mb-2">
          <strong className="d-block">Attenzione: persona già impegnata</strong>
          <ul className="mb-0">
            {r.people.map((c) => (
              <li key={`${c.eventId}-${c.personName}-${c.start}`}>
                {c.personName}: «{c.title}», {spanLabel(c.start, c.end)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
