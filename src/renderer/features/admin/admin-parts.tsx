import type { ReactNode } from 'react';
import { ErrorAlert } from '../../components/Alert';

/**
 * The pieces every administration table repeats: the row's "Modifica" and "Disattiva/Riattiva"
 * buttons (named after the row, so a screen reader says which one), the form below the table
 * and its buttons.
 */
export function RowActions(props: { name: string; active: boolean; onEdit?: () => void; onToggle: () => void }) {
  return (
    <td>
      {props.onEdit ? (
        <button type="button" className="btn btn-link btn-sm" onClick={props.onEdit}>
          Modifica {props.name}
        </button>
      ) : null}
      <button type="button" className="btn btn-link btn-sm" onClick={props.onToggle}>
        {props.active ? `Disattiva ${props.name}` : `Riattiva ${props.name}`}
      </button>
    </td>
  );
}

/** The form under an administration table; the browser's own validation stays off (ours speaks Italian). */
export function AdminForm(props: { label: string; onSubmit: () => void; children: ReactNode }) {
  return (
    <form
      className="g-panel"
      aria-label={props.label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      {props.children}
    </form>
  );
}

/** Save (or add) and, while editing a row, cancel; then the save's error, if any. */
export function EditFormActions(props: { noun: string; editing: boolean; pending: boolean; error: unknown; onCancel: () => void }) {
  return (
    <>
      <div className="g-actions">
        <button type="submit" className="btn btn-primary" disabled={props.pending}>
          {props.editing ? `Salva ${props.noun}` : `Aggiungi ${props.noun}`}
        </button>
        {props.editing && (
          <button type="button" className="btn btn-outline-secondary" onClick={props.onCancel}>
            Annulla modifica
          </button>
        )}
      </div>
      <ErrorAlert error={props.error} />
    </>
  );
}
