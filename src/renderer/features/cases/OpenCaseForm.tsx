import { useState } from 'react';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import type { CaseDto, InputOf } from '../../../shared/contract';
import { isCaseTypeCode, type CaseTypeCode } from '../../../shared/domain/cases/case-types';
import { uuidv7 } from '../../../shared/domain/ids';
import { useCaseAction, useCaseTypes, useToday } from './use-case-data';

/**
 * Opens a case. From a protocol entry it is one action — choose the type, confirm: title,
 * requester and receipt date come from the entry (the emergency date when registered in
 * emergency, art. 63). Standing alone, the clerk writes them.
 */
export function OpenCaseForm(props: { entry?: { id: string; oggetto: string } | undefined; onOpened: (c: CaseDto) => void }) {
  const types = useCaseTypes();
  const today = useToday();
  const [typeCode, setTypeCode] = useState<CaseTypeCode | ''>('');
  const [f, setF] = useState({ title: '', requester: '', receivedOn: today, priority: 'normale' as 'normale' | 'urgente', eventTitle: '', eventDate: '', place: '', hearingTopic: '' });
  // The id is generated once, so a retry after an error can never open the case twice.
  const [id] = useState(() => uuidv7());
  const open = useCaseAction('cases.open', props.onOpened);
  const fe = fieldErrorsOf(open.error);
  const set = (k: keyof typeof f, v: string) => setF((o) => ({ ...o, [k]: v }));

  const submit = () => {
    if (!typeCode) return;
    const input: InputOf<'cases.open'> = { id, typeCode, priority: f.priority };
    if (props.entry) input.entryId = props.entry.id;
    else {
      input.title = f.title;
      input.receivedOn = f.receivedOn;
      if (f.requester.trim()) input.requester = { name: f.requester.trim() };
    }
    if (typeCode === 'patrocinio' && (f.eventTitle || f.eventDate || f.place)) input.patronage = { eventTitle: f.eventTitle, eventDate: f.eventDate, place: f.place };
    if (typeCode === 'udienza' && f.hearingTopic.trim()) input.hearingTopic = f.hearingTopic.trim();
    open.mutate(input);
  };

  return (
    <form
      aria-label="Apri pratica"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {props.entry && (
        <p>
          Dalla registrazione: <strong>{props.entry.oggetto}</strong>
        </p>
      )}
      <Field label="Tipo di pratica" error={fe.typeCode}>
        {(ids) => (
          <select id={ids.id} className="form-select" required aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={typeCode} onChange={(e) => setTypeCode(isCaseTypeCode(e.target.value) ? e.target.value : '')}>
            <option value="">— scegli il tipo —</option>
            {(types.data ?? []).filter((t) => t.active).map((t) => (
              <option key={t.code} value={t.code}>
                {t.name} {t.termDays !== null ? `(${t.termDays} giorni)` : '(senza termine)'}
              </option>
            ))}
          </select>
        )}
      </Field>
      {!props.entry && (
        <div className="g-grid-2">
          <Field label="Oggetto della pratica" error={fe.title}>
            {(ids) => <input id={ids.id} className="form-control" maxLength={500} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.title} onChange={(e) => set('title', e.target.value)} />}
          </Field>
          <Field label="Richiedente" error={fe.requester}>
            {(ids) => <input id={ids.id} className="form-control" maxLength={300} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.requester} onChange={(e) => set('requester', e.target.value)} />}
          </Field>
          <Field label="Ricevuta il" error={fe.receivedOn}>
            {(ids) => <input id={ids.id} type="date" className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.receivedOn} onChange={(e) => set('receivedOn', e.target.value)} />}
          </Field>
        </div>
      )}
      <Field label="Priorità" error={fe.priority}>
        {(ids) => (
          <select id={ids.id} className="form-select" aria-describedby={ids.describedBy} value={f.priority} onChange={(e) => set('priority', e.target.value === 'urgente' ? 'urgente' : 'normale')}>
            <option value="normale">Normale</option>
            <option value="urgente">Urgente</option>
          </select>
        )}
      </Field>
      {typeCode === 'patrocinio' && (
        <fieldset className="g-grid-3">
          <legend className="g-label">Iniziativa per cui si chiede il patrocinio</legend>
          <Field label="Titolo dell'iniziativa" error={fe['patronage.eventTitle']}>
            {(ids) => <input id={ids.id} className="form-control" maxLength={300} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.eventTitle} onChange={(e) => set('eventTitle', e.target.value)} />}
          </Field>
          <Field label="Data dell'iniziativa" error={fe['patronage.eventDate']}>
            {(ids) => <input id={ids.id} type="date" className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.eventDate} onChange={(e) => set('eventDate', e.target.value)} />}
          </Field>
          <Field label="Luogo" error={fe['patronage.place']}>
            {(ids) => <input id={ids.id} className="form-control" maxLength={300} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.place} onChange={(e) => set('place', e.target.value)} />}
          </Field>
        </fieldset>
      )}
      {typeCode === 'udienza' && (
        <Field label="Argomento dell'udienza" error={fe.hearingTopic}>
          {(ids) => <input id={ids.id} className="form-control" maxLength={1000} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.hearingTopic} onChange={(e) => set('hearingTopic', e.target.value)} />}
        </Field>
      )}
      <ErrorAlert error={open.error} />
      <button type="submit" className="btn btn-primary" disabled={!typeCode || open.isPending}>
        {open.isPending ? 'Apertura in corso…' : 'Conferma apertura'}
      </button>
    </form>
  );
}
