import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { routeHref } from '../../lib/route';
import './cases.css';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The start-up reminder: after login, what is overdue or due soon for me and my office. A
 * banner, never a modal: the clerk may dismiss it and go on (it returns at the next login).
 */
export function CaseReminders() {
  const [dismissed, setDismissed] = useState(false);
  const q = useQuery({ queryKey: queryKeys.caseReminders, queryFn: () => send('cases.reminders', {}), retry: false });
  const r = q.data;
  if (dismissed || !r || (r.overdue === 0 && r.dueSoon === 0)) return null;
  const parts = [r.overdue > 0 ? plural(r.overdue, 'pratica scaduta', 'pratiche scadute') : '', r.dueSoon > 0 ? plural(r.dueSoon, 'pratica in scadenza', 'pratiche in scadenza') : ''].filter(Boolean);
  return (
    <section className={`alert ${r.overdue > 0 ? 'alert-danger' : 'alert-warning'} g-reminder`} aria-label="Promemoria delle pratiche">
      <p className="mb-0">
        <strong>Promemoria:</strong> hai {parts.join(' e ')}. <a href={routeHref({ screen: 'pratiche' })}>Vai alle pratiche</a>
      </p>
      <button type="button" className="btn btn-sm btn-outline-secondary" onClick={() => setDismissed(true)}>
        Nascondi promemoria
      </button>
    </section>
  );
}
