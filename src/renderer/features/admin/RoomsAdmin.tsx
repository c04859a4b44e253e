import { useState } from 'react';
import { AdminForm, EditFormActions, RowActions } from './admin-parts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { TableHead } from '../../components/TableHead';
import { fieldErrorsOf } from '../../lib/field-errors';
import type { RoomDto } from '../../../shared/contract';

const blank = { id: undefined as string | undefined, name: '', location: '', capacity: '', services: '', active: true };

/** Representation rooms (Sala del Consiglio, Sala Giunta…) and the services they offer; deactivated, never deleted. */
export function RoomsAdmin() {
  const qc = useQueryClient();
  const rooms = useQuery({ queryKey: queryKeys.agendaRooms, queryFn: () => send('agenda.rooms', {}) });
  const [f, setF] = useState(blank);
  const done = () => void qc.invalidateQueries({ queryKey: ['agenda'] });
  const save = useMutation({
    mutationFn: () =>
      send('agenda.upsertRoom', {
        ...(f.id ? { id: f.id } : {}),
        name: f.name,
        location: f.location.trim() || null,
        capacity: f.capacity.trim() === '' ? null : Number(f.capacity),
        services: f.services.split(',').map((s) => s.trim()).filter(Boolean),
        active: f.active,
      }),
    onSuccess: () => {
      setF(blank);
      done();
    },
  });
  const toggle = useMutation({
    mutationFn: (r: RoomDto) => send('agenda.upsertRoom', { id: r.id, name: r.name, location: r.location, capacity: r.capacity, services: r.services, active: !r.active }),
    onSuccess: done,
  });
  const fe = fieldErrorsOf(save.error);
  const edit = (r: RoomDto) => setF({ id: r.id, name: r.name, location: r.location ?? '', capacity: r.capacity === null ? '' : String(r.capacity), services: r.services.join(', '), active: r.active });
  return (
    <div>
      <ErrorAlert error={rooms.error ?? toggle.error} />
      <table className="table table-sm">
        <caption>Sale</caption>
        <TableHead columns={['Sala', 'Luogo', 'Posti', 'Servizi', 'Stato']} actions />
        <tbody>
          {(rooms.data ?? []).map((r) => (
            <tr key={r.id}>
              <td>{r.name}</td>
              <td>{r.location ?? '—'}</td>
              <td>{r.capacity ?? '—'}</td>
              <td>{r.services.join(', ') || '—'}</td>
              <td>{r.active ? 'Attiva' : 'Disattivata'}</td>
              <RowActions name={r.name} active={r.active} onEdit={() => edit(r)} onToggle={() => toggle.mutate(r)} />
            </tr>
          ))}
        </tbody>
      </table>
      <AdminForm label={f.id ? 'Modifica sala' : 'Nuova sala'} onSubmit={() => save.mutate()}>
        <div className="g-grid-4">
          <Field label="Nome della sala" error={fe.name}>
            {(ids) => <input id={ids.id} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} />}
          </Field>
          <Field label="Luogo" error={fe.location}>
            {(ids) => <input id={ids.id} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.location} onChange={(e) => setF({ ...f, location: e.target.value })} />}
          </Field>
          <Field label="Posti" error={fe.capacity}>
            {(ids) => <input id={ids.id} type="number" min={1} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.capacity} onChange={(e) => setF({ ...f, capacity: e.target.value })} />}
          </Field>
          <Field label="Servizi" hint="Separati da virgola: audio, proiettore, interpretariato" error={fe.services}>
            {(ids) => <input id={ids.id} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.services} onChange={(e) => setF({ ...f, services: e.target.value })} />}
          </Field>
        </div>
        <EditFormActions noun="sala" editing={!!f.id} pending={save.isPending} error={save.error} onCancel={() => setF(blank)} />
      </AdminForm>
    </div>
  );
}
