import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { send } from '../../api/client';
import { ErrorAlert } from '../../components/Alert';
import type { AgendaOccurrenceDto, AgendaPersonDto } from '../../../shared/contract';
import type { EditScope } from '../../../shared/domain/agenda/recurrence';
import { scopeLabels } from './ScopeQuestion';

/** Target of an edit: the series (or single event) and, for a series, the occurrence. */
export function targetOf(o: AgendaOccurrenceDto): { id: string; recurrenceId: string | null } {
  return { id: o.masterId ?? o.eventId, recurrenceId: o.recurring ? o.recurrenceId : null };
}

/** "Applica a": which occurrences of a series an edit or a deletion touches. */
export function ScopeRadios(props: { value: EditScope; onChange: (s: EditScope) => void; name: string }) {
  return (
    <fieldset className="mb-2">
      <legend className="g-label">Applica a</legend>
      <div className="g-radios">
        {(Object.keys(scopeLabels) as EditScope[]).map((s) => (
          <label key={s} className="g-radio">
            <input type="radio" name={props.name} checked={props.value === s} onChange={() => props.onChange(s)} />
            {scopeLabels[s]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * "Delega a…" (the engagement goes to an Assessore's agenda, "in rappresentanza del Sindaco")
 * and "Elimina", below the form of an existing engagement.
 */
export function EventExtraActions(props: { occurrence: AgendaOccurrenceDto; people: AgendaPersonDto[]; agendaOf: string | null; onDone: (message: string) => void }) {
  const o = props.occurrence;
  const [delegateTo, setDelegateTo] = useState('');
  const [note, setNote] = useState('');
  const [scope, setScope] = useState<EditScope>('solo_questo');
  const [confirming, setConfirming] = useState(false);
  const delegate = useMutation({
    mutationFn: () => send('agenda.delegate', { ...targetOf(o), toPersonId: delegateTo, note: note.trim() || null }),
    onSuccess: (r) => props.onDone(`Impegno delegato a ${r.event.delegation?.toName ?? 'un altro componente'} (in rappresentanza).`),
  });
  const remove = useMutation({
    mutationFn: () => send('agenda.delete', { ...targetOf(o), scope: o.recurring ? scope : 'tutti' }),
    onSuccess: () => props.onDone('Impegno eliminato.'),
  });
  const candidates = props.people.filter((p) => p.active && p.id !== props.agendaOf && p.role !== 'staff');

  return (
    <div className="g-grid-2 mt-3">
      <fieldset className="g-panel my-0">
        <legend className="h6">Delega a…</legend>
        <div className="g-field">
          <label htmlFor="g-ev-delegate-to">Chi rappresenta</label>
          <select id="g-ev-delegate-to" className="form-select" value={delegateTo} onChange={(e) => setDelegateTo(e.target.value)}>
            <option value="">Scegli…</option>
            {candidates.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.title ? ` — ${p.title}` : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="g-field">
          <label htmlFor="g-ev-delegate-note">Nota sulla delega</label>
          <input id="g-ev-delegate-note" className="form-control" value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <button type="button" className="btn btn-outline-primary" disabled={!delegateTo || delegate.isPending} onClick={() => delegate.mutate()}>
          Delega
        </button>
        <ErrorAlert error={delegate.error} />
      </fieldset>
      <fieldset className="g-panel my-0">
        <legend className="h6">Elimina</legend>
        {o.recurring && <ScopeRadios value={scope} onChange={setScope} name="g-ev-delete-scope" />}
        {!confirming ? (
          <button type="button" className="btn btn-outline-danger" onClick={() => setConfirming(true)}>
            Elimina impegno
          </button>
        ) : (
          <div className="g-actions my-0">
            <button type="button" className="btn btn-danger" disabled={remove.isPending} onClick={() => remove.mutate()} autoFocus>
              Conferma eliminazione
            </button>
            <button type="button" className="btn btn-outline-secondary" onClick={() => setConfirming(false)}>
              Non eliminare
            </button>
          </div>
        )}
        <ErrorAlert error={remove.error} />
      </fieldset>
    </div>
  );
}
