import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Dialog } from '../../components/Dialog';
import { Alert, ErrorAlert } from '../../components/Alert';
import { TableHead } from '../../components/TableHead';
import { dayLabel } from '../../lib/format';
import type { InvitationDto, InvitationState, SessionUser } from '../../../shared/contract';
import { invitationStates } from '../../../shared/contract';
import { agendaRights, sortPeople, useAgendaPeople } from '../agenda/agenda-data';
import { spanLabel } from '../agenda/agenda-time';
import { InvitationForm } from './InvitationForm';
import { DecisionForm, decisionLabels, type Decision } from './DecisionForm';
import { InvitationRowActions, LinkLetterForm } from './InvitationRowActions';
import '../agenda/agenda.css';

export const stateLabels: Record<InvitationState, string> = { da_decidere: 'Da decidere', accettato: 'Accettato', declinato: 'Declinato', delegato: 'Delegato' };

type Open = { what: 'new' } | { what: 'decide'; inv: InvitationDto; decision: Decision } | { what: 'link'; inv: InvitationDto } | null;

/** Inviti: the Mayor's invitations, those to decide first; record, accept, decline or delegate. */
export function InvitationsScreen(props: { user: SessionUser }) {
  const rights = agendaRights(props.user);
  const [filter, setFilter] = useState<InvitationState | ''>('');
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useQuery({ queryKey: queryKeys.invitations(filter), queryFn: () => send('invitations.list', filter ? { state: filter } : {}) });
  const people = useAgendaPeople();
  const sortedPeople = useMemo(() => sortPeople(people.data ?? []), [people.data]);
  // Those still to decide first, then by the date of the event.
  const rows = useMemo(
    () => [...(list.data ?? [])].sort((a, b) => Number(b.state === 'da_decidere') - Number(a.state === 'da_decidere') || a.eventStart.localeCompare(b.eventStart)),
    [list.data],
  );
  const done = (message: string) => {
    setOpen(null);
    setNotice(message);
  };

  return (
    <section aria-labelledby="g-inv-title" className="g-agenda">
      <h1 id="g-inv-title" className="h3">
        Inviti
      </h1>
      <div className="g-row mb-2">
        <div>
          <label htmlFor="g-inv-filter" className="fw-semibold d-block">
            Stato
          </label>
          <select id="g-inv-filter" className="form-select" value={filter} onChange={(e) => setFilter(e.target.value as InvitationState | '')}>
            <option value="">Tutti</option>
            {invitationStates.map((s) => (
              <option key={s} value={s}>
                {stateLabels[s]}
              </option>
            ))}
          </select>
        </div>
        {rights.decide && (
          <button type="button" className="btn btn-primary align-self-end" onClick={() => setOpen({ what: 'new' })}>
            Registra invito
          </button>
        )}
      </div>
      {notice && <Alert kind={notice.includes('Attenzione') ? 'warning' : 'success'}>{notice}</Alert>}
      <ErrorAlert error={list.error} />
      <p role="status" aria-live="polite" className="g-count">
        {list.data ? `${rows.length} inviti, ${rows.filter((r) => r.state === 'da_decidere').length} da decidere` : 'Caricamento…'}
      </p>
      <table className="table table-sm g-inv-table">
        <caption className="visually-hidden">Inviti al Sindaco</caption>
        <TableHead columns={['Evento', 'Data', 'Luogo', 'Da', 'Ricevuto', 'Stato']} actions />
        <tbody>
          {rows.map((inv) => (
            <tr key={inv.id}>
              <td>
                <strong>{inv.title}</strong>
                {inv.recordedWithoutProtocol && <small className="d-block">Senza protocollo (art. 53 c.5)</small>}
              </td>
              <td>{spanLabel(inv.eventStart, inv.eventEnd)}</td>
              <td>{inv.place}</td>
              <td>{inv.from.name}</td>
              <td>{dayLabel(inv.receivedOn)}</td>
              <td>
                <span className={`g-inv-state g-inv-${inv.state}`}>{stateLabels[inv.state]}</span>
                {inv.decision?.delegateToName && <small className="d-block">a {inv.decision.delegateToName}</small>}
                {inv.decision && <small className="d-block">{inv.decision.byName}</small>}
              </td>
              <td>
                <InvitationRowActions
                  invitation={inv}
                  canDecide={rights.decide}
                  onDecide={(decision) => setOpen({ what: 'decide', inv, decision })}
                  onLink={() => setOpen({ what: 'link', inv })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Dialog open={open?.what === 'new'} title="Nuovo invito" onClose={() => setOpen(null)}>
        <InvitationForm onDone={(inv) => done(`Invito «${inv.title}» registrato, da decidere.`)} onCancel={() => setOpen(null)} />
      </Dialog>
      <Dialog open={open?.what === 'decide'} title={open?.what === 'decide' ? `${decisionLabels[open.decision]} l'invito` : ''} onClose={() => setOpen(null)}>
        {open?.what === 'decide' && <DecisionForm invitation={open.inv} decision={open.decision} people={sortedPeople} onDone={(m) => done(m)} onCancel={() => setOpen(null)} />}
      </Dialog>
      <Dialog open={open?.what === 'link'} title="Collega la lettera registrata" onClose={() => setOpen(null)}>
        {open?.what === 'link' && <LinkLetterForm invitation={open.inv} onDone={() => done('Lettera collegata alla decisione.')} />}
      </Dialog>
    </section>
  );
}
