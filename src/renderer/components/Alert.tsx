import type { ReactNode } from 'react';

/** A message region: errors are assertive, results polite (WCAG 4.1.3 status messages). */
export function Alert(props: { kind: 'danger' | 'success' | 'info' | 'warning'; children: ReactNode; title?: string }) {
  const assertive = props.kind === 'danger';
  return (
    <div className={`alert alert-${props.kind}`} role={assertive ? 'alert' : 'status'} aria-live={assertive ? 'assertive' : 'polite'}>
      {props.title && <strong className="d-block">{props.title}</strong>}
      {props.children}
    </div>
  );
}

/** Shows an error message when there is one; renders nothing otherwise. */
export function ErrorAlert(props: { error: unknown }) {
  if (!props.error) return null;
  const message = props.error instanceof Error ? props.error.message : String(props.error);
  return <Alert kind="danger">{message}</Alert>;
}
