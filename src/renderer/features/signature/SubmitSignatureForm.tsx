import { useState } from 'react';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import { signaturePriorities, type CaseDto, type SignatureItemDto } from '../../../shared/contract';
import { uuidv7 } from '../../../shared/domain/ids';
import { useCaseAction } from '../cases/use-case-data';
import { signaturePriorityLabels } from './signature-format';

/** Submits a document of a case to the libro firma: title, the entry it concerns, priority, notes. */
export function SubmitSignatureForm(props: { c: CaseDto; onDone: (item: SignatureItemDto) => void }) {
  const c = props.c;
  const [id] = useState(() => uuidv7());
  const [f, setF] = useState({ title: `Risposta: ${c.title}`.slice(0, 500), entryId: '', priority: 'normale' as (typeof signaturePriorities)[number], notes: '' });
  const m = useCaseAction('signature.submit', props.onDone);
  const fe = fieldErrorsOf(m.error);
  return (
    <form
      aria-label="Invia al libro firma"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate({ id, title: f.title, caseId: c.id, entryId: f.entryId || null, officeId: c.officeId, priority: f.priority, notes: f.notes.trim() || null });
      }}
    >
      <Field label="Documento da firmare" error={fe.title}>
        {(ids) => <input id={ids.id} className="form-control" maxLength={500} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} />}
      </Field>
      {c.links.length > 0 && (
        <Field label="Registrazione di protocollo" error={fe.entryId}>
          {(ids) => (
            <select id={ids.id} className="form-select" aria-describedby={ids.describedBy} value={f.entryId} onChange={(e) => setF({ ...f, entryId: e.target.value })}>
              <option value="">— nessuna —</option>
              {c.links.map((l) => (
                <option key={l.entryId} value={l.entryId}>
                  Protocollo {l.label} ({l.role})
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Priorità" error={fe.priority}>
        {(ids) => (
          <select id={ids.id} className="form-select" aria-describedby={ids.describedBy} value={f.priority} onChange={(e) => setF({ ...f, priority: signaturePriorities.find((p) => p === e.target.value) ?? 'normale' })}>
            {signaturePriorities.map((p) => (
              <option key={p} value={p}>
                {signaturePriorityLabels[p]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Note per il Sindaco" error={fe.notes}>
        {(ids) => <textarea id={ids.id} className="form-control" rows={2} maxLength={2000} aria-describedby={ids.describedBy} value={f.notes} onChange={(e) => setF({ ...f, notes: e.target.value })} />}
      </Field>
      <ErrorAlert error={m.error} />
      <button type="submit" className="btn btn-primary" disabled={m.isPending}>
        Invia al libro firma
      </button>
    </form>
  );
}
