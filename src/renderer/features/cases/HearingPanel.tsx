import { useState } from 'react';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { useQueryClient } from '@tanstack/react-query';
import { dateTimeLabel, dayLabel } from '../../lib/format';
import { fieldErrorsOf } from '../../lib/field-errors';
import { routeHref } from '../../lib/route';
import type { CaseDto } from '../../../shared/contract';
import { hearingStageLabels, hearingStages, nextHearingStage } from '../../../shared/domain/cases/hearings';
import { isOpenState } from '../../../shared/domain/cases/states';
import { agendaViewState } from '../agenda/view-state';
import { useCaseAction } from './use-case-data';

const wallTime = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/** The hearing's time: Rome wall time as the agenda keeps it ("2026-07-01T09:30"); older rows hold an instant. */
function hearingTimeLabel(at: string): string {
  const m = wallTime.exec(at);
  return m ? `${dayLabel(m[1])} alle ${m[2]}` : dateTimeLabel(at);
}

/** The agenda opens on the hearing's day: its view state is kept for the session. */
function openAgendaOn(at: string | null): void {
  const day = at ? (wallTime.exec(at)?.[1] ?? null) : null;
  if (day) agendaViewState.date = day;
}

/**
 * Hearing requests: the stages in order (forward only), the date once scheduled, the outcome.
 * «Calendarizzata» puts the hearing on the Sindaco's agenda (the desk creates the engagement,
 * linked to the case): only who keeps the agenda may do it (`canSchedule`).
 */
export function HearingPanel(props: { c: CaseDto; canWork: boolean; canSchedule: boolean }) {
  const h = props.c.hearing;
  const stage = h?.stage ?? 'richiesta';
  const at = hearingStages.indexOf(stage);
  const next = nextHearingStage(stage);
  return (
    <section aria-labelledby="g-hearing" className="g-panel">
      <h2 id="g-hearing" className="h5">
        Udienza
      </h2>
      {h?.topic && <p>Argomento: {h.topic}</p>}
      <ol className="g-stages" aria-label="Fasi dell'udienza">
        {hearingStages.map((s, i) => (
          <li key={s} aria-current={s === stage ? 'step' : undefined} className={i < at ? 'g-stage-done' : ''}>
            {hearingStageLabels[s]}
            {i < at && <span className="visually-hidden"> (completata)</span>}
            {s === stage && <span className="visually-hidden"> (fase attuale)</span>}
          </li>
        ))}
      </ol>
      {h?.scheduledAt && <p data-testid="hearing-when">Fissata per il {hearingTimeLabel(h.scheduledAt)}</p>}
      {h?.agendaEventId && (
        <p>
          <a href={routeHref({ screen: 'agenda' })} onClick={() => openAgendaOn(h.scheduledAt)}>
            Vedi l&apos;udienza nell&apos;agenda del Sindaco
          </a>
        </p>
      )}
      {h?.outcome && <p>Esito: {h.outcome}</p>}
      {props.canWork && isOpenState(props.c.state) && next === 'calendarizzata' && !props.canSchedule && (
        <p className="g-muted">La data dell&apos;udienza la fissano la segreteria o il cerimoniale, che tengono l&apos;agenda del Sindaco.</p>
      )}
      {props.canWork && isOpenState(props.c.state) && next && (next !== 'calendarizzata' || props.canSchedule) && <AdvanceForm key={stage} caseId={props.c.id} to={next} />}
    </section>
  );
}

function AdvanceForm(props: { caseId: string; to: (typeof hearingStages)[number] }) {
  const [scheduledAt, setScheduledAt] = useState('');
  const [outcome, setOutcome] = useState('');
  const qc = useQueryClient();
  // Scheduling also writes the engagement: the agenda's queries refresh with the case's.
  const m = useCaseAction('cases.advanceHearing', () => void qc.invalidateQueries({ queryKey: ['agenda'] }));
  const fe = fieldErrorsOf(m.error);
  return (
    <form
      aria-label="Avanza l'udienza"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate({
          caseId: props.caseId,
          to: props.to,
          // The wall time as typed (Europe/Rome, like the agenda's); the desk makes the engagement of it.
          ...(props.to === 'calendarizzata' && scheduledAt ? { scheduledAt } : {}),
          ...(props.to === 'esito' ? { outcome: outcome.trim() || null } : {}),
        });
      }}
    >
      {props.to === 'calendarizzata' && (
        <Field label="Data e ora dell'udienza" error={fe.scheduledAt} hint="Va nell'agenda del Sindaco (mezz'ora, modificabile dall'agenda)">
          {(ids) => <input id={ids.id} type="datetime-local" className="form-control" aria-describedby={ids.describedBy} value={scheduledAt} onChange={(e) => setScheduledAt(e.target.value)} />}
        </Field>
      )}
      {props.to === 'esito' && (
        <Field label="Esito comunicato" error={fe.outcome}>
          {(ids) => <textarea id={ids.id} className="form-control" rows={2} maxLength={4000} aria-describedby={ids.describedBy} value={outcome} onChange={(e) => setOutcome(e.target.value)} />}
        </Field>
      )}
      <ErrorAlert error={m.error} />
      <button type="submit" className="btn btn-outline-primary btn-sm" disabled={m.isPending}>
        Passa a «{hearingStageLabels[props.to]}»
      </button>
    </form>
  );
}
