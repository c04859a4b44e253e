import { useState } from 'react';
import { AdminForm, EditFormActions, RowActions } from './admin-parts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { TableHead } from '../../components/TableHead';
import { fieldErrorsOf } from '../../lib/field-errors';
import type { CeremonyTemplateDto, InputOf } from '../../../shared/contract';
import { eventKindLabels, eventKinds, visibilities, visibilityLabels, type EventKind, type Visibility } from '../../../shared/domain/agenda/kinds';

type Form = Omit<InputOf<'agenda.upsertTemplate'>, 'month' | 'day' | 'durationMinutes'> & { month: string; day: string; durationMinutes: string };
const blank: Form = { key: '', title: '', month: '4', day: '25', time: '10:00', durationMinutes: '120', kind: 'cerimonia', visibility: 'pubblico', notes: '', active: true };
const two = (n: number) => String(n).padStart(2, '0');

/** The annual ceremonies (25 aprile, 2 giugno, 4 novembre…) that «Cerimonie dell'anno» creates. */
export function TemplatesAdmin() {
  const qc = useQueryClient();
  const templates = useQuery({ queryKey: queryKeys.agendaTemplates, queryFn: () => send('agenda.templates', {}) });
  const [f, setF] = useState<Form>(blank);
  const done = () => void qc.invalidateQueries({ queryKey: ['agenda'] });
  const inputOf = (t: Form): InputOf<'agenda.upsertTemplate'> => ({ ...t, month: Number(t.month), day: Number(t.day), durationMinutes: Number(t.durationMinutes) });
  const save = useMutation({
    mutationFn: () => send('agenda.upsertTemplate', inputOf(f)),
    onSuccess: () => {
      setF(blank);
      done();
    },
  });
  const formOf = (t: CeremonyTemplateDto): Form => ({ id: t.id, key: t.key, title: t.title, month: String(t.month), day: String(t.day), time: t.time, durationMinutes: String(t.durationMinutes), kind: t.kind, visibility: t.visibility, notes: t.notes, active: t.active });
  const toggle = useMutation({ mutationFn: (t: CeremonyTemplateDto) => send('agenda.upsertTemplate', inputOf({ ...formOf(t), active: !t.active })), onSuccess: done });
  const fe = fieldErrorsOf(save.error);
  const sorted = [...(templates.data ?? [])].sort((a, b) => a.month - b.month || a.day - b.day);
  const text = (key: 'key' | 'title' | 'month' | 'day' | 'time' | 'durationMinutes', label: string, type = 'text', hint?: string) => (
    <Field label={label} error={fe[key]} {...(hint ? { hint } : {})}>
      {(ids) => <input id={ids.id} type={type} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f[key]} onChange={(e) => setF({ ...f, [key]: e.target.value })} />}
    </Field>
  );
  return (
    <div>
      <ErrorAlert error={templates.error ?? toggle.error} />
      <table className="table table-sm">
        <caption>Cerimonie ricorrenti</caption>
        <TableHead columns={['Data', 'Ora', 'Cerimonia', 'Tipo', 'Visibilità', 'Stato']} actions />
        <tbody>
          {sorted.map((t) => (
            <tr key={t.id}>
              <td>
                {two(t.day)}/{two(t.month)}
              </td>
              <td>{t.time}</td>
              <td>{t.title}</td>
              <td>{eventKindLabels[t.kind]}</td>
              <td>{visibilityLabels[t.visibility]}</td>
              <td>{t.active ? 'Attiva' : 'Disattivata'}</td>
              <RowActions name={t.title} active={t.active} onEdit={() => setF(formOf(t))} onToggle={() => toggle.mutate(t)} />
            </tr>
          ))}
        </tbody>
      </table>
      <AdminForm label={f.id ? 'Modifica cerimonia' : 'Nuova cerimonia'} onSubmit={() => save.mutate()}>
        <div className="g-grid-4">
          {text('title', 'Cerimonia')}
          {text('key', 'Codice', 'text', 'Es. «liberazione»: una sola cerimonia per codice e anno')}
          {text('day', 'Giorno', 'number')}
          {text('month', 'Mese', 'number')}
          {text('time', 'Ora', 'time')}
          {text('durationMinutes', 'Durata (minuti)', 'number')}
          <Field label="Tipo" error={fe.kind}>
            {(ids) => (
              <select id={ids.id} className="form-select" value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value as EventKind })}>
                {eventKinds.filter((k) => k !== 'prenotazione_sala').map((k) => (
                  <option key={k} value={k}>
                    {eventKindLabels[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Visibilità" error={fe.visibility}>
            {(ids) => (
              <select id={ids.id} className="form-select" value={f.visibility} onChange={(e) => setF({ ...f, visibility: e.target.value as Visibility })}>
                {visibilities.map((v) => (
                  <option key={v} value={v}>
                    {visibilityLabels[v]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label="Note per il cerimoniale" error={fe.notes}>
          {(ids) => <textarea id={ids.id} rows={2} className="form-control" aria-describedby={ids.describedBy} value={f.notes} onChange={(e) => setF({ ...f, notes: e.target.value })} />}
        </Field>
        <EditFormActions noun="cerimonia" editing={!!f.id} pending={save.isPending} error={save.error} onCancel={() => setF(blank)} />
      </AdminForm>
    </div>
  );
}
