import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { Field } from '../../components/Field';
import { Alert, ErrorAlert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import { contactKinds, type Contact, type ContactKind, type DuplicateWarning } from '../../../shared/contract';
import { contactKindLabels } from '../protocol/NewContactInline';

type Form = { kind: ContactKind; name: string; fiscalCode: string; ipaCode: string; pec: string; email: string; phone: string; address: string; postalCode: string; city: string; province: string; notes: string };
const textKeys = ['name', 'fiscalCode', 'ipaCode', 'pec', 'email', 'phone', 'address', 'postalCode', 'city', 'province', 'notes'] as const;
const labels: Record<(typeof textKeys)[number], string> = {
  name: 'Nome o denominazione',
  fiscalCode: 'Codice fiscale o partita IVA',
  ipaCode: 'Codice IPA',
  pec: 'PEC',
  email: 'E-mail',
  phone: 'Telefono',
  address: 'Indirizzo',
  postalCode: 'CAP',
  city: 'Comune',
  province: 'Provincia (sigla)',
  notes: 'Note',
};

function toForm(c: Contact | null): Form {
  const s = (v: string | undefined) => v ?? '';
  return { kind: c?.kind ?? 'persona', name: s(c?.name), fiscalCode: s(c?.fiscalCode), ipaCode: s(c?.ipaCode), pec: s(c?.pec), email: s(c?.email), phone: s(c?.phone), address: s(c?.address), postalCode: s(c?.postalCode), city: s(c?.city), province: s(c?.province), notes: s(c?.notes) };
}

/** Only typed fields travel: an empty optional field must not fail its format check. */
function fieldsOf(f: Form) {
  const out: Record<string, string> = {};
  for (const k of textKeys) if (f[k].trim()) out[k] = f[k].trim();
  return { kind: f.kind, name: f.name, ...out };
}

/** Create or edit a contact; on create, likely duplicates are shown and must be confirmed. */
export function ContactForm(props: { contact: Contact | null; onDone: () => void }) {
  const qc = useQueryClient();
  const [f, setF] = useState<Form>(() => toForm(props.contact));
  const [dups, setDups] = useState<DuplicateWarning['duplicates']>([]);
  const m = useMutation({
    mutationFn: async (ignoreDuplicates: boolean) => {
      if (props.contact) return { created: await send('directory.update', { id: props.contact.id, ...fieldsOf(f) }), duplicates: [] as DuplicateWarning['duplicates'] };
      return send('directory.create', { ...fieldsOf(f), ignoreDuplicates });
    },
    onSuccess: (r) => {
      if (r.created) {
        setDups([]);
        void qc.invalidateQueries({ queryKey: ['directory'] });
        props.onDone();
      } else setDups(r.duplicates);
    },
  });
  const fe = fieldErrorsOf(m.error);
  return (
    <form
      className="g-panel"
      aria-label={props.contact ? 'Modifica contatto' : 'Nuovo contatto'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate(false);
      }}
    >
      <h2 className="h5">{props.contact ? `Modifica ${props.contact.name}` : 'Nuovo contatto'}</h2>
      <Field label="Tipo di contatto" error={fe.kind}>
        {(ids) => (
          <select id={ids.id} className="form-select" value={f.kind} onChange={(e) => setF({ ...f, kind: contactKinds.find((k) => k === e.target.value) ?? 'persona' })}>
            {contactKinds.map((k) => (
              <option key={k} value={k}>
                {contactKindLabels[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="g-grid-3">
        {textKeys.map((k) => (
          <Field key={k} label={labels[k]} error={fe[k]}>
            {(ids) => <input id={ids.id} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f[k]} onChange={(e) => setF({ ...f, [k]: e.target.value })} />}
          </Field>
        ))}
      </div>
      {dups.length > 0 && (
        <Alert kind="warning" title="Possibili duplicati in rubrica">
          <ul>
            {dups.map((d) => (
              <li key={d.id}>
                {d.name} {[d.pec, d.email, d.fiscalCode, d.ipaCode, d.city].filter(Boolean).join(' · ')}
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-warning btn-sm" onClick={() => m.mutate(true)}>
            Crea comunque
          </button>
        </Alert>
      )}
      <ErrorAlert error={m.error} />
      <div className="g-actions">
        <button type="submit" className="btn btn-primary" disabled={m.isPending}>
          {props.contact ? 'Salva contatto' : 'Crea contatto'}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={props.onDone}>
          Annulla
        </button>
      </div>
    </form>
  );
}
