import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { ErrorAlert } from '../../components/Alert';
import { dateTimeLabel, historyValueLabel } from '../../lib/format';
import type { Conflict } from '../../../shared/contract';
import { reviewKeys } from './review-keys';
import { TableHead } from '../../components/TableHead';

const fieldLabels: Record<string, string> = {
  classificationCode: 'Classificazione',
  assignments: 'Assegnazioni',
  name: 'Nome',
  pec: 'PEC',
  email: 'E-mail',
  phone: 'Telefono',
  address: 'Indirizzo',
  notes: 'Note',
};

/**
 * Conflicts the server recorded (same field changed on two desks from the same version): the
 * server kept one value by its own order, never by wall clocks; the other is one click away.
 */
export function ConflictsPanel(props: { userId: string }) {
  const who = (id: string | null) => (id === null ? '—' : id === props.userId ? 'tu' : 'un altro utente');
  const qc = useQueryClient();
  const conflicts = useQuery({ queryKey: reviewKeys.conflicts, queryFn: () => send('conflicts.list', { includeResolved: false }) });
  const restore = useMutation({
    mutationFn: (c: Conflict) => send('conflicts.resolve', { conflictId: c.id, choose: 'losing' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reviewKeys.conflicts }),
  });
  const list = conflicts.data ?? [];
  return (
    <section aria-labelledby="g-conflicts-title" className="mb-4">
      <h2 id="g-conflicts-title" className="h5">
        Conflitti
      </h2>
      {conflicts.error ? (
        <p>Elenco dei conflitti non disponibile: {conflicts.error instanceof Error ? conflicts.error.message : ''}</p>
      ) : conflicts.isPending ? (
        <p>Caricamento…</p>
      ) : list.length === 0 ? (
        <p>Nessun conflitto da esaminare.</p>
      ) : (
        <table className="table table-sm">
          <caption className="visually-hidden">Conflitti che ti riguardano</caption>
          <TableHead columns={['Campo', 'Valore mantenuto', 'Valore non applicato', 'Chi e quando', 'Azione']} />
          <tbody>
            {list.map((c) => (
              <tr key={c.id}>
                <td>{fieldLabels[c.field] ?? c.field}</td>
                <td>{historyValueLabel(c.keptValue)}</td>
                <td>{historyValueLabel(c.losingValue)}</td>
                <td>
                  Mantenuto: {who(c.keptBy)}; non applicato: {who(c.losingBy)}; {dateTimeLabel(c.at)}
                </td>
                <td>
                  <button type="button" className="btn btn-sm btn-outline-primary" disabled={restore.isPending} onClick={() => restore.mutate(c)}>
                    {c.losingBy === props.userId ? 'Ripristina il mio valore' : 'Applica il valore non applicato'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorAlert error={restore.error} />
      {restore.isSuccess && <p role="status">Valore ripristinato: sarà inviato al server del registro.</p>}
    </section>
  );
}
