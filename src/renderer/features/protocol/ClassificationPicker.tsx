import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Combobox, type ComboOption } from '../../components/Combobox';
import type { TitolarioNode } from '../../../shared/contract';

type Picked = { code: string; title: string };

/** Filters the titolario by code or words of the title ("I.13", "ceremon"). */
export function filterTitolario(nodes: TitolarioNode[], query: string, max = 12): TitolarioNode[] {
  const q = query.trim().toLowerCase();
  const active = nodes.filter((n) => n.active);
  if (!q) return active.slice(0, max);
  // A query shaped like a code ("I.1") matches codes by prefix only: "II.1" contains "i.1" too.
  if (/^[ivxl]+(\.\d*)*$/.test(q)) return active.filter((n) => n.code.toLowerCase().startsWith(q)).slice(0, max);
  const words = q.split(/\s+/);
  return active
    .filter((n) => {
      const hay = `${n.code} ${n.title}`.toLowerCase();
      return n.code.toLowerCase().startsWith(q) || words.every((w) => hay.includes(w));
    })
    .slice(0, max);
}

/** Searchable select over the titolario (classification is editable later, with history). */
export function ClassificationPicker(props: { value: Picked | null; onChange: (v: Picked | null) => void; error?: string | undefined; label?: string }) {
  const [query, setQuery] = useState('');
  const titolario = useQuery({ queryKey: queryKeys.titolario, queryFn: () => send('titolario.list', {}), staleTime: 300_000 });
  const options: Array<ComboOption<Picked>> = useMemo(
    () => filterTitolario(titolario.data ?? [], query).map((n) => ({ key: n.code, label: `${n.code} ${n.title}`, value: { code: n.code, title: n.title } })),
    [titolario.data, query],
  );
  return (
    <div>
      <Combobox<Picked>
        label={props.label ?? 'Classificazione'}
        query={query}
        onQueryChange={setQuery}
        options={options}
        loading={titolario.isPending}
        error={props.error}
        hint="Cerca per codice (es. I.13) o per parole del titolo."
        onSelect={(v) => {
          props.onChange(v);
          setQuery('');
        }}
      />
      {props.value && (
        <p className="g-picked">
          Scelta: <strong>{props.value.code}</strong> {props.value.title}{' '}
          <button type="button" className="btn btn-link btn-sm" onClick={() => props.onChange(null)}>
            Togli classificazione
          </button>
        </p>
      )}
    </div>
  );
}
