import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Combobox } from '../../components/Combobox';
import { useDebounced } from '../../lib/use-debounced';
import type { AgendaParticipant, AgendaPersonDto, Contact } from '../../../shared/contract';

const kindLabels: Record<AgendaParticipant['kind'], string> = { persona_agenda: 'Agenda', contatto: 'Rubrica', esterno: 'Esterno' };

/**
 * Who takes part: people whose agenda the office keeps (their double bookings are checked),
 * address-book contacts (directory.search) and free-text guests.
 */
export function ParticipantsField(props: { value: AgendaParticipant[]; onChange: (v: AgendaParticipant[]) => void; people: AgendaPersonDto[] }) {
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim());
  const contacts = useQuery({
    queryKey: queryKeys.directorySearch(q, 'agenda'),
    queryFn: () => send('directory.search', { query: q, limit: 10 }),
    enabled: q.length >= 2,
  });
  const [guest, setGuest] = useState({ name: '', role: '' });
  const add = (p: AgendaParticipant) => {
    const dup = props.value.some((x) => (p.id !== null && x.id === p.id) || (p.id === null && x.id === null && x.name === p.name));
    if (!dup) props.onChange([...props.value, p]);
  };
  const chosenPeople = new Set(props.value.filter((p) => p.kind === 'persona_agenda').map((p) => p.id));
  const options = (contacts.data ?? []).map((c: Contact) => ({ key: c.id, label: c.name, detail: c.city ?? c.pec ?? c.email ?? undefined, value: c }));

  return (
    <fieldset className="g-panel">
      <legend className="h6">Partecipanti</legend>
      {props.value.length > 0 ? (
        <ul className="g-chips" aria-label="Partecipanti scelti">
          {props.value.map((p, i) => (
            <li key={`${p.kind}-${p.id ?? p.name}-${i}`}>
              <span>
                {p.name}
                {p.role && <span className="g-chip-detail">, {p.role}</span>} <span className="g-chip-detail">({kindLabels[p.kind]})</span>
              </span>
              <button type="button" className="btn btn-link btn-sm p-0" aria-label={`Togli ${p.name}`} onClick={() => props.onChange(props.value.filter((_, j) => j !== i))}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="form-text">Nessun partecipante.</p>
      )}
      <div className="g-grid-3 mt-2">
        <div className="g-field">
          <label htmlFor="g-ev-person-add">Aggiungi una persona dell'agenda</label>
          <select
            id="g-ev-person-add"
            className="form-select"
            value=""
            onChange={(e) => {
              const person = props.people.find((x) => x.id === e.target.value);
              if (person) add({ kind: 'persona_agenda', id: person.id, name: person.name, role: person.title || null });
            }}
          >
            <option value="">Scegli…</option>
            {props.people.filter((x) => x.active && !chosenPeople.has(x.id)).map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
                {x.title ? ` — ${x.title}` : ''}
              </option>
            ))}
          </select>
        </div>
        <Combobox
          label="Aggiungi dalla rubrica"
          inputId="g-ev-contact-add"
          options={options}
          query={query}
          onQueryChange={setQuery}
          loading={contacts.isFetching}
          hint="Almeno 2 lettere"
          onSelect={(c) => {
            add({ kind: 'contatto', id: c.id, name: c.name, role: null });
            setQuery('');
          }}
        />
        <div className="g-field">
          <label htmlFor="g-ev-guest-name">Ospite esterno</label>
          <input id="g-ev-guest-name" className="form-control" value={guest.name} onChange={(e) => setGuest({ ...guest, name: e.target.value })} />
          <label htmlFor="g-ev-guest-role" className="mt-1">
            Ruolo dell'ospite
          </label>
          <input id="g-ev-guest-role" className="form-control" value={guest.role} onChange={(e) => setGuest({ ...guest, role: e.target.value })} />
          <button
            type="button"
            className="btn btn-outline-primary btn-sm mt-1"
            disabled={guest.name.trim() === ''}
            onClick={() => {
              add({ kind: 'esterno', id: null, name: guest.name.trim(), role: guest.role.trim() || null });
              setGuest({ name: '', role: '' });
            }}
          >
            Aggiungi ospite
          </button>
        </div>
      </div>
    </fieldset>
  );
}
