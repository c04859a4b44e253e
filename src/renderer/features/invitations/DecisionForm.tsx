import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import { uuidv7 } from '../../../shared/domain/ids';
import type { AgendaPersonDto, InvitationDto } from '../../../shared/contract';
import { warningText } from '../agenda/EventDialog';

export type Decision = 'accetta' | 'declina' | 'delega';
export const decisionLabels: Record<Decision, string> = { accetta: 'Accetta', declina: 'Declina', delega: 'Delega' };

/**
 * Accept (the engagement goes into the Mayor's agenda), decline, or delegate to an Assessore (the
 * engagement goes into the delegate's agenda, "in rappresentanza del Sindaco").
 */
export function DecisionForm(props: { invitation: InvitationDto; decision: Decision; people: AgendaPersonDto[]; onDone: (message: string, inv: InvitationDto) => void; onCancel: () => void }) {
  const qc = useQueryClient();
  const [eventId] = useState(() => uuidv7());
  const [note, setNote] = useState('');
  const [to, setTo] = useState('');
  const m = useMutation({
    mutationFn: () =>
      send('invitations.decide', {
        id: props.invitation.id,
        decision: props.decision,
        delegateToPersonId: props.decision === 'delega' ? to || null : null,
        note: note.trim() || null,
        ...(props.decision === 'declina' ? {} : { eventId }),
      }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['agenda'] });
      const what = props.decision === 'accetta' ? 'Invito accettato: impegno in agenda.' : props.decision === 'delega' ? `Invito delegato a ${r.invitation.decision?.delegateToName ?? ''}: impegno nella sua agenda.` : 'Invito declinato.';
      props.onDone([what, warningText(r.warnings)].filter(Boolean).join(' '), r.invitation);
    },
  });
  const fe = fieldErrorsOf(m.error);
  const candidates = props.people.filter((p) => p.active && p.role !== 'sindaco' && p.role !== 'staff');
  return (
    <form
      noValidate
      aria-label={`${decisionLabels[props.decision]} l'invito`}
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate();
      }}
    >
      <p>
        «{props.invitation.title}», da {props.invitation.from.name}.
      </p>
      {props.decision === 'delega' && (
        <Field label="Delega a" error={fe.delegateToPersonId}>
          {(ids) => (
            <select id={ids.id} className="form-select" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="">Scegli…</option>
              {candidates.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.title ? ` — ${p.title}` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Nota" error={fe.note}>
        {(ids) => <textarea id={ids.id} rows={2} className="form-control" aria-describedby={ids.describedBy} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <ErrorAlert error={m.error} />
      <div className="g-actions">
        <button type="submit" className="btn btn-primary" disabled={m.isPending}>
          {decisionLabels[props.decision]}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={props.onCancel}>
          Annulla
        </button>
      </div>
    </form>
  );
}
