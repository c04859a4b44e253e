import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal on the native <dialog>: focus is trapped and returned by the browser, Esc closes it.
 */
export function Dialog(props: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  // One id per dialog: a screen may hold several (and the shortcuts dialog is always there).
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) d.showModal();
    if (!props.open && d.open) d.close();
  }, [props.open]);
  return (
    <dialog ref={ref} className="g-dialog" aria-labelledby={titleId} onClose={props.onClose} onCancel={props.onClose}>
      <div className="g-dialog-head">
        <h2 id={titleId} className="h4">
          {props.title}
        </h2>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={props.onClose}>
          Chiudi
        </button>
      </div>
      {props.open && props.children}
    </dialog>
  );
}
