import { useState, type ReactNode } from 'react';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import { suspensionReasons, type CaseDto, type CaseLink } from '../../../shared/contract';
import { suspensionReasonLabels } from '../../../shared/domain/cases/deadlines';
import { caseStateLabels, type CaseState } from '../../../shared/domain/cases/states';
import { useCaseAction, useToday } from './use-case-data';

/**
 * The small forms behind the case actions, each shown in the action dialog. They share one
 * shape: fields, the error of the call, one submit button; `onDone` gets the updated case.
 */
type Done = (c: CaseDto) => void;

function ActionForm(props: { label: string; submit: string; pending: boolean; error: unknown; onSubmit: () => void; children: ReactNode }) {
  return (
    <form
      aria-label={props.label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      {props.children}
      <ErrorAlert error={props.error} />
      <button type="submit" className="btn btn-primary" disabled={props.pending}>
        {props.submit}
      </button>
    </form>
  );
}

function TextArea(props: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined; max: number; hint?: string }) {
  return (
    <Field label={props.label} error={props.error} {...(props.hint ? { hint: props.hint } : {})}>
      {(ids) => (
        <textarea id={ids.id} className="form-control" rows={3} maxLength={props.max} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={props.value} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </Field>
  );
}

function DateInput(props: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined }) {
  return (
    <Field label={props.label} error={props.error}>
      {(ids) => <input id={ids.id} type="date" className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={props.value} onChange={(e) => props.onChange(e.target.value)} />}
    </Field>
  );
}

const orUndefined = (s: string) => (s.trim() ? s.trim() : undefined);

export function RefuseForm(props: { caseId: string; assignmentId: string; onDone: Done }) {
  const [reason, setReason] = useState('');
  const m = useCaseAction('cases.refuse', props.onDone);
  return (
    <ActionForm label="Rifiuta l'assegnazione" submit="Rifiuta" pending={m.isPending} error={m.error} onSubmit={() => m.mutate({ caseId: props.caseId, assignmentId: props.assignmentId, reason })}>
      <TextArea label="Motivo del rifiuto" value={reason} onChange={setReason} error={fieldErrorsOf(m.error).reason} max={1000} />
    </ActionForm>
  );
}

export function SuspendForm(props: { caseId: string; onDone: Done }) {
  const today = useToday();
  const [reason, setReason] = useState<(typeof suspensionReasons)[number]>('controinteressati');
  const [from, setFrom] = useState(today);
  const [note, setNote] = useState('');
  const m = useCaseAction('cases.suspend', props.onDone);
  const fe = fieldErrorsOf(m.error);
  return (
    <ActionForm label="Sospendi il termine" submit="Sospendi" pending={m.isPending} error={m.error} onSubmit={() => m.mutate({ caseId: props.caseId, reason, from, note: orUndefined(note) })}>
      <Field label="Motivo della sospensione" error={fe.reason}>
        {(ids) => (
          <select id={ids.id} className="form-select" aria-describedby={ids.describedBy} value={reason} onChange={(e) => setReason(suspensionReasons.find((r) => r === e.target.value) ?? 'altro')}>
            {suspensionReasons.map((r) => (
              <option key={r} value={r}>
                {suspensionReasonLabels[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <DateInput label="Sospesa dal" value={from} onChange={setFrom} error={fe.from} />
      <TextArea label="Nota" value={note} onChange={setNote} error={fe.note} max={1000} />
    </ActionForm>
  );
}

export function ResumeForm(props: { caseId: string; onDone: Done }) {
  const today = useToday();
  const [on, setOn] = useState(today);
  const [note, setNote] = useState('');
  const m = useCaseAction('cases.resume', props.onDone);
  const fe = fieldErrorsOf(m.error);
  return (
    <ActionForm label="Riprendi il termine" submit="Riprendi" pending={m.isPending} error={m.error} onSubmit={() => m.mutate({ caseId: props.caseId, on, note: orUndefined(note) })}>
      <DateInput label="Il termine riprende a decorrere dal" value={on} onChange={setOn} error={fe.on} />
      <TextArea label="Nota" value={note} onChange={setNote} error={fe.note} max={1000} />
    </ActionForm>
  );
}

export function TransitionForm(props: { caseId: string; targets: readonly CaseState[]; onDone: Done }) {
  const [to, setTo] = useState<CaseState | ''>(props.targets[0] ?? '');
  const [note, setNote] = useState('');
  const m = useCaseAction('cases.transition', props.onDone);
  const fe = fieldErrorsOf(m.error);
  return (
    <ActionForm label="Cambia stato" submit="Cambia stato" pending={m.isPending} error={m.error} onSubmit={() => to && m.mutate({ caseId: props.caseId, to, note: orUndefined(note) })}>
      <Field label="Nuovo stato" error={fe.to}>
        {(ids) => (
          <select id={ids.id} className="form-select" aria-describedby={ids.describedBy} value={to} onChange={(e) => setTo(props.targets.find((t) => t === e.target.value) ?? '')}>
            {props.targets.map((t) => (
              <option key={t} value={t}>
                {caseStateLabels[t]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextArea label="Nota" value={note} onChange={setNote} error={fe.note} max={2000} />
    </ActionForm>
  );
}

export function NoteForm(props: { caseId: string; onDone: Done }) {
  const [text, setText] = useState('');
  const m = useCaseAction('cases.addNote', props.onDone);
  return (
    <ActionForm label="Aggiungi nota" submit="Aggiungi nota" pending={m.isPending} error={m.error} onSubmit={() => m.mutate({ caseId: props.caseId, text })}>
      <TextArea label="Testo della nota" value={text} onChange={setText} error={fieldErrorsOf(m.error).text} max={4000} />
    </ActionForm>
  );
}

export function CloseForm(props: { caseId: string; onDone: Done }) {
  const [note, setNote] = useState('');
  const m = useCaseAction('cases.close', props.onDone);
  return (
    <ActionForm label="Chiudi la pratica" submit="Chiudi la pratica" pending={m.isPending} error={m.error} onSubmit={() => m.mutate({ caseId: props.caseId, note: orUndefined(note) })}>
      <TextArea label="Nota di chiusura" value={note} onChange={setNote} error={fieldErrorsOf(m.error).note} max={2000} hint="Facoltativa: ad esempio perché si chiude senza risposta." />
    </ActionForm>
  );
}

/** The reply went out: which registered reply, when, and whether the case closes with it. */
export function ReplySentForm(props: { caseId: string; replies: CaseLink[]; onDone: Done }) {
  const today = useToday();
  const [entryId, setEntryId] = useState(props.replies[props.replies.length - 1]?.entryId ?? '');
  const [sentOn, setSentOn] = useState(today);
  const [close, setClose] = useState(true);
  const m = useCaseAction('cases.replySent', props.onDone);
  const fe = fieldErrorsOf(m.error);
  return (
    <ActionForm label="Risposta inviata" submit="Segna come inviata" pending={m.isPending} error={m.error} onSubmit={() => entryId && m.mutate({ caseId: props.caseId, entryId, sentOn, close })}>
      <Field label="Registrazione della risposta" error={fe.entryId}>
        {(ids) => (
          <select id={ids.id} className="form-select" aria-describedby={ids.describedBy} value={entryId} onChange={(e) => setEntryId(e.target.value)}>
            {props.replies.map((l) => (
              <option key={l.entryId} value={l.entryId}>
                Protocollo {l.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <DateInput label="Inviata il" value={sentOn} onChange={setSentOn} error={fe.sentOn} />
      <div className="form-check g-field">
        <input id="g-reply-close" type="checkbox" className="form-check-input" checked={close} onChange={(e) => setClose(e.target.checked)} />
        <label htmlFor="g-reply-close" className="form-check-label">
          Chiudi la pratica con l&apos;invio della risposta
        </label>
      </div>
    </ActionForm>
  );
}
