import { useState } from 'react';
import { AdminForm, EditFormActions, RowActions } from './admin-parts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { TableHead } from '../../components/TableHead';
import { fieldErrorsOf } from '../../lib/field-errors';
import { agendaRoles, type AgendaPersonDto, type AgendaRole } from '../../../shared/contract';

export const agendaRoleLabels: Record<AgendaRole, string> = {
  sindaco: 'Sindaco',
  vicesindaco: 'Vicesindaco',
  assessore: 'Assessore',
  consigliere_delegato: 'Consigliere delegato',
  staff: 'Staff',
};

const blank = { id: undefined as string | undefined, name: '', role: 'assessore' as AgendaRole, title: '', active: true };

/** Whose agendas the office keeps: the Sindaco, the Vicesindaco, the Assessori, the staff. */
export function AgendaPeopleAdmin() {
  const qc = useQueryClient();
  const people = useQuery({ queryKey: queryKeys.agendaPeople, queryFn: () => send('agenda.people', {}) });
  const [f, setF] = useState(blank);
  const done = () => void qc.invalidateQueries({ queryKey: ['agenda'] });
  const save = useMutation({
    mutationFn: () => send('agenda.upsertPerson', { ...(f.id ? { id: f.id } : {}), name: f.name, role: f.role, title: f.title, active: f.active }),
    onSuccess: () => {
      setF(blank);
      done();
    },
  });
  const toggle = useMutation({ mutationFn: (p: AgendaPersonDto) => send('agenda.upsertPerson', { id: p.id, name: p.name, role: p.role, title: p.title, active: !p.active }), onSuccess: done });
  const fe = fieldErrorsOf(save.error);
  const sorted = [...(people.data ?? [])].sort((a, b) => agendaRoles.indexOf(a.role) - agendaRoles.indexOf(b.role) || a.name.localeCompare(b.name, 'it'));
  return (
    <div>
      <ErrorAlert error={people.error ?? toggle.error} />
      <table className="table table-sm">
        <caption>Agende</caption>
        <TableHead columns={['Nome', 'Ruolo', 'Incarico', 'Stato']} actions />
        <tbody>
          {sorted.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{agendaRoleLabels[p.role]}</td>
              <td>{p.title || '—'}</td>
              <td>{p.active ? 'Attiva' : 'Disattivata'}</td>
              <RowActions
                name={p.name}
                active={p.active}
                onEdit={() => setF({ id: p.id, name: p.name, role: p.role, title: p.title, active: p.active })}
                onToggle={() => toggle.mutate(p)}
              />
            </tr>
          ))}
        </tbody>
      </table>
      <AdminForm label={f.id ? 'Modifica agenda' : 'Nuova agenda'} onSubmit={() => save.mutate()}>
        <div className="g-grid-3">
          <Field label="Nome e cognome" error={fe.name}>
            {(ids) => <input id={ids.id} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} />}
          </Field>
          <Field label="Ruolo" error={fe.role}>
            {(ids) => (
              <select id={ids.id} className="form-select" aria-describedby={ids.describedBy} value={f.role} onChange={(e) => setF({ ...f, role: e.target.value as AgendaRole })}>
                {agendaRoles.map((r) => (
                  <option key={r} value={r}>
                    {agendaRoleLabels[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Incarico" hint="Es. «Assessore alla Cultura e al Turismo»" error={fe.title}>
            {(ids) => <input id={ids.id} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} />}
          </Field>
        </div>
        <EditFormActions noun="agenda" editing={!!f.id} pending={save.isPending} error={save.error} onCancel={() => setF(blank)} />
      </AdminForm>
    </div>
  );
}
