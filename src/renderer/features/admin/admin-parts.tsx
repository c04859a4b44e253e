import type { ReactNode } from 'react';

/**
 * The pieces every administration table repeats: the row's "Modifica" and "Disattiva/Riattiva"
 * buttons (named after the row, so a screen reader says which one) and the form below the table.
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
