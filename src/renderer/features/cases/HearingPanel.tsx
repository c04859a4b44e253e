import { useState } from 'react';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { dateTimeLabel } from '../../lib/format';
import { fieldErrorsOf } from '../../lib/field-errors';
import type { CaseDto } from '../../../shared/contract';
import { hearingStageLabels, hearingStages, nextHearingStage } from '../../../shared/domain/cases/hearings';
import { isOpenState } from '../../../shared/domain/cases/states';
import { useCaseAction } from './use-case-data';

/** Hearing requests: the stages in order (forward only), the date once scheduled, the outcome. */
export function HearingPanel(props: { c: CaseDto; canWork: boolean }) {
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
      {h?.scheduledAt && <p>Fissata per il {dateTimeLabel(h.scheduledAt)}</p>}
      {h?.outcome && <p>Esito: {h.outcome}</p>}
      {props.canWork && isOpenState(props.c.state) && next && <AdvanceForm key={stage} caseId={props.c.id} to={next} />}
    </section>
  );
}

function AdvanceForm(props: { caseId: string; to: (typeof hearingStages)[number] }) {
  const [scheduledAt, setScheduledAt] = useState('');
  const [outcome, setOutcome] = useState('');
  const m = useCaseAction('cases.advanceHearing');
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
          ...(props.to === 'calendarizzata' && scheduledAt ? { scheduledAt: new Date(scheduledAt).toISOString() } : {}),
          ...(props.to === 'esito' ? { outcome: outcome.trim() || null } : {}),
        });
      }}
    >
      {props.to === 'calendarizzata' && (
        <Field label="Data e ora dell'udienza" error={fe.scheduledAt}>
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
