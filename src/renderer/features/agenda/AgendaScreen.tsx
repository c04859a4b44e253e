import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type FullCalendar from '@fullcalendar/react';
import { sendCatch } from '../../api/client';
import { Alert, ErrorAlert } from '../../components/Alert';
import { isTypingTarget } from '../../lib/shortcuts';
import type { AgendaOccurrenceDto, RoomDto, SessionUser } from '../../../shared/contract';
import { AgendaCalendar, calendarViews, type CalendarView, type MoveRequest, type VisibleRange } from './AgendaCalendar';
import { AgendaActions } from './AgendaActions';
import { EventDialog, warningText, type EventDialogState } from './EventDialog';
import { targetOf } from './EventExtraActions';
import { useScopeQuestion } from './ScopeQuestion';
import { agendaRights, onRangesInvalidated, sortPeople, useAgendaPeople, useRooms } from './agenda-data';
import { addDays, existingLocal, romeNowLocal, spanLabel } from './agenda-time';
import { emptyEventDraft } from './event-draft';
import { agendaViewState } from './view-state';
import './agenda.css';

const viewNames: Record<CalendarView, string> = { giorno: 'Giorno', settimana: 'Settimana', mese: 'Mese', elenco: 'Elenco' };
const viewKeys: Record<string, CalendarView> = { g: 'giorno', s: 'settimana', m: 'mese', e: 'elenco' };

/** Agenda: the Mayor's and the Assessori's engagements, in day, week, month and list views. */
export function AgendaScreen(props: { user: SessionUser }) {
  const qc = useQueryClient();
  const rights = agendaRights(props.user);
  const calRef = useRef<FullCalendar>(null);
  const [range, setRange] = useState<VisibleRange | null>(null);
  const [person, setPerson] = useState(agendaViewState.person);
  const [dialog, setDialog] = useState<EventDialogState | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'warning' | 'danger'; text: string } | null>(null);
  const [scopeNode, askScope] = useScopeQuestion();
  const people = useAgendaPeople();
  const rooms = useRooms();
  const sortedPeople = useMemo(() => sortPeople(people.data ?? []), [people.data]);

  const [rangeError, setRangeError] = useState<unknown>(null);

  // A change from this or another desk (data-changed) invalidates the windows: reload the visible one.
  useEffect(() => {
    let queued = false;
    return onRangesInvalidated(qc, () => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        calRef.current?.getApi().refetchEvents();
      });
    });
  }, [qc]);

  const api = () => calRef.current?.getApi();
  const go = useCallback((what: 'prev' | 'next' | 'today') => {
    const a = calRef.current?.getApi();
    if (!a) return;
    if (what === 'today') a.gotoDate(romeNowLocal().slice(0, 10));
    else a[what]();
  }, []);
  const changeView = useCallback((v: CalendarView) => calRef.current?.getApi().changeView(calendarViews[v]), []);

  const onRange = useCallback((r: VisibleRange) => {
    agendaViewState.view = r.view;
    agendaViewState.date = r.view === 'mese' ? addDays(r.from.slice(0, 10), 10) : r.from.slice(0, 10);
    setRange((old) => (old && old.from === r.from && old.to === r.to && old.view === r.view ? old : r));
  }, []);
  const onOpen = useCallback((o: AgendaOccurrenceDto) => setDialog({ mode: 'edit', occurrence: o, booking: o.kind === 'prenotazione_sala' }), []);
  const onCreate = useCallback(
    (start: string, end: string, allDay: boolean) => {
      const draft = emptyEventDraft(start, allDay ? `${addDays(end.slice(0, 10), -1)}T00:00` : end, { allDay, agendaOf: person || null });
      setDialog({ mode: 'create', draft, booking: false });
    },
    [person],
  );
  const onMove = useCallback(
    async (m: MoveRequest): Promise<boolean> => {
      const o = m.occurrence;
      const scope = o.recurring ? await askScope(`«${o.title}» del ${spanLabel(o.start, o.end, o.allDay)} fa parte di una serie.`) : 'tutti';
      if (!scope) return false;
      const r = await sendCatch('agenda.update', { ...targetOf(o), scope, changes: { start: existingLocal(m.start), end: existingLocal(m.end), allDay: m.allDay } });
      if (r.error) {
        setNotice({ kind: 'danger', text: `Impegno non spostato: ${r.error.message}` });
        return false;
      }
      const warn = warningText(r.data.warnings);
      setNotice({ kind: warn ? 'warning' : 'success', text: `«${o.title}» spostato: ${spanLabel(existingLocal(m.start), existingLocal(m.end), m.allDay)}.${warn ? ` ${warn}` : ''}` });
      await qc.invalidateQueries({ queryKey: ['agenda'] });
      return true;
    },
    [askScope, qc],
  );

  // Keys (outside text fields and dialogs): PagSu/PagGiù previous/next, O today, G/S/M/E the
  // views, N a new engagement. Events are in the tab order and open with Enter.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target as HTMLElement | null) || document.querySelector('dialog[open]')) return;
      const k = e.key.toLowerCase();
      const action: (() => void) | undefined =
        e.key === 'PageUp' ? () => go('prev')
        : e.key === 'PageDown' ? () => go('next')
        : k === 'o' ? () => go('today')
        : viewKeys[k] ? () => changeView(viewKeys[k] as CalendarView)
        : k === 'n' && rights.edit ? () => onCreate(`${agendaViewState.date}T09:00`, `${agendaViewState.date}T10:00`, false)
        : undefined;
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, changeView, onCreate, rights.edit]);

  const currentDay = range ? (range.view === 'mese' ? addDays(range.from.slice(0, 10), 10).slice(0, 8) + '01' : range.from.slice(0, 10)) : romeNowLocal().slice(0, 10);
  const today = romeNowLocal().slice(0, 10);
  const sheetDay = range && range.from.slice(0, 10) <= today && today < range.to.slice(0, 10) ? today : currentDay;

  return (
    <section aria-labelledby="g-agenda-title" className="g-agenda">
      <h1 id="g-agenda-title" className="h3">
        Agenda
      </h1>
      <div className="g-agenda-bar" role="toolbar" aria-label="Navigazione dell'agenda">
        <div className="btn-group" role="group" aria-label="Periodo">
          <button type="button" className="btn btn-outline-primary" onClick={() => go('prev')} aria-keyshortcuts="PageUp">
            ‹ Precedente
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={() => go('today')} aria-keyshortcuts="O">
            Oggi
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={() => go('next')} aria-keyshortcuts="PageDown">
            Successivo ›
          </button>
        </div>
        <div className="btn-group" role="group" aria-label="Vista">
          {(Object.keys(calendarViews) as CalendarView[]).map((v) => (
            <button key={v} type="button" className={`btn ${range?.view === v ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={range?.view === v} onClick={() => changeView(v)} aria-keyshortcuts={v[0]?.toUpperCase()}>
              {viewNames[v]}
            </button>
          ))}
        </div>
        <div className="g-agenda-filter">
          <label htmlFor="g-agenda-person">Agenda di</label>
          <select
            id="g-agenda-person"
            className="form-select"
            value={person}
            onChange={(e) => {
              agendaViewState.person = e.target.value;
              setPerson(e.target.value);
            }}
          >
            <option value="">Tutte le agende</option>
            {sortedPeople.filter((p) => p.active).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.title ? ` — ${p.title}` : ''}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="g-actions">
        {rights.edit && (
          <button type="button" className="btn btn-primary" aria-keyshortcuts="N" onClick={() => onCreate(`${currentDay}T09:00`, `${currentDay}T10:00`, false)}>
            Nuovo impegno
          </button>
        )}
        <AgendaActions day={sheetDay} agendaOf={person || null} people={sortedPeople} canEdit={rights.edit} />
      </div>
      <p className="g-kbd-hint form-text">Tasti: PagSu/PagGiù periodo precedente/successivo, O oggi, G S M E giorno/settimana/mese/elenco{rights.edit ? ', N nuovo impegno' : ''}; Tab sugli impegni e Invio per aprirli.</p>
      <h2 className="h5 g-agenda-title" aria-live="polite">
        {range?.title ?? ''}
      </h2>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <ErrorAlert error={rangeError ?? people.error} />
      <AgendaCalendar
        ref={calRef}
        initialView={agendaViewState.view}
        initialDate={agendaViewState.date || today}
        agendaOf={person || null}
        onError={setRangeError}
        editable={rights.edit}
        onRange={onRange}
        onOpen={onOpen}
        onCreate={onCreate}
        onMove={onMove}
      />
      <EventDialog
        state={dialog}
        canEdit={rights.edit}
        people={sortedPeople}
        rooms={rooms.data ?? emptyRooms}
        onClose={(message) => {
          setDialog(null);
          if (message) setNotice({ kind: message.includes('Attenzione') ? 'warning' : 'success', text: message });
          api()?.unselect();
        }}
      />
      {scopeNode}
    </section>
  );
}

const emptyRooms: RoomDto[] = [];
