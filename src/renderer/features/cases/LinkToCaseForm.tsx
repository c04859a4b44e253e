import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Combobox } from '../../components/Combobox';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { useDebounced } from '../../lib/use-debounced';
import { fieldErrorsOf } from '../../lib/field-errors';
import type { CaseDto, CaseLinkRole, CaseListItem } from '../../../shared/contract';
import { caseStateLabels, isOpenState } from '../../../shared/domain/cases/states';
import { linkRoleLabels } from './case-format';
import { useCaseAction } from './use-case-data';

const roles: readonly CaseLinkRole[] = ['sollecito', 'integrazione', 'risposta', 'altro'];

/**
 * "Collega a una pratica" on an entry's detail: an open case found by title or requester, the
 * entry's role in it, then cases.linkEntry. Cases that already gather the entry are not offered.
 */
export function LinkToCaseForm(props: { entryId: string; exclude: ReadonlySet<string>; onDone: (c: CaseDto) => void }) {
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<CaseListItem | null>(null);
  const [role, setRole] = useState<CaseLinkRole>('sollecito');
  const [missing, setMissing] = useState('');
  const q = useDebounced(query.trim());
  const found = useQuery({
    queryKey: queryKeys.casesList({ view: 'all', query: q, limit: 30, sort: 'receivedOn', dir: 'desc', picker: 'entry-link' }),
    queryFn: () => send('cases.list', { view: 'all', query: q, limit: 30, sort: 'receivedOn', dir: 'desc' }),
    enabled: q.length >= 2,
  });
  const options = (found.data?.items ?? [])
    .filter((c) => isOpenState(c.state) && !props.exclude.has(c.id))
    .slice(0, 10)
    .map((c) => ({ key: c.id, label: c.title, detail: `${c.typeName}, ${caseStateLabels[c.state]}${c.requesterName ? `, ${c.requesterName}` : ''}`, value: c }));
  const m = useCaseAction('cases.linkEntry', props.onDone);
  const fe = fieldErrorsOf(m.error);
  return (
    <form
      aria-label="Collega a una pratica"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!picked) return setMissing('Scegli la pratica aperta a cui collegare la registrazione.');
        m.mutate({ caseId: picked.id, entryId: props.entryId, role });
      }}
    >
      <Combobox
        label="Pratica aperta"
        inputId="g-entry-link-case"
        query={query}
        onQueryChange={setQuery}
        loading={found.isFetching}
        hint="Titolo o richiedente (almeno 2 caratteri)"
        error={missing || (found.error instanceof Error ? found.error.message : undefined)}
        emptyText="Nessuna pratica aperta trovata"
        options={options}
        onSelect={(c) => {
          setPicked(c);
          setMissing('');
          setQuery('');
        }}
      />
      {picked && (
        <p role="status">
          Scelta: <strong>{picked.title}</strong> ({picked.typeName})
        </p>
      )}
      <Field label="Ruolo nella pratica" error={fe.role}>
        {(ids) => (
          <select id={ids.id} className="form-select" aria-describedby={ids.describedBy} value={role} onChange={(e) => setRole(roles.find((r) => r === e.target.value) ?? 'altro')}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {linkRoleLabels[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ErrorAlert error={fe.role ? null : m.error} />
      <button type="submit" className="btn btn-primary" disabled={m.isPending}>
        Collega
      </button>
    </form>
  );
}
