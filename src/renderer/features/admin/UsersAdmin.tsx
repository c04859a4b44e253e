import { useState } from 'react';
import { AdminForm, RowActions } from './admin-parts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import { roleLabels, roles, type Role } from '../../../shared/domain/roles';
import { TableHead } from '../../components/TableHead';

/** Users of the AOO: list, create with profiles and office, deactivate (never delete). */
export function UsersAdmin() {
  const qc = useQueryClient();
  const users = useQuery({ queryKey: queryKeys.users, queryFn: () => send('users.list', {}) });
  const offices = useQuery({ queryKey: queryKeys.offices, queryFn: () => send('offices.list', {}) });
  const [f, setF] = useState({ username: '', fullName: '', password: '', officeId: '' });
  const [picked, setPicked] = useState<Role[]>(['protocollista']);
  const done = () => void qc.invalidateQueries({ queryKey: ['users'] });
  const create = useMutation({
    mutationFn: () => send('users.create', { username: f.username, fullName: f.fullName, password: f.password, roles: picked, officeId: f.officeId || null }),
    onSuccess: () => {
      setF({ username: '', fullName: '', password: '', officeId: '' });
      done();
    },
  });
  const toggle = useMutation({ mutationFn: (u: { id: string; active: boolean }) => send('users.update', { id: u.id, active: u.active }), onSuccess: done });
  const fe = fieldErrorsOf(create.error);
  const input = (k: 'username' | 'fullName' | 'password', label: string, type = 'text') => (
    <Field label={label} error={fe[k]}>
      {(ids) => <input id={ids.id} type={type} autoComplete="off" className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f[k]} onChange={(e) => setF({ ...f, [k]: e.target.value })} />}
    </Field>
  );
  return (
    <div>
      <ErrorAlert error={users.error ?? toggle.error} />
      <table className="table table-sm">
        <caption>Utenti</caption>
        <TableHead columns={['Nome utente', 'Nome', 'Profili', 'Stato']} actions />
        <tbody>
          {(users.data ?? []).map((u) => (
            <tr key={u.id}>
              <td>{u.username}</td>
              <td>{u.fullName}</td>
              <td>{u.roles.map((r) => roleLabels[r]).join(', ')}</td>
              <td>{u.active ? 'Attivo' : 'Disattivato'}</td>
              <RowActions name={u.username} active={u.active} onToggle={() => toggle.mutate({ id: u.id, active: !u.active })} />
            </tr>
          ))}
        </tbody>
      </table>
      <AdminForm label="Nuovo utente" onSubmit={() => create.mutate()}>
        <h2 className="h5">Nuovo utente</h2>
        <div className="g-grid-3">
          {input('username', 'Nome utente')}
          {input('fullName', 'Nome e cognome')}
          {input('password', 'Password iniziale', 'password')}
        </div>
        <fieldset className="g-field">
          <legend className="g-label">Profili</legend>
          {roles.map((r) => (
            <label key={r} className="me-3">
              <input type="checkbox" checked={picked.includes(r)} onChange={(e) => setPicked(e.target.checked ? [...picked, r] : picked.filter((x) => x !== r))} /> {roleLabels[r]}
            </label>
          ))}
          {fe.roles && <div className="g-field-error" role="alert">{fe.roles}</div>}
        </fieldset>
        <Field label="Ufficio" error={fe.officeId}>
          {(ids) => (
            <select id={ids.id} className="form-select" value={f.officeId} onChange={(e) => setF({ ...f, officeId: e.target.value })}>
              <option value="">— nessuno —</option>
              {(offices.data ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ErrorAlert error={create.error} />
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          Crea utente
        </button>
      </AdminForm>
    </div>
  );
}
