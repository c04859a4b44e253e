import { useState } from 'react';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import type { CaseTypeDto } from '../../../shared/contract';
import { silenceLabels, type SilenceMeaning } from '../../../shared/domain/cases/case-types';
import { useCaseAction } from '../cases/use-case-data';

const silences = Object.keys(silenceLabels) as SilenceMeaning[];
/** An empty box means "no term" / "no cap": null, as the contract says. */
const daysOrNull = (s: string) => (s.trim() === '' ? null : Number(s));

/** Edits one type's rule; the desk recomputes the due dates of its open cases (audited). */
export function CaseTypeForm(props: { type: CaseTypeDto; onDone: (t: CaseTypeDto) => void }) {
  const t = props.type;
  const [f, setF] = useState({
    name: t.name,
    termDays: t.termDays === null ? '' : String(t.termDays),
    silence: t.silence,
    maxSuspensionDays: t.maxSuspensionDays === null ? '' : String(t.maxSuspensionDays),
    legalBasis: t.legalBasis,
    active: t.active,
  });
  const m = useCaseAction('cases.updateType', props.onDone);
  const fe = fieldErrorsOf(m.error);
  return (
    <form
      aria-label="Modifica tipo di pratica"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate({ code: t.code, name: f.name, termDays: daysOrNull(f.termDays), silence: f.silence, maxSuspensionDays: daysOrNull(f.maxSuspensionDays), legalBasis: f.legalBasis, active: f.active });
      }}
    >
      <div className="g-grid-2">
        <Field label="Nome" error={fe.name}>
          {(ids) => <input id={ids.id} className="form-control" maxLength={120} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} />}
        </Field>
        <Field label="Termine (giorni)" error={fe.termDays} hint="Vuoto: pratica senza termine.">
          {(ids) => <input id={ids.id} type="number" min={1} max={3650} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.termDays} onChange={(e) => setF({ ...f, termDays: e.target.value })} />}
        </Field>
        <Field label="Effetto del silenzio alla scadenza" error={fe.silence}>
          {(ids) => (
            <select id={ids.id} className="form-select" aria-describedby={ids.describedBy} value={f.silence} onChange={(e) => setF({ ...f, silence: silences.find((s) => s === e.target.value) ?? 'nessuno' })}>
              {silences.map((s) => (
                <option key={s} value={s}>
                  {silenceLabels[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Sospensione massima per controinteressati (giorni)" error={fe.maxSuspensionDays} hint="Vuoto: nessun limite.">
          {(ids) => <input id={ids.id} type="number" min={0} max={3650} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.maxSuspensionDays} onChange={(e) => setF({ ...f, maxSuspensionDays: e.target.value })} />}
        </Field>
      </div>
      <Field label="Riferimento normativo" error={fe.legalBasis}>
        {(ids) => <input id={ids.id} className="form-control" maxLength={300} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.legalBasis} onChange={(e) => setF({ ...f, legalBasis: e.target.value })} />}
      </Field>
      <div className="form-check g-field">
        <input id="g-type-active" type="checkbox" className="form-check-input" checked={f.active} onChange={(e) => setF({ ...f, active: e.target.checked })} />
        <label htmlFor="g-type-active" className="form-check-label">
          Attivo (si possono aprire nuove pratiche di questo tipo)
        </label>
      </div>
      <ErrorAlert error={m.error} />
      <button type="submit" className="btn btn-primary" disabled={m.isPending}>
        Salva il tipo
      </button>
    </form>
  );
}
