import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { TableHead } from '../../components/TableHead';
import { dateTimeLabel } from '../../lib/format';
import { routeHref } from '../../lib/route';
import { signatureStates, type SignatureItemDto, type SignatureState } from '../../../shared/contract';
import { useCaseAction } from '../cases/use-case-data';
import { ClarificationForm } from './ClarificationForm';
import { signatureOrder, signaturePriorityLabels, signatureStateLabels } from './signature-format';

/**
 * Libro firma: documents awaiting the Mayor's signature, most urgent first. Signing and asking
 * for clarification are the secretariat's (the Mayor signs through it); withdrawing too.
 */
export function SignatureBookScreen(props: { canDecide: boolean }) {
  const id = useId();
  const [state, setState] = useState<SignatureState | ''>('in_attesa');
  const [asking, setAsking] = useState<SignatureItemDto | null>(null);
  const [message, setMessage] = useState('');
  const q = useQuery({ queryKey: queryKeys.signatureList(state), queryFn: () => send('signature.list', state ? { state } : {}) });
  const decide = useCaseAction('signature.decide', (item) => {
    setAsking(null);
    setMessage(`«${item.title}»: ${signatureStateLabels[item.state].toLowerCase()}.`);
  });
  const items = [...(q.data ?? [])].sort(signatureOrder);
  return (
    <section aria-labelledby="g-sign-title">
      <h1 id="g-sign-title" className="h3">
        Libro firma
      </h1>
      <div className="g-field">
        <label htmlFor={`${id}-s`}>Mostra</label>
        <select id={`${id}-s`} className="form-select w-auto" value={state} onChange={(e) => setState(signatureStates.find((s) => s === e.target.value) ?? '')}>
          {signatureStates.map((s) => (
            <option key={s} value={s}>
              {signatureStateLabels[s]}
            </option>
          ))}
          <option value="">Tutti</option>
        </select>
      </div>
      <p role="status" aria-live="polite" className="g-count">
        {q.isPending ? 'Caricamento…' : `${items.length} ${items.length === 1 ? 'documento' : 'documenti'}`}
        {message && ` — ${message}`}
      </p>
      <ErrorAlert error={q.error ?? decide.error} />
      {items.length > 0 && (
        <table className="table table-sm">
          <caption className="visually-hidden">Documenti del libro firma</caption>
          <TableHead columns={['Documento', 'Priorità', 'Ufficio', 'Inviato', 'Note', 'Stato']} actions={props.canDecide} />
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <td>
                  {i.title}
                  {i.caseId && (
                    <div className="small">
                      <a href={routeHref({ screen: 'pratica', id: i.caseId })}>
                        Apri la pratica<span className="visually-hidden"> di «{i.title}»</span>
                      </a>
                    </div>
                  )}
                </td>
                <td>{i.priority === 'normale' ? signaturePriorityLabels[i.priority] : <strong>{signaturePriorityLabels[i.priority]}</strong>}</td>
                <td>{i.officeName ?? '—'}</td>
                <td>
                  {dateTimeLabel(i.submittedAt)}, {i.submittedByName}
                </td>
                <td>
                  {i.notes ?? '—'}
                  {i.clarification && <div className="small">Chiarimenti: {i.clarification}</div>}
                </td>
                <td>
                  {signatureStateLabels[i.state]}
                  {i.decidedAt && <div className="small">{dateTimeLabel(i.decidedAt)}{i.decidedByName ? `, ${i.decidedByName}` : ''}</div>}
                </td>
                {props.canDecide && (
                  <td>
                    {i.state === 'in_attesa' && (
                      <div className="g-actions my-0">
                        <button type="button" className="btn btn-primary btn-sm" disabled={decide.isPending} onClick={() => decide.mutate({ id: i.id, outcome: 'firmato' })}>
                          Firma<span className="visually-hidden"> «{i.title}»</span>
                        </button>
                        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setAsking(i)}>
                          Chiedi chiarimenti<span className="visually-hidden"> su «{i.title}»</span>
                        </button>
                        <button type="button" className="btn btn-outline-secondary btn-sm" disabled={decide.isPending} onClick={() => decide.mutate({ id: i.id, outcome: 'ritirato' })}>
                          Ritira<span className="visually-hidden"> «{i.title}»</span>
                        </button>
                      </div>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Dialog open={asking !== null} title="Chiedi chiarimenti all'ufficio" onClose={() => setAsking(null)}>
        {asking && <ClarificationForm item={asking} pending={decide.isPending} error={decide.error} onSubmit={(clarification) => decide.mutate({ id: asking.id, outcome: 'chiarimenti', clarification })} />}
      </Dialog>
    </section>
  );
}
