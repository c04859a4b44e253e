import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import type { Office } from '../../../shared/contract';
import { TableHead } from '../../components/TableHead';

/** Offices (UOR) that receive assignments; deactivated, never deleted (entries keep them). */
export function OfficesAdmin() {
  const qc = useQueryClient();
  const offices = useQuery({ queryKey: queryKeys.offices, queryFn: () => send('offices.list', {}) });
  const [f, setF] = useState({ code: '', name: '' });
  const done = () => void qc.invalidateQueries({ queryKey: ['offices'] });
  const save = useMutation({
    mutationFn: () => send('offices.upsert', { code: f.code, name: f.name }),
    onSuccess: () => {
      setF({ code: '', name: '' });
      done();
    },
  });
  const toggle = useMutation({ mutationFn: (o: Office) => send('offices.upsert', { id: o.id, code: o.code, name: o.name, active: !o.active }), onSuccess: done });
  const fe = fieldErrorsOf(save.error);
  return (
    <div>
      <ErrorAlert error={offices.error ?? toggle.error} />
      <table className="table table-sm">
        <caption>Uffici</caption>
        <TableHead columns={['Codice', 'Denominazione', 'Stato']} actions />
        <tbody>
          {(offices.data ?? []).map((o) => (
            <tr key={o.id}>
              <td>{o.code}</td>
              <td>{o.name}</td>
              <td>{o.active ? 'Attivo' : 'Disattivato'}</td>
              <td>
                <button type="button" className="btn btn-link btn-sm" onClick={() => toggle.mutate(o)}>
                  {o.active ? `Disattiva ${o.code}` : `Riattiva ${o.code}`}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="g-panel g-row"
        aria-label="Nuovo ufficio"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label="Codice ufficio" error={fe.code}>
          {(ids) => <input id={ids.id} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.code} onChange={(e) => setF({ ...f, code: e.target.value.toUpperCase() })} />}
        </Field>
        <Field label="Denominazione ufficio" error={fe.name}>
          {(ids) => <input id={ids.id} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} />}
        </Field>
        <button type="submit" className="btn btn-primary align-self-end" disabled={save.isPending}>
          Aggiungi ufficio
        </button>
      </form>
      <ErrorAlert error={save.error} />
    </div>
  );
}
