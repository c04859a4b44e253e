import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { assignmentKinds, type AssignmentKind } from '../../../shared/contract';
import type { DraftAssignment } from './register-draft';

/** Assignment to offices (UOR) or people, per competenza or per conoscenza. */
export function AssignmentsEditor(props: { value: DraftAssignment[]; onChange: (v: DraftAssignment[]) => void; error?: string | undefined }) {
  const id = useId();
  const offices = useQuery({ queryKey: queryKeys.offices, queryFn: () => send('offices.list', {}), staleTime: 300_000 });
  // Only some profiles may list users: for the others the list stays offices-only.
  const users = useQuery({ queryKey: queryKeys.users, queryFn: () => send('users.list', {}), staleTime: 300_000, retry: false });
  const [target, setTarget] = useState('');
  const [kind, setKind] = useState<AssignmentKind>('competenza');
  const add = () => {
    const [type, assigneeId] = target.split(':');
    if (!assigneeId || (type !== 'ufficio' && type !== 'utente')) return;
    const name = type === 'ufficio' ? offices.data?.find((o) => o.id === assigneeId)?.name : users.data?.find((u) => u.id === assigneeId)?.fullName;
    if (props.value.some((a) => a.assigneeId === assigneeId && a.kind === kind)) return;
    props.onChange([...props.value, { assigneeType: type, assigneeId, kind, assigneeName: name ?? assigneeId }]);
    setTarget('');
  };
  return (
    <fieldset className="g-field">
      <legend className="g-label">Assegnazioni</legend>
      <div className="g-row">
        <div>
          <label htmlFor={`${id}-t`}>Assegnatario</label>
          <select id={`${id}-t`} className="form-select" value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">— scegli —</option>
            <optgroup label="Uffici">
              {(offices.data ?? []).filter((o) => o.active).map((o) => (
                <option key={o.id} value={`ufficio:${o.id}`}>
                  {o.name} ({o.code})
                </option>
              ))}
            </optgroup>
            {users.data && (
              <optgroup label="Persone">
                {users.data.filter((u) => u.active).map((u) => (
                  <option key={u.id} value={`utente:${u.id}`}>
                    {u.fullName}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-k`}>Tipo di assegnazione</label>
          <select id={`${id}-k`} className="form-select" value={kind} onChange={(e) => setKind(e.target.value === 'conoscenza' ? 'conoscenza' : 'competenza')}>
            {assignmentKinds.map((k) => (
              <option key={k} value={k}>
                per {k}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="btn btn-outline-primary align-self-end" onClick={add} disabled={!target}>
          Aggiungi assegnazione
        </button>
      </div>
      {props.value.length > 0 && (
        <ul className="g-chips" aria-label="Assegnazioni scelte">
          {props.value.map((a) => (
            <li key={`${a.assigneeId}-${a.kind}`}>
              <span>
                {a.assigneeName} — per {a.kind}
              </span>
              <button
                type="button"
                className="btn btn-link btn-sm"
                aria-label={`Rimuovi assegnazione a ${a.assigneeName}`}
                onClick={() => props.onChange(props.value.filter((x) => !(x.assigneeId === a.assigneeId && x.kind === a.kind)))}
              >
                Rimuovi
              </button>
            </li>
          ))}
        </ul>
      )}
      {props.error && (
        <div className="g-field-error" role="alert">
          {props.error}
        </div>
      )}
    </fieldset>
  );
}
