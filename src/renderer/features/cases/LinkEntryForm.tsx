import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Combobox } from '../../components/Combobox';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { useDebounced } from '../../lib/use-debounced';
import { entryNumberLabel, directionLabels } from '../../lib/format';
import { fieldErrorsOf } from '../../lib/field-errors';
import type { CaseDto, CaseLinkRole, ProtocolEntry } from '../../../shared/contract';
import { linkRoleLabels } from './case-format';
import { useCaseAction } from './use-case-data';

/** The roles a further entry takes in a case: the request itself is linked when the case opens. */
const laterRoles: readonly CaseLinkRole[] = ['sollecito', 'integrazione', 'risposta', 'altro'];

/**
 * "Collega registrazione": the register's search (number, oggetto or correspondent), the
 * entry's role in the case, then cases.linkEntry. Entries already in the case and annulled ones
 * (art. 54: they gather nothing) are not offered.
 */
export function LinkEntryForm(props: { c: CaseDto; onDone: (c: CaseDto) => void }) {
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<ProtocolEntry | null>(null);
  const [role, setRole] = useState<CaseLinkRole>('sollecito');
  const [missing, setMissing] = useState('');
  const q = useDebounced(query.trim());
  const found = useQuery({
    queryKey: queryKeys.protocolSearch({ text: q, limit: 10, annulled: false, picker: 'case-link' }),
    queryFn: () => send('protocol.search', { text: q, limit: 10, annulled: false }),
    enabled: q.length >= 2,
  });
  const linked = new Set(props.c.links.map((l) => l.entryId));
  const options = (found.data?.items ?? [])
    .filter((e) => !linked.has(e.id))
    .map((e) => ({ key: e.id, label: `${entryNumberLabel(e)} — ${e.oggetto}`, detail: `${directionLabels[e.direction]}${e.correspondents[0] ? `, ${e.correspondents[0].name}` : ''}`, value: e }));
  const m = useCaseAction('cases.linkEntry', props.onDone);
  const fe = fieldErrorsOf(m.error);
  return (
    <form
      aria-label="Collega una registrazione"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!picked) return setMissing('Scegli la registrazione da collegare.');
        m.mutate({ caseId: props.c.id, entryId: picked.id, role });
      }}
    >
      <Combobox
        label="Registrazione di protocollo"
        inputId="g-case-link-entry"
        query={query}
        onQueryChange={setQuery}
        loading={found.isFetching}
        hint="Numero, oggetto o corrispondente (almeno 2 caratteri)"
        error={missing || fe.entryId || (found.error instanceof Error ? found.error.message : undefined)}
        emptyText="Nessuna registrazione da collegare"
        options={options}
        onSelect={(e) => {
          setPicked(e);
          setMissing('');
          setQuery('');
        }}
      />
      {picked && (
        <p role="status" data-testid="case-link-picked">
          Scelta: <strong>{entryNumberLabel(picked)}</strong> — {picked.oggetto}
        </p>
      )}
      <Field label="Ruolo nella pratica" error={fe.role}>
        {(ids) => (
          <select id={ids.id} className="form-select" aria-describedby={ids.describedBy} value={role} onChange={(e) => setRole(laterRoles.find((r) => r === e.target.value) ?? 'altro')}>
            {laterRoles.map((r) => (
              <option key={r} value={r}>
                {linkRoleLabels[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ErrorAlert error={fe.entryId || fe.role ? null : m.error} />
      <button type="submit" className="btn btn-primary" disabled={m.isPending}>
        Collega
      </button>
    </form>
  );
}
