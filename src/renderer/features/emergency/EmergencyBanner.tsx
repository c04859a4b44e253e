import { useMutation, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { errorMessage } from '../../lib/field-errors';
import { dateTimeLabel } from '../../lib/format';
import { useEmergencyStatus } from './use-emergency';

/** "Registro di emergenza" banner while a period is open on this desk (art. 63), with close. */
export function EmergencyBanner() {
  const qc = useQueryClient();
  const status = useEmergencyStatus();
  const close = useMutation({
    mutationFn: () => send('emergency.close', {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['protocol'] }),
  });
  const open = status.data?.open;
  if (!open) return null;
  return (
    <section className="alert alert-warning" role="region" aria-label="Registro di emergenza">
      <h2 className="h5">Registro di emergenza aperto</h2>
      <p>
        Dal {dateTimeLabel(open.startedAt)} · causa: {open.cause} · autorizzato da {open.authoriser.name} ({open.authoriser.act}) · registrazioni: {open.total}
      </p>
      {status.data?.warning && <p>{status.data.warning}</p>}
      <button type="button" className="btn btn-outline-dark" disabled={close.isPending} onClick={() => close.mutate()}>
        Chiudi registro di emergenza
      </button>
      {close.error && <span role="alert"> {errorMessage(close.error)}</span>}
    </section>
  );
}
