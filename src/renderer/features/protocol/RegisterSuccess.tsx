import { useEffect, useRef } from 'react';
import type { RegisterResult } from '../../../shared/contract';
import { dateTimeLabel, directionLabels, entryNumberLabel } from '../../lib/format';
import { routeHref } from '../../lib/route';
import { LabelButton } from './LabelButton';

/** The assigned number, large, with "Stampa etichetta" focused: the next gesture is printing. */
export function RegisterSuccess(props: { result: RegisterResult; onNew: () => void }) {
  const labelRef = useRef<HTMLButtonElement>(null);
  const e = props.result.entry;
  useEffect(() => labelRef.current?.focus(), []);
  return (
    <section className="g-success" aria-labelledby="g-success-title">
      <h2 id="g-success-title" className="h4">
        Registrazione eseguita
      </h2>
      <p role="status" aria-live="polite" className="g-bignumber" aria-label={`Numero di protocollo ${entryNumberLabel(e)}`}>
        {entryNumberLabel(e)}
      </p>
      <p>
        {directionLabels[e.direction]} · registrata il {dateTimeLabel(e.registeredAt)} · segnatura <code>{props.result.segnatura}</code>
      </p>
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
