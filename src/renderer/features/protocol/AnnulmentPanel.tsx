import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { Field } from '../../components/Field';
import { ErrorAlert, Alert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import type { ProtocolEntryDetail, SessionUser } from '../../../shared/contract';

/**
 * Annulment (art. 54 DPR 445/2000; Linee guida AgID): any clerk may request it, only the
 * responsabile executes it, with the reason and the authorising act; the entry stays visible.
 */
export function AnnulmentPanel(props: { entry: ProtocolEntryDetail; user: SessionUser }) {
  const qc = useQueryClient();
  const e = props.entry;
  const isResponsabile = props.user.roles.includes('responsabile');
  const canRequest = props.user.roles.some((r) => r === 'responsabile' || r === 'protocollista' || r === 'segreteria');
  const [reason, setReason] = useState(e.annulment?.requestReason ?? '');
  const [act, setAct] = useState('');
  const done = () => void qc.invalidateQueries({ queryKey: ['protocol'] });
  const request = useMutation({ mutationFn: () => send('protocol.requestAnnulment', { id: e.id, reason }), onSuccess: done });
  const annul = useMutation({ mutationFn: () => send('protocol.annul', { id: e.id, reason, act }), onSuccess: done });
  if (e.status === 'annullato' || (!isResponsabile && !canRequest)) return null;
  const fe = { ...fieldErrorsOf(request.error), ...fieldErrorsOf(annul.error) };
  return (
    <section aria-labelledby="g-annul-title" className="g-panel">
      <h2 id="g-annul-title" className="h5">
        Annullamento
      </h2>
      {e.status === 'annullamento_richiesto' && <Alert kind="warning">Annullamento richiesto: in attesa del responsabile del protocollo.</Alert>}
      <Field label="Motivo dell'annullamento" error={fe.reason}>
        {(ids) => <textarea id={ids.id} className="form-control" rows={2} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={reason} onChange={(ev) => setReason(ev.target.value)} />}
      </Field>
      {isResponsabile && (
        <Field label="Atto autorizzativo" error={fe.act} hint="Es. Provvedimento del Responsabile n. 12 del 03/11/2026">
          {(ids) => <input id={ids.id} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={act} onChange={(ev) => setAct(ev.target.value)} />}
        </Field>
      )}
      <ErrorAlert error={request.error ?? annul.error} />
      {request.isSuccess && <Alert kind="success">Richiesta di annullamento inviata.</Alert>}
      <div className="g-actions">
        {canRequest && e.status === 'registrato' && !isResponsabile && (
          <button type="button" className="btn btn-outline-danger" onClick={() => request.mutate()} disabled={request.isPending}>
            Richiedi annullamento
          </button>
        )}
        {isResponsabile && (
          <button type="button" className="btn btn-danger" onClick={() => annul.mutate()} disabled={annul.isPending}>
            Annulla registrazione
          </button>
        )}
      </div>
    </section>
  );
}
