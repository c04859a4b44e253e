import { useState } from 'react';
import { TableHead } from '../../components/TableHead';
import { Dialog } from '../../components/Dialog';
import { dateTimeLabel, directionLabels } from '../../lib/format';
import { routeHref } from '../../lib/route';
import type { CaseDto } from '../../../shared/contract';
import { assignmentStateLabels, linkRoleLabels } from './case-format';
import { LinkEntryForm } from './LinkEntryForm';

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

/**
 * The protocol entries the case gathers, each a link to its detail; "Collega registrazione" adds
 * a reminder, an integration, the reply… found in the register.
 */
export function CaseLinks(props: { c: CaseDto; canLink: boolean }) {
  const links = props.c.links;
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
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
      {props.canLink && props.c.state !== 'archiviata' && (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setOpen(true)}>
          Collega registrazione
        </button>
      )}
      <p role="status" aria-live="polite" className="mb-0">
        {message}
      </p>
      <Dialog open={open} title="Collega una registrazione alla pratica" onClose={() => setOpen(false)}>
        <LinkEntryForm
          c={props.c}
          onDone={(c) => {
            setOpen(false);
            const last = c.links[c.links.length - 1];
            setMessage(last ? `Registrazione ${last.label} collegata come ${linkRoleLabels[last.role].toLowerCase()}.` : 'Registrazione collegata.');
          }}
        />
      </Dialog>
    </section>
  );
}
