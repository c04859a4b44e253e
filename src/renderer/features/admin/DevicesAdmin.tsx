import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { Field } from '../../components/Field';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { fieldErrorsOf } from '../../lib/field-errors';
import type { DeviceSummary, EnrollmentCreated } from '../../../shared/contract';
import { DevicesReview } from './DevicesReview';
import { TableHead } from '../../components/TableHead';

const keys = { devices: ['devices', 'list'] as const };
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('it-IT', { timeZone: 'Europe/Rome' }) : '—');

/** Amministrazione → Postazioni: enrolled desks, one-time codes, revocation, review list. */
export function DevicesAdmin() {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: keys.devices, queryFn: () => send('devices.list', {}) });
  const [f, setF] = useState({ code: '', name: '' });
  const [created, setCreated] = useState<EnrollmentCreated | null>(null);
  const [toRevoke, setToRevoke] = useState<DeviceSummary | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['devices'] });
  const create = useMutation({
    mutationFn: () => send('devices.createEnrollment', { code: f.code, name: f.name }),
    onSuccess: (r) => {
      setCreated(r);
      setF({ code: '', name: '' });
      refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => send('devices.revoke', { id }),
    onSuccess: () => {
      setToRevoke(null);
      refresh();
    },
  });
  const fe = fieldErrorsOf(create.error);
  return (
    <div>
      <ErrorAlert error={list.error ?? revoke.error} />
      <table className="table table-sm">
        <caption>Postazioni abilitate</caption>
        <TableHead columns={['Codice', 'Nome', 'Abilitata il', 'Ultimo accesso', 'Stato']} actions />
        <tbody>
          {(list.data?.devices ?? []).map((d) => (
            <tr key={d.id}>
              <td>{d.code}</td>
              <td>{d.name}</td>
              <td>{when(d.enrolledAt)}</td>
              <td>{when(d.lastSeenAt)}</td>
              <td>{d.revokedAt ? `Revocata il ${when(d.revokedAt)}${d.pendingReview ? ` (${d.pendingReview} da verificare)` : ''}` : 'Attiva'}</td>
              <td>
                {!d.revokedAt && (
                  <button type="button" className="btn btn-link btn-sm text-danger" onClick={() => setToRevoke(d)}>
                    Revoca {d.code}
                  </button>
                )}
              </td>
            </tr>
          ))}
          {(list.data?.pending ?? []).map((p) => (
            <tr key={`pending-${p.deviceCode}`}>
              <td>{p.deviceCode}</td>
              <td>{p.name}</td>
              <td colSpan={3}>In attesa di abilitazione, codice valido fino al {when(p.expiresAt)}</td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>

      <form
        className="g-panel g-row"
        aria-label="Nuova postazione"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Field label="Codice postazione (es. SEGR01)" error={fe.code}>
          {(ids) => <input id={ids.id} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.code} onChange={(e) => setF({ ...f, code: e.target.value.toUpperCase() })} />}
        </Field>
        <Field label="Nome della postazione" error={fe.name}>
          {(ids) => <input id={ids.id} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} />}
        </Field>
        <button type="submit" className="btn btn-primary align-self-end" disabled={create.isPending}>
          Crea codice di abilitazione
        </button>
      </form>
      <ErrorAlert error={create.error} />
      {created && <EnrollmentCodeNotice created={created} onDone={() => setCreated(null)} />}

      <Dialog open={toRevoke !== null} title={`Revocare la postazione ${toRevoke?.code ?? ''}?`} onClose={() => setToRevoke(null)}>
        <p>
          Da questo momento le modifiche inviate da <strong>{toRevoke?.name}</strong> non saranno applicate: resteranno nell&apos;elenco da verificare qui
          sotto. La revoca non si può annullare; per riabilitare la postazione serve un nuovo codice, con un altro codice postazione.
        </p>
        <button type="button" className="btn btn-danger" disabled={revoke.isPending} onClick={() => toRevoke && revoke.mutate(toRevoke.id)}>
          Revoca definitivamente
        </button>
      </Dialog>

      <DevicesReview />
    </div>
  );
}

/** The code is shown once: the server keeps only its hash. */
function EnrollmentCodeNotice(props: { created: EnrollmentCreated; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const code = props.created.enrollmentCode.replace(/(.{5})(.{5})/, '$1-$2');
  return (
    <Alert kind="success" title={`Codice di abilitazione per ${props.created.deviceCode}`}>
      <p>
        Digita questo codice sulla nuova postazione entro il {when(props.created.expiresAt)}. Vale una sola volta e non sarà più mostrato.
      </p>
      <p className="h3" aria-live="polite">
        <code>{code}</code>
      </p>
      <button
        type="button"
        className="btn btn-outline-primary btn-sm me-2"
        onClick={() => void navigator.clipboard?.writeText(props.created.enrollmentCode).then(() => setCopied(true), () => setCopied(false))}
      >
        {copied ? 'Copiato' : 'Copia il codice'}
      </button>
      <button type="button" className="btn btn-link btn-sm" onClick={props.onDone}>
        Fatto
      </button>
    </Alert>
  );
}
