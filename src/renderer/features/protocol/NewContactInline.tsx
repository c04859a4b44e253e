import { useState } from 'react';
import { contactKinds, type ContactKind } from '../../../shared/contract';
import type { NewContactDraft } from './register-draft';

export const contactKindLabels: Record<ContactKind, string> = { persona: 'Persona', impresa: 'Impresa', pa: 'Pubblica amministrazione' };

/**
 * "Nuovo contatto" inside the registration form: the contact is created in the same mutation
 * as the entry, so a clerk never leaves the form to fill the address book first.
 */
export function NewContactInline(props: { initialName: string; onAdd: (c: NewContactDraft) => void; onCancel: () => void }) {
  const [c, setC] = useState<NewContactDraft>({ name: props.initialName, kind: 'persona', pec: '', email: '', ipaCode: '' });
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof NewContactDraft) => (e: { target: { value: string } }) => setC((o) => ({ ...o, [k]: e.target.value }));
  const add = () => {
    if (!c.name.trim()) return setError('Indica il nome del contatto');
    if (c.kind === 'pa' && !c.ipaCode.trim()) return setError('Per una pubblica amministrazione indica il codice IPA');
    setError(null);
    props.onAdd(c);
  };
  return (
    <fieldset
      className="g-inline-contact"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onCancel();
        } else if (e.key === 'Enter' && !e.ctrlKey && (e.target as HTMLElement).tagName === 'INPUT') {
          // Enter adds the contact instead of doing nothing: the natural gesture after typing.
          e.preventDefault();
          add();
        }
      }}
    >
      <legend className="h6">Nuovo contatto</legend>
      <div className="g-grid-4">
        <label>
          Nome o denominazione
          <input className="form-control" autoFocus value={c.name} onChange={set('name')} />
        </label>
        <label>
          Tipo di contatto
          <select className="form-select" value={c.kind} onChange={set('kind')}>
            {contactKinds.map((k) => (
              <option key={k} value={k}>
                {contactKindLabels[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          PEC del contatto
          <input className="form-control" type="email" value={c.pec} onChange={set('pec')} />
        </label>
        <label>
          E-mail del contatto
          <input className="form-control" type="email" value={c.email} onChange={set('email')} />
        </label>
        {c.kind === 'pa' && (
          <label>
            Codice IPA del contatto
            <input className="form-control" value={c.ipaCode} onChange={set('ipaCode')} />
          </label>
        )}
      </div>
      {error && (
        <div className="g-field-error" role="alert">
          {error}
        </div>
      )}
      <div className="g-actions">
        <button type="button" className="btn btn-primary btn-sm" onClick={add}>
          Aggiungi contatto
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={props.onCancel}>
          Annulla
        </button>
      </div>
    </fieldset>
  );
}
