import { TableHead, type TableSort } from '../../components/TableHead';
import { dayLabel } from '../../lib/format';
import { routeHref } from '../../lib/route';
import type { CaseListItem } from '../../../shared/contract';
import { caseStateLabels } from '../../../shared/domain/cases/states';
import { silenceLabels } from '../../../shared/domain/cases/case-types';
import { TermBadge } from './TermBadge';

const columns = ['Oggetto', 'Tipo', 'Richiedente', 'Ricevuta il', 'Scadenza', 'Termine', 'Stato', 'In carico a'];
const sortKeys: Record<string, string> = { Oggetto: 'title', Tipo: 'type', 'Ricevuta il': 'receivedOn', Scadenza: 'dueOn', Stato: 'state' };

/** The case list: the oggetto links to the detail; every status is written in words. */
export function CaseTable(props: { items: CaseListItem[]; sort: TableSort; caption?: string }) {
  return (
    <div className="table-responsive">
      <table className="table table-sm g-case-table">
        <caption className="visually-hidden">{props.caption ?? 'Pratiche'}</caption>
        <TableHead columns={columns} sort={props.sort} sortKeys={sortKeys} />
        <tbody>
          {props.items.map((c) => (
            <CaseRow key={c.id} c={c} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CaseRow(props: { c: CaseListItem }) {
  const c = props.c;
  return (
    <tr>
      <td>
        <a href={routeHref({ screen: 'pratica', id: c.id })}>{c.title}</a>
        {c.priority === 'urgente' && <strong className="ms-2">(urgente)</strong>}
      </td>
      <td>{c.typeName}</td>
      <td>{c.requesterName ?? '—'}</td>
      <td>{dayLabel(c.receivedOn)}</td>
      <td>{dayLabel(c.dueOn)}</td>
      <td>
        <TermBadge status={c.termStatus} daysLeft={c.daysLeft} />
        {c.silence && <div className="small">{silenceLabels[c.silence]} maturato</div>}
      </td>
      <td>{caseStateLabels[c.state]}</td>
      <td>{[c.ownerName, c.officeName].filter(Boolean).join(' · ') || '—'}</td>
    </tr>
  );
}
