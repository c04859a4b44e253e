import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/Alert';
import { navigate } from '../../app/use-route';
import { routeHref } from '../../lib/route';
import { caseStateLabels } from '../../../shared/domain/cases/states';
import { OpenCaseForm } from './OpenCaseForm';
import { LinkToCaseForm } from './LinkToCaseForm';
import { TermBadge } from './TermBadge';

/**
 * On a protocol entry's detail: the cases that gather it, "Apri pratica" (choose the type,
 * confirm) and "Collega a una pratica" (a reminder or an integration joins an open case).
 */
export function EntryCases(props: { entry: { id: string; oggetto: string }; canOpen: boolean; canLink: boolean }) {
  const [open, setOpen] = useState(false);
  const [linking, setLinking] = useState(false);
  const [message, setMessage] = useState('');
  const q = useQuery({ queryKey: queryKeys.casesForEntry(props.entry.id), queryFn: () => send('cases.forEntry', { entryId: props.entry.id }) });
  const items = q.data ?? [];
  return (
    <section aria-labelledby="g-entry-cases" className="g-panel">
      <h2 id="g-entry-cases" className="h5">
        Pratiche
      </h2>
      <ErrorAlert error={q.error} />
      {q.data && items.length === 0 && <p>Nessuna pratica raccoglie questa registrazione.</p>}
      {items.length > 0 && (
        <ul className="list-unstyled">
          {items.map((c) => (
            <li key={c.id} className="mb-1">
              <a href={routeHref({ screen: 'pratica', id: c.id })}>{c.title}</a> — {c.typeName}, {caseStateLabels[c.state]}{' '}
              <TermBadge status={c.termStatus} daysLeft={c.daysLeft} />
            </li>
          ))}
        </ul>
      )}
      <div className="g-actions">
        {props.canOpen && (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setOpen(true)}>
            Apri pratica
          </button>
        )}
        {props.canLink && (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setLinking(true)}>
            Collega a una pratica
          </button>
        )}
      </div>
      <p role="status" aria-live="polite" className="mb-0">
        {message}
      </p>
      <Dialog open={linking} title="Collega a una pratica" onClose={() => setLinking(false)}>
        <LinkToCaseForm
          entryId={props.entry.id}
          exclude={new Set(items.map((c) => c.id))}
          onDone={(c) => {
            setLinking(false);
            setMessage(`Registrazione collegata alla pratica «${c.title}».`);
          }}
        />
      </Dialog>
      <Dialog open={open} title="Apri pratica" onClose={() => setOpen(false)}>
        <OpenCaseForm
          entry={props.entry}
          onOpened={(c) => {
            setOpen(false);
            navigate({ screen: 'pratica', id: c.id });
          }}
        />
      </Dialog>
    </section>
  );
}
