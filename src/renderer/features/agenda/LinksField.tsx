import { useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Combobox } from '../../components/Combobox';
import { useDebounced } from '../../lib/use-debounced';
import { routeHref } from '../../lib/route';
import { EntryPicker, useEntryLabels } from './EntryPicker';

/** Links of an engagement to protocol entries (the invitation, the reply) and to cases. */
export function LinksField(props: { entryIds: string[]; caseIds: string[]; onChange: (v: { entryIds: string[]; caseIds: string[] }) => void }) {
  const entryLabels = useEntryLabels(props.entryIds);
  const caseTitles = useCaseTitles(props.caseIds);
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim());
  const cases = useQuery({
    queryKey: queryKeys.casesList({ view: 'all', query: q, limit: 10, picker: true }),
    queryFn: () => send('cases.list', { view: 'all', query: q, limit: 10 }),
    enabled: q.length >= 2,
  });
  const set = (v: Partial<{ entryIds: string[]; caseIds: string[] }>) => props.onChange({ entryIds: props.entryIds, caseIds: props.caseIds, ...v });

  return (
    <fieldset className="g-panel">
      <legend className="h6">Collegamenti</legend>
      <div className="g-grid-2">
        <div>
          <EntryPicker label="Collega una registrazione di protocollo" inputId="g-ev-entry-add" onPick={(e) => !props.entryIds.includes(e.id) && set({ entryIds: [...props.entryIds, e.id] })} />
          <ul className="g-chips" aria-label="Registrazioni collegate">
            {props.entryIds.map((id) => (
              <li key={id}>
                <a href={routeHref({ screen: 'dettaglio', id })}>{entryLabels.get(id)}</a>
                <button type="button" className="btn btn-link btn-sm p-0" aria-label={`Scollega ${entryLabels.get(id) ?? ''}`} onClick={() => set({ entryIds: props.entryIds.filter((x) => x !== id) })}>
                  ✕
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <Combobox
            label="Collega una pratica"
            inputId="g-ev-case-add"
            query={query}
            onQueryChange={setQuery}
            loading={cases.isFetching}
            hint="Titolo o richiedente (almeno 2 caratteri)"
            options={(cases.data?.items ?? []).map((c) => ({ key: c.id, label: c.title, detail: c.typeName, value: c }))}
            onSelect={(c) => {
              if (!props.caseIds.includes(c.id)) set({ caseIds: [...props.caseIds, c.id] });
              setQuery('');
            }}
          />
          <ul className="g-chips" aria-label="Pratiche collegate">
            {props.caseIds.map((id) => (
              <li key={id}>
                <a href={routeHref({ screen: 'pratica', id })}>{caseTitles.get(id)}</a>
                <button type="button" className="btn btn-link btn-sm p-0" aria-label={`Scollega ${caseTitles.get(id) ?? ''}`} onClick={() => set({ caseIds: props.caseIds.filter((x) => x !== id) })}>
                  ✕
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </fieldset>
  );
}

function useCaseTitles(ids: readonly string[]): Map<string, string> {
  const results = useQueries({
    queries: ids.map((id) => ({ queryKey: queryKeys.caseDetail(id), queryFn: () => send('cases.get', { caseId: id }), retry: false, staleTime: 60_000 })),
  });
  const out = new Map<string, string>();
  ids.forEach((id, i) => out.set(id, results[i]?.data?.case.title ?? 'Pratica'));
  return out;
}
