import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import { uuidv7 } from '../../../shared/domain/ids';
import type { AgendaEventDto, AgendaOccurrenceDto, AgendaPersonDto, ConflictReport, RoomDto } from '../../../shared/contract';
import type { EditScope } from '../../../shared/domain/agenda/recurrence';
import { EventFormFields } from './EventFormFields';
import { EventExtraActions, ScopeRadios, targetOf } from './EventExtraActions';
import { ConflictPanel, useConflicts } from './ConflictPanel';
import { OccurrenceSummary } from './OccurrenceSummary';
import { changesOf, createInputOf, draftFromEvent, peopleOf, repeatOf, rruleOf, timesOf, type EventDraft } from './event-draft';

export type EventDialogState =
  | { mode: 'create'; draft: EventDraft; booking: boolean }
  | { mode: 'edit'; occurrence: AgendaOccurrenceDto; booking: boolean };

/** Italian line for the person double bookings the desk accepted with a warning. */
export function warningText(w: ConflictReport): string | null {
  if (w.people.length === 0) return null;
  return `Attenzione: ${w.people.map((p) => `${p.personName} è già impegnato in «${p.title}»`).join('; ')}.`;
}

/** The engagement dialog: loads what an occurrence needs, then the form. */
export function EventDialog(props: {
  state: EventDialogState | null;
  canEdit: boolean;
  people: AgendaPersonDto[];
  rooms: RoomDto[];
  onClose: (message?: string) => void;
}) {
  const s = props.state;
  const occ = s?.mode === 'edit' ? s.occurrence : null;
  const locked = !props.canEdit || !!occ?.redacted;
  const ev = useQuery({ queryKey: queryKeys.agendaEvent(occ?.eventId ?? ''), queryFn: () => send('agenda.get', { id: occ?.eventId ?? '' }), enabled: !!occ && !locked });
  const masterId = occ?.masterId && occ.masterId !== occ.eventId ? occ.masterId : null;
  const master = useQuery({ queryKey: queryKeys.agendaEvent(masterId ?? ''), queryFn: () => send('agenda.get', { id: masterId ?? '' }), enabled: !!masterId && !locked });
  const title = !s ? '' : s.mode === 'create' ? (s.booking ? 'Nuova prenotazione' : 'Nuovo impegno') : locked ? 'Impegno' : s.booking ? 'Prenotazione' : 'Modifica impegno';

  let body: React.ReactNode = null;
  if (s?.mode === 'create') body = <EventEditor key="create" initial={s.draft} booking={s.booking} occurrence={null} master={null} {...props} />;
  else if (occ && locked) body = <OccurrenceSummary occurrence={occ} />;
  else if (occ && (ev.error || master.error)) body = <ErrorAlert error={ev.error ?? master.error} />;
  else if (occ && ev.data && (!masterId || master.data)) {
    body = <EventEditor key={`${occ.key}-${ev.data.version}`} initial={draftFromEvent(ev.data, occ)} booking={s?.booking ?? false} occurrence={occ} master={master.data ?? ev.data} {...props} />;
  } else if (occ) body = <p role="status">Caricamento dell'impegno…</p>;

  return (
    <Dialog open={!!s} title={title} onClose={() => props.onClose()}>
      {body}
    </Dialog>
  );
}

function EventEditor(props: {
  initial: EventDraft;
  booking: boolean;
  occurrence: AgendaOccurrenceDto | null;
  master: AgendaEventDto | null;
  people: AgendaPersonDto[];
  rooms: RoomDto[];
  onClose: (message?: string) => void;
}) {
  const qc = useQueryClient();
  const occ = props.occurrence;
  // A series' rule comes from its master even when this occurrence was moved on its own.
  const initial = useMemo(() => (props.master ? { ...props.initial, ...repeatOf(props.master.rrule) } : props.initial), [props.initial, props.master]);
  const [d, setD] = useState<EventDraft>(initial);
  const [id] = useState(() => uuidv7());
  const [scope, setScope] = useState<EditScope>('solo_questo');
  const [force, setForce] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const set = (v: Partial<EventDraft>) => setD((old) => ({ ...old, ...v }));

  const times = timesOf(d);
  const check = useConflicts(
    times.start < times.end
      ? { start: times.start, end: times.end, roomId: d.roomId, people: peopleOf(d), rrule: rruleOf(d), excludeEventId: occ ? targetOf(occ).id : null }
      : null,
  );
  const roomBlocked = (check.data?.rooms.length ?? 0) > 0;

  const save = useMutation({
    mutationFn: async () => {
      const override = force && reason.trim() ? reason.trim() : null;
      if (!occ) return send('agenda.create', createInputOf(d, id, override));
      return send('agenda.update', {
        ...targetOf(occ),
        scope: occ.recurring ? scope : 'tutti',
        changes: changesOf(initial, d),
        ambiguous: d.ambiguous,
        ...(override ? { overrideRoomConflict: override } : {}),
      });
    },
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['agenda'] });
      props.onClose([occ ? 'Impegno aggiornato.' : props.booking ? 'Prenotazione registrata.' : 'Impegno creato.', warningText(r.warnings)].filter(Boolean).join(' '));
    },
  });
  const fe = fieldErrorsOf(save.error);

  const submit = () => {
    if (roomBlocked && !(force && reason.trim())) {
      setForce(true);
      setReasonError('La sala è già prenotata: scegli un’altra sala o scrivi il motivo per forzare la prenotazione.');
      return;
    }
    setReasonError(undefined);
    save.mutate();
  };

  return (
    <>
    <form
      noValidate
      aria-label={props.booking ? 'Prenotazione della sala' : 'Impegno'}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <EventFormFields draft={d} set={set} errors={fe} people={props.people} rooms={props.rooms} booking={props.booking} recurrenceEditable={!occ || !occ.recurring || scope !== 'solo_questo'} />
      <ConflictPanel report={check.data} force={force} reason={reason} onForce={setForce} onReason={setReason} reasonError={reasonError} />
      {occ?.recurring && <ScopeRadios value={scope} onChange={setScope} name="g-ev-save-scope" />}
      <ErrorAlert error={save.error} />
      <div className="g-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? 'Salvataggio…' : 'Salva'}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => props.onClose()}>
          Annulla
        </button>
      </div>
    </form>
    {occ && <EventExtraActions occurrence={occ} people={props.people} agendaOf={d.agendaOf} onDone={(m) => { void qc.invalidateQueries({ queryKey: ['agenda'] }); props.onClose(m); }} />}
    </>
  );
}
