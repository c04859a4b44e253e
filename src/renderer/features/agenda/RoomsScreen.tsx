import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Alert, ErrorAlert } from '../../components/Alert';
import type { RoomDto, SessionUser } from '../../../shared/contract';
import { RoomsGrid, rowsOf, type GridRow } from './RoomsGrid';
import { EventDialog, type EventDialogState } from './EventDialog';
import { agendaRights, sortPeople, useAgendaPeople, useRooms } from './agenda-data';
import { addDays, addMinutesLocal, longDayLabel, mondayOf, romeNowLocal } from './agenda-time';
import { emptyEventDraft } from './event-draft';
import './agenda.css';

/** Sale: the representation rooms, one column each, by day or week; book one for another office. */
export function RoomsScreen(props: { user: SessionUser }) {
  const rights = agendaRights(props.user);
  const [day, setDay] = useState(() => romeNowLocal().slice(0, 10));
  const [days, setDays] = useState<1 | 7>(1);
  const [dialog, setDialog] = useState<EventDialogState | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const first = days === 7 ? mondayOf(day) : day;
  const view = useQuery({
    queryKey: queryKeys.agendaRoomsView(first, days),
    queryFn: () => send('agenda.roomsView', { day: first, days }),
    placeholderData: keepPreviousData,
  });
  const people = useAgendaPeople();
  const allRooms = useRooms();
  const rooms = useMemo(() => (view.data?.rooms ?? []).filter((r) => r.active), [view.data]);
  const occurrences = view.data?.occurrences ?? [];
  const rows = rowsOf(first, days, occurrences);
  const caption = days === 1 ? `Sale, ${longDayLabel(first)}` : `Sale, settimana dal ${longDayLabel(first)} al ${longDayLabel(addDays(first, 6))}`;

  const book = (room: RoomDto | null, row: GridRow | null) => {
    const start = row ? (days === 1 ? row.from : `${row.from.slice(0, 10)}T09:00`) : `${first}T09:00`;
    const draft = emptyEventDraft(start, addMinutesLocal(start, 60), { kind: 'prenotazione_sala', roomId: room?.id ?? null, agendaOf: null });
    setDialog({ mode: 'create', draft, booking: true });
  };

  return (
    <section aria-labelledby="g-rooms-title" className="g-agenda">
      <h1 id="g-rooms-title" className="h3">
        Sale
      </h1>
      <div className="g-agenda-bar" role="toolbar" aria-label="Navigazione delle sale">
        <div className="btn-group" role="group" aria-label="Periodo">
          <button type="button" className="btn btn-outline-primary" onClick={() => setDay(addDays(day, -days))}>
            ‹ Precedente
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={() => setDay(romeNowLocal().slice(0, 10))}>
            Oggi
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={() => setDay(addDays(day, days))}>
            Successivo ›
          </button>
        </div>
        <div className="btn-group" role="group" aria-label="Vista">
          {([1, 7] as const).map((n) => (
            <button key={n} type="button" className={`btn ${days === n ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={days === n} onClick={() => setDays(n)}>
              {n === 1 ? 'Giorno' : 'Settimana'}
            </button>
          ))}
        </div>
        <div className="g-agenda-filter">
          <label htmlFor="g-rooms-day">Giorno</label>
          <input id="g-rooms-day" type="date" className="form-control" value={day} onChange={(e) => e.target.value && setDay(e.target.value)} />
        </div>
        {rights.edit && (
          <button type="button" className="btn btn-primary" onClick={() => book(null, null)}>
            Nuova prenotazione
          </button>
        )}
      </div>
      <h2 className="h5 g-agenda-title" aria-live="polite">
        {caption}
      </h2>
      {notice && <Alert kind={notice.includes('Attenzione') ? 'warning' : 'success'}>{notice}</Alert>}
      <ErrorAlert error={view.error} />
      {view.data && rooms.length === 0 && <p>Nessuna sala configurata: le sale si aggiungono in Amministrazione, «Sale».</p>}
      {rooms.length > 0 && (
        <div data-loaded={view.isPlaceholderData ? '' : `${first}/${days}`}>
          <RoomsGrid
            caption={caption}
            rooms={rooms}
            rows={rows}
            occurrences={occurrences}
            onOpen={(o) => setDialog({ mode: 'edit', occurrence: o, booking: o.kind === 'prenotazione_sala' })}
            onCreate={rights.edit ? book : null}
          />
        </div>
      )}
      <EventDialog
        state={dialog}
        canEdit={rights.edit}
        people={sortPeople(people.data ?? [])}
        rooms={allRooms.data ?? rooms}
        onClose={(message) => {
          setDialog(null);
          if (message) setNotice(message);
        }}
      />
    </section>
  );
}
