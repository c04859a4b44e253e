import { useEffect, useState } from 'react';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import type { CaseSettingsDto } from '../../../shared/contract';
import { useCaseAction, useCaseSettings } from '../cases/use-case-data';

type Form = { moveOnHoliday: boolean; patronDay: string; dueSoonDays: string; patronageMinDaysBefore: string; patronageMaxDaysBefore: string };
const formOf = (s: CaseSettingsDto): Form => ({
  moveOnHoliday: s.moveOnHoliday,
  patronDay: s.patronDay ?? '',
  dueSoonDays: String(s.dueSoonDays),
  patronageMinDaysBefore: String(s.patronageMinDaysBefore),
  patronageMaxDaysBefore: String(s.patronageMaxDaysBefore),
});

/** How terms are counted in this administration (art. 2963 c.c. for a term ending on a holiday). */
export function CaseSettingsForm(props: { onDone: () => void }) {
  const settings = useCaseSettings();
  const [f, setF] = useState<Form | null>(null);
  useEffect(() => {
    if (settings.data) setF(formOf(settings.data));
  }, [settings.data]);
  const m = useCaseAction('cases.updateSettings', props.onDone);
  const fe = fieldErrorsOf(m.error);
  if (!f) return <ErrorAlert error={settings.error} />;
  const num = (k: keyof Form, label: string, hint?: string) => (
    <Field label={label} error={fe[k]} {...(hint ? { hint } : {})}>
      {(ids) => <input id={ids.id} type="number" min={0} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={String(f[k])} onChange={(e) => setF({ ...f, [k]: e.target.value })} />}
    </Field>
  );
  return (
    <form
      className="g-panel"
      aria-labelledby="g-case-settings"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate({
          moveOnHoliday: f.moveOnHoliday,
          patronDay: f.patronDay.trim() || null,
          dueSoonDays: Number(f.dueSoonDays),
          patronageMinDaysBefore: Number(f.patronageMinDaysBefore),
          patronageMaxDaysBefore: Number(f.patronageMaxDaysBefore),
        });
      }}
    >
      <h2 id="g-case-settings" className="h5">
        Impostazioni dei termini
      </h2>
      <div className="form-check g-field">
        <input id="g-set-holiday" type="checkbox" className="form-check-input" checked={f.moveOnHoliday} onChange={(e) => setF({ ...f, moveOnHoliday: e.target.checked })} />
        <label htmlFor="g-set-holiday" className="form-check-label">
          Un termine che scade di domenica o in un giorno festivo slitta al primo giorno non festivo
        </label>
      </div>
      <div className="g-grid-4">
        <Field label="Santo patrono (MM-GG)" error={fe.patronDay} hint="Es. 12-07 per Sant'Ambrogio; vuoto se non c'è.">
          {(ids) => <input id={ids.id} className="form-control" maxLength={5} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={f.patronDay} onChange={(e) => setF({ ...f, patronDay: e.target.value })} />}
        </Field>
        {num('dueSoonDays', 'Giorni di preavviso «in scadenza»')}
        {num('patronageMinDaysBefore', 'Patrocinio: giorni minimi prima dell’iniziativa')}
        {num('patronageMaxDaysBefore', 'Patrocinio: giorni massimi prima dell’iniziativa')}
      </div>
      <ErrorAlert error={m.error} />
      <button type="submit" className="btn btn-primary" disabled={m.isPending}>
        Salva le impostazioni
      </button>
    </form>
  );
}
