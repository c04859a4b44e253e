import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Field } from '../../components/Field';
import { Combobox } from '../../components/Combobox';
import { ErrorAlert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import { useDebounced } from '../../lib/use-debounced';
import { uuidv7 } from '../../../shared/domain/ids';
import { romeDate } from '../../../shared/domain/time';
import type { InvitationDto, ProtocolEntry } from '../../../shared/contract';
import { EntryPicker, entryLabel } from '../agenda/EntryPicker';
import { romeNowLocal } from '../agenda/agenda-time';

/**
 * Records an invitation to the Mayor: from the registered letter, or "senza protocollo" — the
 * invitations art. 53 c.5 DPR 445/2000 lets an administration leave out of the register.
 */
export function InvitationForm(props: { onDone: (inv: InvitationDto) => void; onCancel: () => void }) {
  const qc = useQueryClient();
  const [id] = useState(() => uuidv7());
  const day = romeNowLocal().slice(0, 10);
  const [f, setF] = useState({ fromName: '', contactId: null as string | null, title: '', eventStart: `${day}T18:00`, eventEnd: `${day}T20:00`, place: '', receivedOn: day, notes: '' });
  const [withProtocol, setWithProtocol] = useState(true);
  const [entry, setEntry] = useState<ProtocolEntry | null>(null);
  const q = useDebounced(f.fromName.trim());
  const contacts = useQuery({ queryKey: queryKeys.directorySearch(q, 'invito'), queryFn: () => send('directory.search', { query: q, limit: 10 }), enabled: q.length >= 2 && !f.contactId });
  const set = (v: Partial<typeof f>) => setF((o) => ({ ...o, ...v }));

  const pickEntry = (e: ProtocolEntry) => {
    setEntry(e);
    const sender = e.correspondents[0];
    set({ title: f.title || e.oggetto, receivedOn: romeDate(e.registeredAt), ...(sender && !f.fromName ? { fromName: sender.name, contactId: sender.contactId } : {}) });
  };
  const save = useMutation({
    mutationFn: () =>
      send('invitations.record', {
        id,
        receivedOn: f.receivedOn,
        from: { contactId: f.contactId, name: f.fromName.trim() },
        title: f.title.trim(),
        eventStart: f.eventStart,
        eventEnd: f.eventEnd,
        place: f.place.trim(),
        entryId: withProtocol ? (entry?.id ?? null) : null,
        notes: f.notes.trim() || null,
      }),
    onSuccess: (inv) => {
      void qc.invalidateQueries({ queryKey: ['agenda'] });
      props.onDone(inv);
    },
  });
  const fe = fieldErrorsOf(save.error);
  const missingEntry = withProtocol && !entry;

  const input = (key: 'title' | 'place' | 'eventStart' | 'eventEnd' | 'receivedOn', label: string, type = 'text') => (
    <Field label={label} error={fe[key]}>
      {(ids) => <input id={ids.id} type={type} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f[key]} onChange={(e) => set({ [key]: e.target.value })} />}
    </Field>
  );

  return (
    <form
      noValidate
      aria-label="Nuovo invito"
      onSubmit={(e) => {
        e.preventDefault();
        if (!missingEntry) save.mutate();
      }}
    >
      <fieldset className="mb-2">
        <legend className="g-label">Protocollo</legend>
        <div className="g-radios">
          <label className="g-radio">
            <input type="radio" name="g-inv-protocol" checked={withProtocol} onChange={() => setWithProtocol(true)} />
            Da una registrazione di protocollo
          </label>
          <label className="g-radio">
            <input type="radio" name="g-inv-protocol" checked={!withProtocol} onChange={() => setWithProtocol(false)} />
            Senza protocollo (art. 53 c.5 DPR 445/2000)
          </label>
        </div>
      </fieldset>
      {withProtocol && (
        <>
          <EntryPicker label="Registrazione dell'invito" inputId="g-inv-entry" onPick={pickEntry} />
          {entry && <p className="g-picked">Registrazione scelta: {entryLabel(entry)}</p>}
        </>
      )}
      <div className="g-grid-2">
        <Combobox
          label="Da (chi invita)"
          inputId="g-inv-from"
          query={f.fromName}
          onQueryChange={(v) => set({ fromName: v, contactId: null })}
          options={(contacts.data ?? []).map((c) => ({ key: c.id, label: c.name, detail: c.city ?? undefined, value: c }))}
          loading={contacts.isFetching}
          error={fe['from.name'] ?? fe.from}
          hint={f.contactId ? 'Contatto della rubrica' : 'Scrivi il nome o sceglilo dalla rubrica'}
          onSelect={(c) => set({ fromName: c.name, contactId: c.id })}
        />
        {input('title', "Titolo dell'evento")}
        {input('eventStart', 'Inizio', 'datetime-local')}
        {input('eventEnd', 'Fine', 'datetime-local')}
        {input('place', 'Luogo')}
        {input('receivedOn', 'Ricevuto il', 'date')}
      </div>
      <Field label="Note" error={fe.notes}>
        {(ids) => <textarea id={ids.id} rows={2} className="form-control" aria-describedby={ids.describedBy} value={f.notes} onChange={(e) => set({ notes: e.target.value })} />}
      </Field>
      {missingEntry && <p className="form-text">Scegli la registrazione dell'invito, oppure «Senza protocollo».</p>}
      <ErrorAlert error={save.error} />
      <div className="g-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending || missingEntry}>
          Registra invito
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={props.onCancel}>
          Annulla
        </button>
      </div>
    </form>
  );
}
