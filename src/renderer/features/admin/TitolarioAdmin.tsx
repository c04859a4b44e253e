import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import { TableHead } from '../../components/TableHead';

/**
 * Titolario per i Comuni: classes are added or renamed, never deleted, because registered
 * entries keep their code (the titolario is versioned; see DOMAIN.md).
 */
export function TitolarioAdmin() {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: queryKeys.titolario, queryFn: () => send('titolario.list', {}) });
  const [f, setF] = useState({ code: '', title: '' });
  const [filter, setFilter] = useState('');
  const save = useMutation({
    mutationFn: () => send('titolario.upsert', { code: f.code, title: f.title }),
    onSuccess: () => {
      setF({ code: '', title: '' });
      void qc.invalidateQueries({ queryKey: ['titolario'] });
    },
  });
  const fe = fieldErrorsOf(save.error);
  const rows = (list.data ?? []).filter((n) => !filter || `${n.code} ${n.title}`.toLowerCase().includes(filter.toLowerCase()));
  return (
    <div>
      <form
        className="g-panel g-row"
        aria-label="Aggiungi o rinomina classe"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label="Codice della classe" error={fe.code} hint="Es. I.13; un codice esistente viene rinominato">
          {(ids) => <input id={ids.id} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.code} onChange={(e) => setF({ ...f, code: e.target.value })} />}
        </Field>
        <Field label="Titolo della classe" error={fe.title}>
          {(ids) => <input id={ids.id} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} />}
        </Field>
        <button type="submit" className="btn btn-primary align-self-end" disabled={save.isPending}>
          Salva classe
        </button>
      </form>
      <ErrorAlert error={save.error ?? list.error} />
      <label htmlFor="g-tit-filter">Filtra il titolario</label>
      <input id="g-tit-filter" className="form-control mb-2" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <table className="table table-sm">
        <caption>Titolario</caption>
        <TableHead columns={['Codice', 'Titolo', 'Stato']} />
        <tbody>
          {rows.map((n) => (
            <tr key={n.code}>
              <td>
                <button type="button" className="btn btn-link btn-sm p-0" onClick={() => setF({ code: n.code, title: n.title })} aria-label={`Rinomina ${n.code}`}>
                  {n.code}
                </button>
              </td>
              <td>{n.title}</td>
              <td>{n.active ? 'Attiva' : 'Non attiva'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
