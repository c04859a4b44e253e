import { TableHead } from '../../components/TableHead';
import { dateTimeLabel, directionLabels } from '../../lib/format';
import { routeHref } from '../../lib/route';
import type { CaseDto } from '../../../shared/contract';
import { assignmentStateLabels, linkRoleLabels } from './case-format';

/** Assignments with their history (revoked and refused ones stay, with the reason). */
export function CaseAssignments(props: { c: CaseDto }) {
  const list = props.c.assignments;
  return (
    <section aria-labelledby="g-case-assignments">
      <h2 id="g-case-assignments" className="h5">
        Assegnazioni
      </h2>
      {list.length === 0 ? (
        <p>Nessuna assegnazione.</p>
      ) : (
        <table className="table table-sm">
          <caption className="visually-hidden">Assegnazioni della pratica</caption>
          <TableHead columns={['Assegnatario', 'Tipo', 'Stato', 'Quando', 'Da']} />
          <tbody>
            {list.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.assigneeName} <small>({a.assigneeType === 'ufficio' ? 'ufficio' : 'persona'})</small>
                </td>
                <td>per {a.kind}</td>
                <td>
                  {assignmentStateLabels[a.state]}
                  {a.reason ? ` — ${a.reason}` : ''}
                </td>
                <td>{dateTimeLabel(a.at)}</td>
                <td>{a.byName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The protocol entries the case gathers, each a link to its detail. */
export function CaseLinks(props: { c: CaseDto }) {
  const links = props.c.links;
  return (
    <section aria-labelledby="g-case-links">
      <h2 id="g-case-links" className="h5">
        Registrazioni collegate
      </h2>
      {links.length === 0 ? (
        <p>Nessuna registrazione di protocollo collegata.</p>
      ) : (
        <table className="table table-sm">
          <caption className="visually-hidden">Registrazioni collegate alla pratica</caption>
          <TableHead columns={['Protocollo', 'Ruolo', 'Direzione', 'Collegata il']} />
          <tbody>
            {links.map((l) => (
              <tr key={`${l.entryId}-${l.role}`}>
                <td>
                  <a href={routeHref({ screen: 'dettaglio', id: l.entryId })}>{l.label}</a>
                </td>
                <td>{linkRoleLabels[l.role]}</td>
                <td>{l.direction ? directionLabels[l.direction] : '—'}</td>
                <td>{dateTimeLabel(l.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
