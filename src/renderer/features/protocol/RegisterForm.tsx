import type { RefObject } from 'react';
import { means, type Direction } from '../../../shared/contract';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { matchesShortcut } from '../../lib/shortcuts';
import { meansLabels } from '../../lib/format';
import type { FieldErrors } from '../../lib/field-errors';
import { addCorrespondent, type RegisterDraft } from './register-draft';
import { CorrespondentsField } from './CorrespondentsField';
import { ClassificationPicker } from './ClassificationPicker';
import { AssignmentsEditor } from './AssignmentsEditor';
import { DocumentsField } from './DocumentsField';

const directionKeys: Array<{ value: Direction; label: string; key: string }> = [
  { value: 'entrata', label: 'Entrata', key: 'e' },
  { value: 'uscita', label: 'Uscita', key: 'u' },
  { value: 'interno', label: 'Interno', key: 'i' },
];

/** The registration form (DPR 445/2000 art. 53 fields). Ctrl+Enter registers from anywhere in it. */
export function RegisterForm(props: {
  draft: RegisterDraft;
  setDraft: (u: (d: RegisterDraft) => RegisterDraft) => void;
  errors: FieldErrors;
  submitError: unknown;
  pending: boolean;
  onSubmit: () => void;
  firstFieldRef: RefObject<HTMLInputElement | null>;
}) {
  const { draft: d, setDraft, errors: fe } = props;
  const set = <K extends keyof RegisterDraft>(k: K, v: RegisterDraft[K]) => setDraft((o) => ({ ...o, [k]: v }));
  const incoming = d.direction === 'entrata';

  return (
    <form
      className="g-register"
      aria-labelledby="g-register-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
      onKeyDown={(e) => {
        if (matchesShortcut(e, 'Ctrl+Enter')) {
          e.preventDefault();
          props.onSubmit();
          return;
        }
        // Plain Enter in a text box must not register by accident: only Ctrl+Enter does.
        if (e.key === 'Enter' && !e.ctrlKey && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault();
      }}
    >
      <h1 id="g-register-title" className="h3">
        Registra
      </h1>
      <fieldset className="g-field">
        <legend className="g-label">Direzione</legend>
        <div className="g-radios" role="radiogroup" aria-label="Direzione">
          {directionKeys.map((o, i) => (
            <label key={o.value} className="g-radio">
              <input
                ref={o.value === d.direction || (i === 0 && !d.direction) ? props.firstFieldRef : undefined}
                type="radio"
                name="direction"
                value={o.value}
                accessKey={o.key}
                checked={d.direction === o.value}
                onChange={() =>
                  setDraft((old) => ({
                    ...old,
                    direction: o.value,
                    // Incoming mail has exactly one sender (refine in the contract): keep only the first.
                    correspondents: o.value === 'entrata' ? old.correspondents.slice(0, 1) : old.correspondents,
                  }))
                }
              />{' '}
              <span>
                {o.label} <small className="g-kbd-hint" aria-hidden="true">(Alt+{o.key.toUpperCase()})</small>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <CorrespondentsField
        single={incoming}
        value={d.correspondents}
        error={fe.correspondents}
        onAdd={(c) => setDraft((o) => ({ ...o, correspondents: addCorrespondent(o, c) }))}
        onRemove={(key) => setDraft((o) => ({ ...o, correspondents: o.correspondents.filter((c) => c.key !== key) }))}
      />

      <Field label="Oggetto" error={fe.oggetto}>
        {(ids) => (
          <textarea id={ids.id} className="form-control" rows={2} maxLength={1000} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={d.oggetto} onChange={(e) => set('oggetto', e.target.value)} />
        )}
      </Field>

      <div className="g-grid-3">
        <Field label="Mezzo di trasmissione" error={fe.means}>
          {(ids) => (
            <select id={ids.id} className="form-select" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={d.means} onChange={(e) => set('means', means.find((x) => x === e.target.value) ?? '')}>
              <option value="">— non indicato —</option>
              {means.map((x) => (
                <option key={x} value={x}>
                  {meansLabels[x]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {incoming && (
          <>
            <Field label="Data del documento ricevuto" error={fe.receivedDocDate}>
              {(ids) => (
                <input id={ids.id} type="date" className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={d.receivedDocDate} onChange={(e) => set('receivedDocDate', e.target.value)} />
              )}
            </Field>
            <Field label="Numero del documento ricevuto" error={fe.receivedDocNumber}>
              {(ids) => (
                <input id={ids.id} className="form-control" maxLength={100} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={d.receivedDocNumber} onChange={(e) => set('receivedDocNumber', e.target.value)} />
              )}
            </Field>
          </>
        )}
      </div>

      <ClassificationPicker value={d.classification} error={fe.classificationCode} onChange={(v) => set('classification', v)} />
      <AssignmentsEditor value={d.assignments} error={fe.assignments} onChange={(v) => set('assignments', v)} />

      <div className="g-grid-2">
        <DocumentsField label="Documento principale" multiple={false} value={d.primaryDocument ? [d.primaryDocument] : []} error={fe.primaryDocument} onChange={(v) => set('primaryDocument', v[0] ?? null)} />
        <DocumentsField label="Allegati" multiple value={d.attachments} error={fe.attachments} onChange={(v) => set('attachments', v)} />
      </div>

      <div className="g-grid-2">
        <Field label="Allegati cartacei (numero)" error={fe['paperAttachments.count'] ?? fe.paperAttachments}>
          {(ids) => (
            <input id={ids.id} type="number" min={0} max={9999} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={d.paperCount} onChange={(e) => set('paperCount', e.target.value)} />
          )}
        </Field>
        <Field label="Descrizione allegati cartacei" error={fe['paperAttachments.description']}>
          {(ids) => (
            <input id={ids.id} className="form-control" maxLength={1000} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={d.paperDescription} onChange={(e) => set('paperDescription', e.target.value)} />
          )}
        </Field>
      </div>

      <div className="form-check g-field">
        <input id="g-riservato" type="checkbox" className="form-check-input" checked={d.riservato} onChange={(e) => set('riservato', e.target.checked)} />
        <label htmlFor="g-riservato" className="form-check-label">
          Riservato
        </label>
      </div>

      <Field label="Note" error={fe.notes}>
        {(ids) => (
          <textarea id={ids.id} className="form-control" rows={2} maxLength={2000} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={d.notes} onChange={(e) => set('notes', e.target.value)} />
        )}
      </Field>

      <div aria-live="assertive">{props.submitError ? <ErrorAlert error={props.submitError} /> : null}</div>
      <div className="g-actions">
        <button type="submit" className="btn btn-primary btn-lg" disabled={props.pending} aria-keyshortcuts="Control+Enter">
          {props.pending ? 'Registrazione in corso…' : 'Registra'} <span className="g-kbd-hint" aria-hidden="true">(Ctrl+Invio)</span>
        </button>
      </div>
    </form>
  );
}
