import { useEffect, useRef, type ReactNode } from 'react';
import type { ProtocolEntry } from '../../../shared/contract';
import { routeHref } from '../../lib/route';
import { LabelButton } from './LabelButton';

/**
 * After a registration: the number, large, with "Stampa etichetta" focused — the clerk's next
 * gesture is printing the label for the paper letter. Shared by ordinary and emergency entries.
 */
export function SuccessPanel(props: { entry: ProtocolEntry; title: string; number: string; numberLabel: string; details: ReactNode; onNew: () => void }) {
  const labelRef = useRef<HTMLButtonElement>(null);
  const e = props.entry;
  useEffect(() => labelRef.current?.focus(), []);
  return (
    <section className="g-success" aria-labelledby="g-success-title">
      <h2 id="g-success-title" className="h4">
        {props.title}
      </h2>
      <p role="status" aria-live="polite" className="g-bignumber" aria-label={`${props.numberLabel} ${props.number}`}>
        {props.number}
      </p>
      <p>{props.details}</p>
      <p className="text-truncate">Oggetto: {e.oggetto}</p>
      <div className="g-actions">
        <LabelButton ref={labelRef} entryId={e.id} />
        <button type="button" className="btn btn-outline-primary" onClick={props.onNew} aria-keyshortcuts="Alt+N Control+Shift+N">
          Nuova registrazione <span aria-hidden="true" className="g-kbd-hint">(Alt+N)</span>
        </button>
        <a className="btn btn-link" href={routeHref({ screen: 'dettaglio', id: e.id })}>
          Apri il dettaglio
        </a>
      </div>
    </section>
  );
}
