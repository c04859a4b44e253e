import { useState } from 'react';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { dayLabel } from '../../lib/format';
import { fieldErrorsOf } from '../../lib/field-errors';
import { patronageDecisionBodies, type CaseDto, type CaseSettingsDto } from '../../../shared/contract';
import { patronageChecklist, patronageFullyInstructed, patronageLateness, patronageLatenessLabels, patronageMissingItems } from '../../../shared/domain/cases/patronage';
import { isOpenState } from '../../../shared/domain/cases/states';
import { useCaseAction, useToday } from './use-case-data';

const bodyLabels = { sindaco: 'Sindaco', giunta: 'Giunta' } as const;

/**
 * Patronage: the event, whether the request came within the regulation's window (a late
 * request is flagged "fuori termine" and can still be decided), the checklist, the staff
 * report and the decision of the Sindaco or the Giunta.
 */
export function PatronagePanel(props: { c: CaseDto; settings: CaseSettingsDto | undefined; canWork: boolean }) {
  const c = props.c;
  const p = c.patronage;
  const editable = props.canWork && isOpenState(c.state);
  const update = useCaseAction('cases.updatePatronage');
  return (
    <section aria-labelledby="g-patronage" className="g-panel">
      <h2 id="g-patronage" className="h5">
        Patrocinio
      </h2>
      {!p ? (
        editable ? <EventForm caseId={c.id} /> : <p>Dati dell&apos;iniziativa non ancora indicati.</p>
      ) : (
        <>
          <dl className="g-dl">
            <dt>Iniziativa</dt>
            <dd>{p.eventTitle}</dd>
            <dt>Data e luogo</dt>
            <dd>
              {dayLabel(p.eventDate)}, {p.place}
            </dd>
            {props.settings && (
              <>
                <dt>Tempestività della richiesta</dt>
                <dd data-testid="patronage-lateness">
                  <Lateness receivedOn={c.receivedOn} eventDate={p.eventDate} settings={props.settings} />
                </dd>
              </>
            )}
          </dl>
          <fieldset className="mt-2">
            <legend className="g-label">Istruttoria: elementi della domanda</legend>
            {patronageChecklist.map((item) => (
              <div className="form-check" key={item.key}>
                <input
                  id={`g-pat-${item.key}`}
                  type="checkbox"
                  className="form-check-input"
                  disabled={!editable}
                  checked={p.checklist[item.key] === true}
                  onChange={(e) => update.mutate({ caseId: c.id, checklist: { [item.key]: e.target.checked } })}
                />
                <label htmlFor={`g-pat-${item.key}`} className="form-check-label">
                  {item.label}
                </label>
              </div>
            ))}
          </fieldset>
          <p role="status" aria-live="polite">
            {patronageFullyInstructed(p.checklist) ? 'Istruttoria completa.' : `Mancano: ${patronageMissingItems(p.checklist).map((i) => i.label.toLowerCase()).join('; ')}.`}
          </p>
          <ErrorAlert error={update.error} />
          {/* Keyed by the saved text: ticking the checklist must not wipe a report being typed. */}
          <StaffReport key={p.staffReport ?? ''} caseId={c.id} value={p.staffReport} editable={editable} />
          {p.decision ? (
            <p data-testid="patronage-decision">
              <strong>
                {p.decision.outcome === 'concesso' ? 'Patrocinio concesso' : 'Patrocinio negato'} da {bodyLabels[p.decision.by]} il {dayLabel(p.decision.on)}
              </strong>
              {p.decision.act ? ` — ${p.decision.act}` : ''}
              {p.decision.note ? `. ${p.decision.note}` : ''}
            </p>
          ) : (
            editable && <DecisionForm caseId={c.id} />
          )}
        </>
      )}
    </section>
  );
}

function Lateness(props: { receivedOn: string; eventDate: string; settings: CaseSettingsDto }) {
  const l = patronageLateness(props.receivedOn, props.eventDate, props.settings);
  const window = `tra ${props.settings.patronageMaxDaysBefore} e ${props.settings.patronageMinDaysBefore} giorni prima dell'iniziativa`;
  if (l === 'in_termine') return <>{patronageLatenessLabels[l]} (richiesta pervenuta {window})</>;
  return (
    <>
      <span className="g-badge-late">{patronageLatenessLabels[l]}</span> La domanda doveva pervenire {window}; si può comunque decidere.
    </>
  );
}

function EventForm(props: { caseId: string }) {
  const [f, setF] = useState({ eventTitle: '', eventDate: '', place: '' });
  const m = useCaseAction('cases.updatePatronage');
  const fe = fieldErrorsOf(m.error);
  return (
    <form aria-label="Dati dell'iniziativa" noValidate onSubmit={(e) => { e.preventDefault(); m.mutate({ caseId: props.caseId, ...f }); }}>
      <div className="g-grid-3">
        <Field label="Titolo dell'iniziativa" error={fe.eventTitle}>
          {(ids) => <input id={ids.id} className="form-control" maxLength={300} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.eventTitle} onChange={(e) => setF({ ...f, eventTitle: e.target.value })} />}
        </Field>
        <Field label="Data dell'iniziativa" error={fe.eventDate}>
          {(ids) => <input id={ids.id} type="date" className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.eventDate} onChange={(e) => setF({ ...f, eventDate: e.target.value })} />}
        </Field>
        <Field label="Luogo" error={fe.place}>
          {(ids) => <input id={ids.id} className="form-control" maxLength={300} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.place} onChange={(e) => setF({ ...f, place: e.target.value })} />}
        </Field>
      </div>
      <ErrorAlert error={m.error} />
      <button type="submit" className="btn btn-outline-primary btn-sm" disabled={m.isPending}>
        Salva i dati dell&apos;iniziativa
      </button>
    </form>
  );
}

function StaffReport(props: { caseId: string; value: string | null; editable: boolean }) {
  const [text, setText] = useState(props.value ?? '');
  const m = useCaseAction('cases.updatePatronage');
  if (!props.editable) return props.value ? <p>Relazione istruttoria: {props.value}</p> : null;
  return (
    <form aria-label="Relazione istruttoria" noValidate onSubmit={(e) => { e.preventDefault(); m.mutate({ caseId: props.caseId, staffReport: text.trim() || null }); }}>
      <Field label="Relazione istruttoria" error={fieldErrorsOf(m.error).staffReport}>
        {(ids) => <textarea id={ids.id} className="form-control" rows={3} maxLength={8000} aria-describedby={ids.describedBy} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <ErrorAlert error={m.error} />
      <button type="submit" className="btn btn-outline-primary btn-sm" disabled={m.isPending}>
        Salva relazione
      </button>
    </form>
  );
}

function DecisionForm(props: { caseId: string }) {
  const today = useToday();
  const [f, setF] = useState({ by: 'sindaco' as (typeof patronageDecisionBodies)[number], outcome: 'concesso' as 'concesso' | 'negato', on: today, act: '', note: '' });
  const m = useCaseAction('cases.decidePatronage');
  const fe = fieldErrorsOf(m.error);
  return (
    <form
      aria-label="Decisione sul patrocinio"
      className="mt-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate({ caseId: props.caseId, by: f.by, outcome: f.outcome, on: f.on, act: f.act.trim() || null, note: f.note.trim() || null });
      }}
    >
      <h3 className="h6">Decisione</h3>
      <div className="g-grid-4">
        <Field label="Decide" error={fe.by}>
          {(ids) => (
            <select id={ids.id} className="form-select" value={f.by} onChange={(e) => setF({ ...f, by: e.target.value === 'giunta' ? 'giunta' : 'sindaco' })}>
              {patronageDecisionBodies.map((b) => (
                <option key={b} value={b}>
                  {bodyLabels[b]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Esito" error={fe.outcome}>
          {(ids) => (
            <select id={ids.id} className="form-select" value={f.outcome} onChange={(e) => setF({ ...f, outcome: e.target.value === 'negato' ? 'negato' : 'concesso' })}>
              <option value="concesso">Concesso</option>
              <option value="negato">Negato</option>
            </select>
          )}
        </Field>
        <Field label="Data della decisione" error={fe.on}>
          {(ids) => <input id={ids.id} type="date" className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.on} onChange={(e) => setF({ ...f, on: e.target.value })} />}
        </Field>
        <Field label="Atto (decreto o delibera)" error={fe.act}>
          {(ids) => <input id={ids.id} className="form-control" maxLength={200} aria-describedby={ids.describedBy} value={f.act} onChange={(e) => setF({ ...f, act: e.target.value })} />}
        </Field>
      </div>
      <Field label="Nota sulla decisione" error={fe.note}>
        {(ids) => <textarea id={ids.id} className="form-control" rows={2} maxLength={2000} aria-describedby={ids.describedBy} value={f.note} onChange={(e) => setF({ ...f, note: e.target.value })} />}
      </Field>
      <ErrorAlert error={m.error} />
      <button type="submit" className="btn btn-primary btn-sm" disabled={m.isPending}>
        Registra la decisione
      </button>
    </form>
  );
}
