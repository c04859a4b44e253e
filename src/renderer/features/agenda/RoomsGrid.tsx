import { Fragment } from 'react';
import type { AgendaOccurrenceDto, RoomDto } from '../../../shared/contract';
import { addMinutesLocal, addDays, longDayLabel } from './agenda-time';
import type { LocalDateTime } from '../../../shared/domain/agenda/time';

export interface GridRow {
  key: string;
  label: string;
  from: LocalDateTime;
  to: LocalDateTime;
}

/** Day view: one row an hour (07–21, widened to any booking outside); week view: one row a day. */
export function rowsOf(day: string, days: 1 | 7, occurrences: readonly AgendaOccurrenceDto[]): GridRow[] {
  if (days === 7) {
    return Array.from({ length: 7 }, (_, i) => {
      const d = addDays(day, i);
      return { key: d, label: longDayLabel(d), from: `${d}T00:00`, to: `${addDays(d, 1)}T00:00` };
    });
  }
  let first = 7;
  let last = 21;
  for (const o of occurrences) {
    if (o.allDay) continue;
    if (o.start.slice(0, 10) === day) first = Math.min(first, Number(o.start.slice(11, 13)));
    if (o.end.slice(0, 10) === day) last = Math.max(last, Number(o.end.slice(11, 13)) - (o.end.slice(14) === '00' ? 1 : 0));
  }
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const h = String(first + i).padStart(2, '0');
    const from = `${day}T${h}:00`;
    return { key: from, label: `${h}:00`, from, to: addMinutesLocal(from, 60) };
  });
}

const overlaps = (o: AgendaOccurrenceDto, row: GridRow) => o.start < row.to && row.from < o.end;

/**
 * One column a room (FullCalendar's resource views are not free, and a table reads well with a
 * screen reader: row and column headers name each cell). A booking is a button in the row where
 * it starts; the rows it keeps the room busy show it as continuing.
 */
export function RoomsGrid(props: {
  caption: string;
  rooms: RoomDto[];
  rows: GridRow[];
  occurrences: readonly AgendaOccurrenceDto[];
  onOpen: (o: AgendaOccurrenceDto) => void;
  onCreate: ((room: RoomDto, row: GridRow) => void) | null;
}) {
  return (
    <div className="g-rooms-wrap">
      <table className="g-rooms">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Orario</span>
            </th>
            {props.rooms.map((r) => (
              <th key={r.id} scope="col">
                {r.name}
                {r.capacity ? <small className="d-block fw-normal">{r.capacity} posti</small> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {props.rooms.map((room) => {
                const here = props.occurrences.filter((o) => o.roomId === room.id && overlaps(o, row));
                const create = props.onCreate;
                return (
                  <td
                    key={room.id}
                    className={here.length === 0 && create ? 'g-slot-free' : undefined}
                    onClick={here.length === 0 && create ? () => create(room, row) : undefined}
                  >
                    {here.map((o) => (
                      <Fragment key={o.key}>
                        {o.start >= row.from || props.rows[0]?.key === row.key ? (
                          <button type="button" className={`g-booking ${o.agendaOf ? 'g-booking-agenda' : ''}`} onClick={(e) => { e.stopPropagation(); props.onOpen(o); }}>
                            <strong>
                              {o.allDay ? 'Tutto il giorno' : `${o.start.slice(11, 16)}–${o.end.slice(11, 16)}`} {o.title}
                            </strong>
                            {(o.organiser ?? o.agendaOfName) && <small>{o.organiser ?? `Agenda di ${o.agendaOfName}`}</small>}
                            {o.roomOverride && <small>Doppia prenotazione autorizzata</small>}
                          </button>
                        ) : (
                          <span className="g-booking g-booking-cont">segue: {o.title}</span>
                        )}
                      </Fragment>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
