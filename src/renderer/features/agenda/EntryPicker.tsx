import { useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Combobox } from '../../components/Combobox';
import { useDebounced } from '../../lib/use-debounced';
import { entryNumberLabel } from '../../lib/format';
import type { ProtocolEntry } from '../../../shared/contract';

/** "2026/0000042 — Invito alla Festa della Liberazione". */
export function entryLabel(e: Pick<ProtocolEntry, 'year' | 'number' | 'oggetto'>): string {
  return `${entryNumberLabel(e)} — ${e.oggetto}`;
}

/** A protocol entry chosen by number, oggetto or correspondent (the local register's search). */
export function EntryPicker(props: { label: string; inputId: string; onPick: (e: ProtocolEntry) => void; hint?: string; error?: string }) {
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim());
  const found = useQuery({
    queryKey: queryKeys.protocolSearch({ text: q, limit: 10, picker: true }),
    queryFn: () => send('protocol.search', { text: q, limit: 10 }),
    enabled: q.length >= 2,
  });
  return (
    <Combobox
      label={props.label}
      inputId={props.inputId}
      query={query}
      onQueryChange={setQuery}
      loading={found.isFetching}
      hint={props.hint ?? 'Numero, oggetto o corrispondente (almeno 2 caratteri)'}
      error={props.error ?? (found.error instanceof Error ? found.error.message : undefined)}
      options={(found.data?.items ?? []).map((e) => ({ key: e.id, label: entryLabel(e), detail: e.correspondents[0]?.name, value: e }))}
      onSelect={(e) => {
        props.onPick(e);
        setQuery('');
      }}
    />
  );
}

/** Labels of linked entries; an entry the user may not read shows as a plain "registrazione". */
export function useEntryLabels(ids: readonly string[]): Map<string, string> {
  const results = useQueries({
    queries: ids.map((id) => ({ queryKey: queryKeys.protocolEntry(id), queryFn: () => send('protocol.get', { id }), retry: false, staleTime: 60_000 })),
  });
  const out = new Map<string, string>();
  ids.forEach((id, i) => {
    const e = results[i]?.data;
    out.set(id, e ? entryLabel(e) : 'Registrazione di protocollo');
  });
  return out;
}
