import { useEffect, useRef } from 'react';
import type { EmergencyRegisterResult } from '../../../shared/contract';
import { dateTimeLabel, directionLabels } from '../../lib/format';
import { routeHref } from '../../lib/route';
import { LabelButton } from '../protocol/LabelButton';

/** The emergency number, large, with "Stampa etichetta" focused (label: REGISTRO DI EMERGENZA). */
export function EmergencySuccess(props: { result: EmergencyRegisterResult; onNew: () => void }) {
  const labelRef = useRef<HTMLButtonElement>(null);
  const e = props.result.entry;
  useEffect(() => labelRef.current?.focus(), []);
  return (
    <section className="g-success" aria-labelledby="g-success-title">
      <h2 id="g-success-title" className="h4">
        Registrazione nel registro di emergenza
      </h2>
      <p role="status" aria-live="polite" className="g-bignumber" aria-label={`Numero di emergenza ${props.result.emergencyNumber}`}>
        {props.result.emergencyNumber}
      </p>
      <p>
        {directionLabels[e.direction]} · {dateTimeLabel(e.registeredAt)} · il numero di protocollo ordinario arriverà al ritorno del server
      </p>
      <p className="text-truncate">Oggetto: {e.oggetto}</p>
      <div className="g-actions">
        <LabelButton ref={labelRef} entryId={e.id} />
        <button type="button" className="btn btn-outline-primary" onClick={props.onNew}>
          Nuova registrazione
        </button>
        <a className="btn btn-link" href={routeHref({ screen: 'dettaglio', id: e.id })}>
          Apri il dettaglio
        </a>
      </div>
    </section>
  );
}
