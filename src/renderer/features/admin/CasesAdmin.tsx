import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { TableHead } from '../../components/TableHead';
import { dateTimeLabel, historyValueLabel } from '../../lib/format';
import type { CaseTypeDto } from '../../../shared/contract';
import { silenceLabels } from '../../../shared/domain/cases/case-types';
import { useCaseTypes } from '../cases/use-case-data';
import { CaseTypeForm } from './CaseTypeForm';
import { CaseSettingsForm } from './CaseSettingsForm';

/**
 * Amministrazione → Pratiche: the term rule of each case type, the settings of the term count,
 * and the audit of every change (with how many open cases were recomputed).
 */
export function CasesAdmin() {
  const types = useCaseTypes();
  const [editing, setEditing] = useState<CaseTypeDto | null>(null);
  const [message, setMessage] = useState('');
  return (
    <div>
      <p role="status" aria-live="polite">
        {message}
      </p>
      <ErrorAlert error={types.error} />
      <table className="table table-sm">
        <caption>Tipi di pratica</caption>
        <TableHead columns={['Tipo', 'Termine', 'Effetto del silenzio', 'Sospensione massima', 'Riferimento normativo', 'Stato']} actions />
        <tbody>
          {(types.data ?? []).map((t) => (
            <tr key={t.code}>
              <td>{t.name}</td>
              <td>{t.termDays === null ? 'Senza termine' : `${t.termDays} giorni`}</td>
              <td>{silenceLabels[t.silence]}</td>
              <td>{t.maxSuspensionDays === null ? 'Nessun limite' : `${t.maxSuspensionDays} giorni`}</td>
              <td>{t.legalBasis}</td>
              <td>{t.active ? 'Attivo' : 'Disattivato'}</td>
              <td>
                <button type="button" className="btn btn-link btn-sm" onClick={() => setEditing(t)}>
                  Modifica<span className="visually-hidden"> {t.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Dialog open={editing !== null} title={`Tipo di pratica: ${editing?.name ?? ''}`} onClose={() => setEditing(null)}>
        {editing && (
          <CaseTypeForm
            type={editing}
            onDone={(t) => {
              setEditing(null);
              setMessage(`Tipo «${t.name}» aggiornato: le pratiche aperte sono state ricalcolate.`);
            }}
          />
        )}
      </Dialog>
      <CaseSettingsForm onDone={() => setMessage('Impostazioni dei termini salvate.')} />
      <CaseAudit />
    </div>
  );
}

const entityLabels = { case_type: 'Tipo di pratica', case_settings: 'Impostazioni' } as const;

function CaseAudit() {
  const audit = useQuery({ queryKey: queryKeys.caseAudit, queryFn: () => send('cases.audit', {}) });
  const rows = audit.data ?? [];
  return (
    <section aria-labelledby="g-case-audit" className="mt-4">
      <h2 id="g-case-audit" className="h5">
        Registro delle modifiche
      </h2>
      <ErrorAlert error={audit.error} />
      {audit.data && rows.length === 0 && <p>Nessuna modifica alla configurazione.</p>}
      {rows.length > 0 && (
        <table className="table table-sm">
          <caption className="visually-hidden">Modifiche alla configurazione delle pratiche</caption>
          <TableHead columns={['Quando', 'Chi', 'Cosa', 'Prima', 'Dopo', 'Pratiche ricalcolate']} />
          <tbody>
            {rows.map((a) => (
              <tr key={a.id}>
                <td>{dateTimeLabel(a.at)}</td>
                <td>{a.byName}</td>
                <td>
                  {entityLabels[a.entity]} {a.entity === 'case_type' ? a.key : ''}
                </td>
                <td>{historyValueLabel(a.before)}</td>
                <td>{historyValueLabel(a.after)}</td>
                <td>{a.recomputed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
