import { useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../components/Alert';
import { dateTimeLabel, dayLabel, directionLabels, entryNumberLabel, fileSizeLabel, fingerprintLabel, historyValueLabel, meansLabels } from '../../lib/format';
import { routeHref } from '../../lib/route';
import type { SessionUser } from '../../../shared/contract';
import { LabelButton } from './LabelButton';
import { EntryEditPanel } from './EntryEditPanel';
import { EmergencyLinkInfo } from '../emergency/EmergencyLinkInfo';
import { AnnulmentPanel } from './AnnulmentPanel';
import { EntryCases } from '../cases/EntryCases';
import { isAllowed } from '../../../shared/domain/permissions';

const historyFieldLabels = { classificazione: 'Classificazione', assegnazione: 'Assegnazione', richiesta_annullamento: 'Richiesta di annullamento', annullamento: 'Annullamento' } as const;

/** All the fields of an entry, its documents with SHA-256, its history and the allowed actions. */
export function EntryDetailScreen(props: { id: string; user: SessionUser }) {
  const q = useQuery({ queryKey: queryKeys.protocolEntry(props.id), queryFn: () => send('protocol.get', { id: props.id }) });
  if (q.isPending) return <p role="status">Caricamento della registrazione…</p>;
  if (q.error) return <ErrorAlert error={q.error} />;
  const e = q.data;
  const annulled = e.status === 'annullato';
  const canLabel = props.user.roles.some((r) => r === 'responsabile' || r === 'protocollista' || r === 'segreteria');
  return (
    <article aria-labelledby="g-detail-title" className={annulled ? 'g-annulled-detail' : ''}>
      <p>
        <a href={routeHref({ screen: 'registro' })}>← Torna al registro</a>
      </p>
      <h1 id="g-detail-title" className="h3">
        Protocollo {entryNumberLabel(e)} {annulled && <strong className="g-badge-annulled">ANNULLATO</strong>}
      </h1>
      {annulled && e.annulment && (
        <div className="alert alert-danger" role="note">
          <strong>Registrazione ANNULLATA</strong> il {dateTimeLabel(e.annulment.annulledAt)} da {e.annulment.annulledByName ?? '—'}. Motivo: {e.annulment.reason ?? '—'}. Atto
          autorizzativo: {e.annulment.act ?? '—'}.
        </div>
      )}
      <dl className="g-dl">
        <dt>Data e ora di registrazione</dt>
        <dd>{dateTimeLabel(e.registeredAt)}</dd>
        <dt>Direzione</dt>
        <dd>{directionLabels[e.direction]}</dd>
        <dt>Oggetto</dt>
        <dd>{e.oggetto}</dd>
        <dt>{e.direction === 'entrata' ? 'Mittente' : 'Destinatari'}</dt>
        <dd>
          <ul className="list-unstyled mb-0">
            {e.correspondents.map((c, i) => (
              <li key={i}>
                {c.name} {c.pec && <small>PEC {c.pec}</small>} {c.email && <small>e-mail {c.email}</small>}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Mezzo di trasmissione</dt>
        <dd>{e.means ? meansLabels[e.means] : '—'}</dd>
        {e.direction === 'entrata' && (
          <>
            <dt>Documento ricevuto</dt>
            <dd>
              n. {e.receivedDocNumber ?? '—'} del {dayLabel(e.receivedDocDate)}
            </dd>
          </>
        )}
        <dt>Classificazione</dt>
        <dd>{e.classificationCode ?? '—'}</dd>
        <dt>Assegnazioni</dt>
        <dd>{e.assignments.length ? e.assignments.map((a) => `${a.assigneeName} (per ${a.kind}, ${a.state.replace('_', ' ')})`).join('; ') : '—'}</dd>
        <dt>Allegati cartacei</dt>
        <dd>
          {e.paperAttachments.count} {e.paperAttachments.description}
        </dd>
        <dt>Riservato</dt>
        <dd>{e.riservato ? 'Sì' : 'No'}</dd>
        <dt>Registrata da</dt>
        <dd>{e.registeredByName}</dd>
        {e.notes && (
          <>
            <dt>Note</dt>
            <dd>{e.notes}</dd>
          </>
        )}
      </dl>
      <h2 className="h5">Documenti</h2>
      {e.documents.length === 0 ? (
        <p>Nessun documento informatico.</p>
      ) : (
        <ul className="g-docs">
          {e.documents.map((d) => (
            <li key={d.sha256 + d.role}>
              <strong>{d.fileName}</strong> ({d.role}, {fileSizeLabel(d.size)})
              <div className="g-sha">
                SHA-256: <code>{fingerprintLabel(d.sha256)}</code>
              </div>
            </li>
          ))}
        </ul>
      )}
      <EmergencyLinkInfo entry={e} />
      {canLabel && (e.number !== null || e.emergency) && (
        <div className="g-actions">
          <LabelButton entryId={e.id} />
        </div>
      )}
      {!annulled && canLabel && <EntryEditPanel key={e.version} entry={e} />}
      {/* An emergency entry is annulled once it has its ordinary number (art. 54 acts on the register). */}
      {e.number !== null && <AnnulmentPanel key={`a${e.version}`} entry={e} user={props.user} />}
      {/* Issue 4: the cases that gather this entry; an annulled entry opens or joins no case. */}
      <EntryCases entry={e} canOpen={!annulled && isAllowed('cases.open', props.user.roles)} canLink={!annulled && isAllowed('cases.linkEntry', props.user.roles)} />
      <h2 className="h5">Storia</h2>
      {e.history.length === 0 ? (
        <p>Nessuna modifica dopo la registrazione.</p>
      ) : (
        <table className="table table-sm">
          <caption className="visually-hidden">Storia delle modifiche</caption>
          <thead>
            <tr>
              <th scope="col">Quando</th>
              <th scope="col">Chi</th>
              <th scope="col">Cosa</th>
              <th scope="col">Prima</th>
              <th scope="col">Dopo</th>
            </tr>
          </thead>
          <tbody>
            {e.history.map((h) => (
              <tr key={h.id}>
                <td>{dateTimeLabel(h.at)}</td>
                <td>{h.byName}</td>
                <td>{historyFieldLabels[h.field]}</td>
                <td>{historyValueLabel(h.oldValue)}</td>
                <td>{historyValueLabel(h.newValue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
