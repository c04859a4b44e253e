import { useId, type ReactNode } from 'react';

/**
 * A labelled field with its error next to it (WCAG 3.3.1): the error is linked by
 * aria-describedby and the control is marked aria-invalid, so a screen reader reads both.
 */
export function Field(props: {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  className?: string;
}) {
  const id = useId();
  const errorId = `${id}-err`;
  const hintId = `${id}-hint`;
  const describedBy = [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`g-field ${props.className ?? ''}`}>
      <label htmlFor={id} className="g-label">
        {props.label}
      </label>
      {props.children({ id, describedBy, invalid: !!props.error })}
      {props.hint && (
        <small id={hintId} className="form-text">
          {props.hint}
        </small>
      )}
      {props.error && (
        <div id={errorId} className="g-field-error" role="alert">
          {props.error}
        </div>
      )}
    </div>
  );
}
