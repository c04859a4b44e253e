import { useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../components/Alert';
import { dateTimeLabel, dayLabel } from '../../lib/format';
import { routeHref } from '../../lib/route';
import type { CaseDto, SessionUser } from '../../../shared/contract';
import { caseStateLabels } from '../../../shared/domain/cases/states';
import { isAllowed } from '../../../shared/domain/permissions';
import { silenceLabels } from '../../../shared/domain/cases/case-types';
import { suspensionReasonLabels } from '../../../shared/domain/cases/deadlines';
import { caseTermView, priorityLabels } from './case-format';
import { useCaseSettings, useCaseTypes, useToday } from './use-case-data';
import { TermBadge } from './TermBadge';
import { CaseActions } from './CaseActions';
import { PatronagePanel } from './PatronagePanel';
import { HearingPanel } from './HearingPanel';
import { CaseAssignments, CaseLinks } from './CaseRelations';
import { CaseTimeline } from './CaseTimeline';
import './cases.css';

/** A case: header with its term in words, the actions its state allows, its panels and timeline. */
export function CaseDetailScreen(props: { id: string; user: SessionUser; canWork: boolean }) {
  const q = useQuery({ queryKey: queryKeys.caseDetail(props.id), queryFn: () => send('cases.get', { caseId: props.id }) });
  const types = useCaseTypes();
  const settings = useCaseSettings();
  const today = useToday();
  if (q.isPending) return <p role="status">Caricamento della pratica…</p>;
  if (q.error) return <ErrorAlert error={q.error} />;
  const c = q.data.case;
  const type = types.data?.find((t) => t.code === c.typeCode);
  const term = caseTermView(c, type, settings.data, today);
  return (
    <article aria-labelledby="g-case-title">
      <p>
        <a href={routeHref({ screen: 'pratiche' })}>← Torna alle pratiche</a>
      </p>
      <h1 id="g-case-title" className="h3" tabIndex={-1}>
        {c.title}
      </h1>
      <p className="g-case-head">
        <span>
          <strong>{type?.name ?? c.typeCode}</strong>
        </span>
        <span>
          Stato: <strong data-testid="case-state">{caseStateLabels[c.state]}</strong>
        </span>
        <span data-testid="case-term">
          Termine: <TermBadge status={term.status} daysLeft={term.daysLeft} />
        </span>
        {c.priority === 'urgente' && <strong>Priorità urgente</strong>}
      </p>
      {term.silence && term.silenceSince && (
        <div className="alert alert-warning" role="note">
          <strong>
            {silenceLabels[term.silence]} maturato il {dayLabel(term.silenceSince)}
          </strong>
          {type?.legalBasis ? ` (${type.legalBasis}).` : '.'}
        </div>
      )}
      <CaseFacts c={c} legalBasis={type?.legalBasis ?? null} />
      {props.canWork && <CaseActions c={c} user={props.user} />}
      {c.typeCode === 'patrocinio' && <PatronagePanel c={c} settings={settings.data} canWork={props.canWork} />}
      {c.typeCode === 'udienza' && <HearingPanel c={c} canWork={props.canWork} canSchedule={isAllowed('agenda.create', props.user.roles)} />}
      <CaseAssignments c={c} />
      <CaseLinks c={c} canLink={props.canWork && isAllowed('cases.linkEntry', props.user.roles)} />
      <CaseTimeline events={q.data.events} />
    </article>
  );
}

function CaseFacts(props: { c: CaseDto; legalBasis: string | null }) {
  const c = props.c;
  return (
    <dl className="g-dl">
      <dt>Richiedente</dt>
      <dd>{c.requester?.name ?? '—'}</dd>
      <dt>Ricevuta il</dt>
      <dd>{dayLabel(c.receivedOn)}</dd>
      <dt>Scadenza</dt>
      <dd>
        {c.state === 'sospesa' ? 'Termine sospeso: la scadenza sarà ricalcolata alla ripresa' : dayLabel(c.dueOn)}
        {c.suspendedDays > 0 && ` (prorogata di ${c.suspendedDays} ${c.suspendedDays === 1 ? 'giorno' : 'giorni'} per sospensioni)`}
      </dd>
      {props.legalBasis && (
        <>
          <dt>Riferimento normativo</dt>
          <dd>{props.legalBasis}</dd>
        </>
      )}
      <dt>In carico a</dt>
      <dd data-testid="case-owner">{c.ownerName ?? 'Nessuno'}</dd>
      <dt>Ufficio competente</dt>
      <dd>{c.officeName ?? '—'}</dd>
      <dt>Priorità</dt>
      <dd>{priorityLabels[c.priority]}</dd>
      {c.suspensions.length > 0 && (
        <>
          <dt>Sospensioni</dt>
          <dd>
            <ul className="list-unstyled mb-0">
              {c.suspensions.map((s, i) => (
                <li key={i}>
                  {suspensionReasonLabels[s.reason]}: dal {dayLabel(s.from)} {s.to ? `al ${dayLabel(s.to)}` : '(in corso)'}
                  {s.note ? ` — ${s.note}` : ''}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {c.repliedOn && (
        <>
          <dt>Risposta inviata il</dt>
          <dd>{dayLabel(c.repliedOn)}</dd>
        </>
      )}
      {c.closedOn && (
        <>
          <dt>Chiusa il</dt>
          <dd>
            {dayLabel(c.closedOn)}
            {c.closingNote ? ` — ${c.closingNote}` : ''}
          </dd>
        </>
      )}
      {c.notes && (
        <>
          <dt>Note</dt>
          <dd>{c.notes}</dd>
        </>
      )}
      <dt>Aperta da</dt>
      <dd>
        {c.createdByName}, {dateTimeLabel(c.createdAt)}
      </dd>
    </dl>
  );
}
