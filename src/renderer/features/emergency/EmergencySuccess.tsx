import type { EmergencyRegisterResult } from '../../../shared/contract';
import { dateTimeLabel, directionLabels } from '../../lib/format';
import { SuccessPanel } from '../protocol/SuccessPanel';

/** The emergency number, large, with "Stampa etichetta" focused (label: REGISTRO DI EMERGENZA). */
export function EmergencySuccess(props: { result: EmergencyRegisterResult; onNew: () => void }) {
  const e = props.result.entry;
  return (
    <SuccessPanel
      entry={e}
      title="Registrazione nel registro di emergenza"
      number={props.result.emergencyNumber}
      numberLabel="Numero di emergenza"
      onNew={props.onNew}
      details={`${directionLabels[e.direction]} · ${dateTimeLabel(e.registeredAt)} · il numero di protocollo ordinario arriverà al ritorno del server`}
    />
  );
}
