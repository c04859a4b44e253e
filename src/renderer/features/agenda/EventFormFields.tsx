import { Field } from '../../components/Field';
import type { FieldErrors } from '../../lib/field-errors';
import type { AgendaPersonDto, RoomDto } from '../../../shared/contract';
import { defaultVisibilityOf, eventKindLabels, eventKinds, visibilities, visibilityLabels, type EventKind, type Visibility } from '../../../shared/domain/agenda/kinds';
import { EventWhenFields } from './EventWhenFields';
import { ParticipantsField } from './ParticipantsField';
import { LinksField } from './LinksField';
import type { EventDraft } from './event-draft';

/**
 * The fields of an engagement or a room booking. Controlled: the dialog owns the draft, so the
 * conflict check and the save see exactly what is on screen.
 */
export function EventFormFields(props: {
  draft: EventDraft;
  set: (v: Partial<EventDraft>) => void;
  errors: FieldErrors;
  people: AgendaPersonDto[];
  rooms: RoomDto[];
  /** Room bookings by other offices: no person's agenda, organiser and services instead. */
  booking: boolean;
  recurrenceEditable: boolean;
}) {
  const { draft: d, set, errors: fe } = props;
  const room = props.rooms.find((r) => r.id === d.roomId) ?? null;
  const kinds = props.booking ? (['prenotazione_sala'] as const) : eventKinds.filter((k) => k !== 'prenotazione_sala');
  const text = (key: 'title' | 'address' | 'counterpart' | 'staffContact' | 'organiser', label: string, hint?: string) => (
    <Field label={label} error={fe[key]} {...(hint ? { hint } : {})}>
      {(ids) => <input id={ids.id} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={d[key]} onChange={(e) => set({ [key]: e.target.value })} />}
    </Field>
  );

  return (
    <>
      <div className="g-grid-3">
        <Field label="Tipo" error={fe.kind}>
          {(ids) => (
            <select
              id={ids.id}
              className="form-select"
              value={d.kind}
              disabled={props.booking}
              aria-describedby={ids.describedBy}
              // The visibility follows the kind until the user chooses one himself.
              onChange={(e) => {
                const kind = e.target.value as EventKind;
                set({ kind, ...(d.visibility === defaultVisibilityOf[d.kind] ? { visibility: defaultVisibilityOf[kind] } : {}) });
              }}
            >
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {eventKindLabels[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('title', 'Titolo')}
        <Field label="Visibilità" error={fe.visibility} hint={d.visibility === 'privato' ? 'Chi non è della segreteria vede solo «Occupato».' : undefined}>
          {(ids) => (
            <select id={ids.id} className="form-select" aria-describedby={ids.describedBy} value={d.visibility} onChange={(e) => set({ visibility: e.target.value as Visibility })}>
              {visibilities.map((v) => (
                <option key={v} value={v}>
                  {visibilityLabels[v]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <EventWhenFields value={d} onChange={set} errors={fe} recurrenceEditable={props.recurrenceEditable} />
      <div className="g-grid-3">
        {!props.booking && (
          <Field label="Agenda di" error={fe.agendaOf}>
            {(ids) => (
              <select id={ids.id} className="form-select" aria-describedby={ids.describedBy} value={d.agendaOf ?? ''} onChange={(e) => set({ agendaOf: e.target.value || null })}>
                <option value="">Nessuna agenda</option>
                {props.people.filter((p) => p.active || p.id === d.agendaOf).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                    {p.title ? ` — ${p.title}` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label="Sala" error={fe.roomId}>
          {(ids) => (
            <select id={ids.id} className="form-select" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={d.roomId ?? ''} onChange={(e) => set({ roomId: e.target.value || null, services: [] })}>
              <option value="">{props.booking ? 'Scegli la sala…' : 'Nessuna sala (indirizzo)'}</option>
              {props.rooms.filter((r) => r.active || r.id === d.roomId).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                  {r.capacity ? ` (${r.capacity} posti)` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        {!d.roomId && text('address', 'Indirizzo o luogo')}
        {text('counterpart', 'Controparte', 'Es. «Delegazione della città di Lione»')}
      </div>
      {props.booking && (
        <div className="g-grid-2">
          {text('organiser', 'Ufficio o persona che organizza')}
          {room && room.services.length > 0 && (
            <fieldset>
              <legend className="g-label">Servizi richiesti</legend>
              {room.services.map((s) => (
                <div key={s} className="form-check">
                  <input
                    id={`g-ev-service-${s}`}
                    type="checkbox"
                    className="form-check-input"
                    checked={d.services.includes(s)}
                    onChange={(e) => set({ services: e.target.checked ? [...d.services, s] : d.services.filter((x) => x !== s) })}
                  />
                  <label htmlFor={`g-ev-service-${s}`} className="form-check-label">
                    {s}
                  </label>
                </div>
              ))}
            </fieldset>
          )}
        </div>
      )}
      <div className="form-check mb-2">
        <input id="g-ev-foreign" type="checkbox" className="form-check-input" checked={d.foreign} onChange={(e) => set({ foreign: e.target.checked })} />
        <label htmlFor="g-ev-foreign" className="form-check-label">
          Visita o delegazione estera
        </label>
      </div>
      <ParticipantsField value={d.participants} onChange={(participants) => set({ participants })} people={props.people} />
      <div className="g-grid-2">
        {text('staffContact', 'Referente dello staff')}
        <Field label="Note" error={fe.notes}>
          {(ids) => <textarea id={ids.id} className="form-control" rows={3} aria-describedby={ids.describedBy} value={d.notes} onChange={(e) => set({ notes: e.target.value })} />}
        </Field>
      </div>
      <LinksField entryIds={d.entryIds} caseIds={d.caseIds} onChange={(v) => set(v)} />
    </>
  );
}
