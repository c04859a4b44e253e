import { useState } from 'react';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import type { SignatureItemDto } from '../../../shared/contract';

/** The note sent back to the office with a document that is not signed yet. */
export function ClarificationForm(props: { item: SignatureItemDto; pending: boolean; error: unknown; onSubmit: (text: string) => void }) {
  const [text, setText] = useState('');
  return (
    <form
      aria-label="Richiesta di chiarimenti"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(text.trim());
      }}
    >
      <p>
        Documento: <strong>{props.item.title}</strong>
      </p>
      <Field label="Chiarimenti richiesti" error={fieldErrorsOf(props.error).clarification}>
        {(ids) => <textarea id={ids.id} className="form-control" rows={3} maxLength={2000} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <ErrorAlert error={props.error} />
      <button type="submit" className="btn btn-primary" disabled={props.pending}>
        Invia la richiesta
      </button>
    </form>
  );
}
