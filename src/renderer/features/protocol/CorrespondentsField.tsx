import { useId, useState, type Ref } from 'react';
import { useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useDebounced } from '../../lib/use-debounced';
import { Combobox, type ComboOption } from '../../components/Combobox';
import { NewContactInline } from './NewContactInline';
import type { DraftCorrespondent, NewContactDraft } from './register-draft';

type Choice = { kind: 'contact'; c: DraftCorrespondent } | { kind: 'new' };

/** Sender (entrata) or recipients (uscita, interno) from the address book or created inline. */
export function CorrespondentsField(props: {
  single: boolean;
  value: DraftCorrespondent[];
  onAdd: (c: DraftCorrespondent) => void;
  onRemove: (key: string) => void;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState<string | null>(null);
  const inputId = useId();
  // The inline form unmounts on add/cancel: bring the cursor back to the field, not to <body>.
  const backToInput = () => setTimeout(() => document.getElementById(inputId)?.focus(), 0);
  const q = useDebounced(query.trim(), 120);
  const results = useQuery({
    queryKey: queryKeys.directorySearch(q),
    queryFn: () => send('directory.search', { query: q, limit: 8 }),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  const label = props.single ? 'Mittente' : 'Destinatari';
  const options: Array<ComboOption<Choice>> = (q ? (results.data ?? []) : []).map((c) => ({
    key: c.id,
    label: c.name,
    detail: [c.pec ?? c.email, c.city].filter(Boolean).join(' · '),
    value: { kind: 'contact', c: { key: c.id, contactId: c.id, name: c.name, detail: c.pec ?? c.email ?? '' } },
  }));
  if (query.trim()) options.push({ key: '__new', label: `Nuovo contatto: «${query.trim()}»`, value: { kind: 'new' } });

  const addNew = (n: NewContactDraft) => {
    props.onAdd({ key: `new-${Date.now()}`, newContact: n, name: n.name, detail: n.pec || n.email || 'nuovo contatto' });
    setCreating(null);
    setQuery('');
    backToInput();
  };

  return (
    <div className="g-correspondents">
      {/* Chosen ones come before the input, so Tab from the input goes straight on to Oggetto. */}
      {props.value.length > 0 && (
        <ul className="g-chips" aria-label={`${label} scelti`}>
          {props.value.map((c) => (
            <li key={c.key}>
              <span>
                {c.name}
                {c.detail && <small className="ms-1 g-chip-detail">({c.detail})</small>}
                {'newContact' in c && <small className="ms-1 badge bg-secondary">nuovo</small>}
              </span>
              <button type="button" className="btn btn-link btn-sm" aria-label={`Rimuovi ${c.name}`} onClick={() => props.onRemove(c.key)}>
                Rimuovi
              </button>
            </li>
          ))}
        </ul>
      )}
      <Combobox<Choice>
        label={label}
        inputId={inputId}
        inputRef={props.inputRef}
        query={query}
        onQueryChange={setQuery}
        options={options}
        loading={results.isFetching}
        error={props.error}
        hint={props.single ? 'Scrivi per cercare in rubrica; ↓ e Invio per scegliere.' : 'Puoi aggiungere più destinatari; ↓ e Invio per scegliere.'}
        onSelect={(choice) => {
          if (choice.kind === 'new') setCreating(query.trim());
          else {
            props.onAdd(choice.c);
            setQuery('');
          }
        }}
      />
      {creating !== null && (
        <NewContactInline
          initialName={creating}
          onAdd={addNew}
          onCancel={() => {
            setCreating(null);
            backToInput();
          }}
        />
      )}
    </div>
  );
}
