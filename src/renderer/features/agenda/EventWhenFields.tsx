import { Field } from '../../components/Field';
import { describeRrule } from '../../../shared/domain/agenda/rrule-describe';
import type { FieldErrors } from '../../lib/field-errors';
import { dstNoteOf, type DstNote } from './agenda-time';
import { repeatLabels, rruleOf, simpleRepeats, timesOf, type EventDraft, type Repeat } from './event-draft';

type When = Pick<EventDraft, 'start' | 'end' | 'allDay' | 'repeat' | 'until' | 'customRule' | 'ambiguous'>;

function describe(d: When): string | null {
  const rule = rruleOf(d);
  if (!rule) return null;
  try {
    return describeRrule(rule, timesOf(d).start);
  } catch (err) {
    return err instanceof Error ? err.message : null;
  }
}

function DstWarning(props: { note: DstNote; what: string }) {
  if (props.note.kind !== 'nonexistent') return null;
  return (
    <div className="alert alert-warning py-1 px-2 mt-1 mb-0" role="status">
      L'ora {props.what} non esiste: quella notte gli orologi passano dalle 02:00 alle 03:00 (ora legale). Sarà registrata alle{' '}
      {props.note.shifted.slice(11, 16)}.
    </div>
  );
}

/** Start, end, all day, recurrence; with the DST notes for the last Sundays of March and October. */
export function EventWhenFields(props: { value: When; onChange: (v: Partial<When>) => void; errors: FieldErrors; recurrenceEditable: boolean }) {
  const d = props.value;
  const startNote = d.allDay ? ({ kind: 'ok' } as const) : dstNoteOf(d.start);
  const endNote = d.allDay ? ({ kind: 'ok' } as const) : dstNoteOf(d.end);
  const ambiguous = startNote.kind === 'ambiguous' || endNote.kind === 'ambiguous';
  const description = describe(d);
  const inputType = d.allDay ? 'date' : 'datetime-local';
  const shown = (local: string) => (d.allDay ? local.slice(0, 10) : local);
  const read = (v: string, old: string) => (d.allDay ? `${v}T${old.slice(11, 16) || '00:00'}` : v);

  return (
    <fieldset className="g-panel">
      <legend className="h6">Quando</legend>
      <div className="form-check mb-2">
        <input id="g-ev-allday" type="checkbox" className="form-check-input" checked={d.allDay} onChange={(e) => props.onChange({ allDay: e.target.checked })} />
        <label htmlFor="g-ev-allday" className="form-check-label">
          Tutto il giorno
        </label>
      </div>
      <div className="g-grid-2">
        <Field label={d.allDay ? 'Dal giorno' : 'Inizio'} error={props.errors.start}>
          {(ids) => (
            <>
              <input id={ids.id} type={inputType} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={shown(d.start)} onChange={(e) => props.onChange({ start: read(e.target.value, d.start) })} />
              <DstWarning note={startNote} what={`di inizio ${d.start.slice(11, 16)}`} />
            </>
          )}
        </Field>
        <Field label={d.allDay ? 'Al giorno (compreso)' : 'Fine'} error={props.errors.end}>
          {(ids) => (
            <>
              <input id={ids.id} type={inputType} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={shown(d.end)} onChange={(e) => props.onChange({ end: read(e.target.value, d.end) })} />
              <DstWarning note={endNote} what={`di fine ${d.end.slice(11, 16)}`} />
            </>
          )}
        </Field>
      </div>
      {ambiguous && (
        <fieldset className="alert alert-info py-2">
          <legend className="fs-6 fw-semibold">Quell'ora si ripete: gli orologi tornano dalle 03:00 alle 02:00 (ora solare). Quale intendi?</legend>
          <div className="g-radios">
            <label className="g-radio">
              <input type="radio" name="g-ev-ambiguous" checked={d.ambiguous === 'earlier'} onChange={() => props.onChange({ ambiguous: 'earlier' })} />
              La prima (ancora ora legale)
            </label>
            <label className="g-radio">
              <input type="radio" name="g-ev-ambiguous" checked={d.ambiguous === 'later'} onChange={() => props.onChange({ ambiguous: 'later' })} />
              La seconda (già ora solare)
            </label>
          </div>
        </fieldset>
      )}
      {props.recurrenceEditable && (
        <div className="g-grid-2">
          <Field label="Ripetizione" error={props.errors.rrule}>
            {(ids) => (
              <select id={ids.id} className="form-select" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={d.repeat} onChange={(e) => props.onChange({ repeat: e.target.value as Repeat })}>
                {[...simpleRepeats, ...(d.customRule ? (['personalizzata'] as const) : [])].map((r) => (
                  <option key={r} value={r}>
                    {repeatLabels[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {d.repeat !== 'nessuna' && d.repeat !== 'personalizzata' && (
            <Field label="Fino al (compreso)" hint="Vuoto: senza fine">
              {(ids) => <input id={ids.id} type="date" className="form-control" aria-describedby={ids.describedBy} value={d.until} onChange={(e) => props.onChange({ until: e.target.value })} />}
            </Field>
          )}
        </div>
      )}
      {description && (
        <p className="g-rrule" id="g-ev-rrule-text">
          <strong>Ripetizione:</strong> {description}
        </p>
      )}
    </fieldset>
  );
}
