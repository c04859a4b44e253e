import { Fragment } from 'react';
import type { AgendaOccurrenceDto } from '../../../shared/contract';
import { eventKindLabels, visibilityLabels } from '../../../shared/domain/agenda/kinds';
import { spanLabel } from './agenda-time';

/**
 * An engagement read only: for users who may not edit the agenda, and for private engagements
 * they may not read ("Occupato": the desk already left out every detail but the time).
 */
export function OccurrenceSummary(props: { occurrence: AgendaOccurrenceDto }) {
  const o = props.occurrence;
  const rows: Array<[string, string | null]> = o.redacted
    ? [['Quando', spanLabel(o.start, o.end, o.allDay)], ['Agenda di', o.agendaOfName]]
    : [
        ['Titolo', o.title],
        ['Tipo', eventKindLabels[o.kind]],
        ['Quando', spanLabel(o.start, o.end, o.allDay)],
        ['Visibilità', visibilityLabels[o.visibility]],
        ['Agenda di', o.agendaOfName],
        ['In rappresentanza', o.delegatedToName],
        ['Sala', o.roomName],
        ['Indirizzo', o.address],
        ['Controparte', o.counterpart],
        ['Organizzatore', o.organiser],
        ['Partecipanti', o.participants.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join(', ') || null],
        ['Referente dello staff', o.staffContact],
        ['Note', o.notes],
      ];
  return (
    <>
      {o.redacted && <p>Impegno privato: il dettaglio è riservato alla segreteria del Sindaco.</p>}
      <dl className="g-dl">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <Fragment key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </Fragment>
          ))}
      </dl>
    </>
  );
}
