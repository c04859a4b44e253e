import type { RegisterResult } from '../../../shared/contract';
import { dateTimeLabel, directionLabels, entryNumberLabel } from '../../lib/format';
import { SuccessPanel } from './SuccessPanel';

/** The assigned number, large, with "Stampa etichetta" focused: the next gesture is printing. */
export function RegisterSuccess(props: { result: RegisterResult; onNew: () => void }) {
  const e = props.result.entry;
  return (
    <SuccessPanel
      entry={e}
      title="Registrazione eseguita"
      number={entryNumberLabel(e)}
      numberLabel="Numero di protocollo"
      onNew={props.onNew}
      details={
        <>
          {directionLabels[e.direction]} · registrata il {dateTimeLabel(e.registeredAt)} · segnatura <code>{props.result.segnatura}</code>
        </>
      }
    />
  );
}
