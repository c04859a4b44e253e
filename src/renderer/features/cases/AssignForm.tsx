import { useState } from 'react';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import { assignmentKinds, type AssignmentKind, type CaseDto } from '../../../shared/contract';
import { useCaseAction, useOffices, useUsers } from './use-case-data';

/**
 * Assigns the case to an office or a person, per competenza or per conoscenza. When a
 * competenza assignment is already active the clerk chooses whether the new one replaces it
 * (reassignment: the old one is revoked, history kept) or is added.
 */
export function AssignForm(props: { c: CaseDto; onDone: (c: CaseDto) => void }) {
  const offices = useOffices();
  const users = useUsers();
  const [target, setTarget] = useState('');
  const [kind, setKind] = useState<AssignmentKind>('competenza');
  const [replace, setReplace] = useState(true);
  const [note, setNote] = useState('');
  const m = useCaseAction('cases.assign', props.onDone);
  const fe = fieldErrorsOf(m.error);
  const hasCompetenza = props.c.assignments.some((a) => a.kind === 'competenza' && (a.state === 'assegnato' || a.state === 'preso_in_carico'));

  const submit = () => {
    const [type, assigneeId] = target.split(':');
    if (!assigneeId || (type !== 'ufficio' && type !== 'utente')) return;
    m.mutate({
      caseId: props.c.id,
      kind,
      assigneeType: type,
      assigneeId,
      replaceCompetenza: kind === 'competenza' && hasCompetenza && replace,
      note: note.trim() ? note.trim() : undefined,
    });
  };

  return (
    <form
      aria-label="Assegna la pratica"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field label="Assegnatario" error={fe.assigneeId}>
        {(ids) => (
          <select id={ids.id} className="form-select" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">— scegli —</option>
            <optgroup label="Uffici">
              {(offices.data ?? []).filter((o) => o.active).map((o) => (
                <option key={o.id} value={`ufficio:${o.id}`}>
                  {o.name}
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
        )}
      </Field>
      <Field label="Tipo di assegnazione" error={fe.kind}>
        {(ids) => (
          <select id={ids.id} className="form-select" aria-describedby={ids.describedBy} value={kind} onChange={(e) => setKind(e.target.value === 'conoscenza' ? 'conoscenza' : 'competenza')}>
            {assignmentKinds.map((k) => (
              <option key={k} value={k}>
                per {k}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind === 'competenza' && hasCompetenza && (
        <div className="form-check g-field">
          <input id="g-assign-replace" type="checkbox" className="form-check-input" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
          <label htmlFor="g-assign-replace" className="form-check-label">
            Sostituisce l&apos;assegnazione per competenza in corso (che resta nella storia come revocata)
          </label>
        </div>
      )}
      <Field label="Nota per l'assegnatario" error={fe.note}>
        {(ids) => <textarea id={ids.id} className="form-control" rows={2} maxLength={1000} aria-describedby={ids.describedBy} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <ErrorAlert error={m.error} />
      <button type="submit" className="btn btn-primary" disabled={!target || m.isPending}>
        Assegna
      </button>
    </form>
  );
}
