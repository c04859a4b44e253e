import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { send } from '../../api/client';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import { dayLabel, entryNumberLabel, fingerprintLabel } from '../../lib/format';
import { printGeneratedFile, saveGeneratedFile } from '../../lib/generated-file';
import { romeDate } from '../../../shared/domain/time';

/** Registro giornaliero: for a day, first/last number, count and the SHA-256 of PDF and JSON. */
export function DailyRegisterScreen() {
  const [date, setDate] = useState(() => romeDate(new Date()));
  const m = useMutation({ mutationFn: () => send('protocol.dailyRegister', { date }) });
  const fe = fieldErrorsOf(m.error);
  const r = m.data;
  const year = Number((r?.date ?? date).slice(0, 4));
  return (
    <section aria-labelledby="g-daily-title">
      <h1 id="g-daily-title" className="h3">
        Registro giornaliero
      </h1>
      <form
        className="g-row"
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate();
        }}
      >
        <Field label="Giorno" error={fe.date}>
          {(ids) => <input id={ids.id} type="date" className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <button type="submit" className="btn btn-primary align-self-end" disabled={m.isPending}>
          {m.isPending ? 'Generazione in corso…' : 'Genera registro giornaliero'}
        </button>
      </form>
      <ErrorAlert error={m.error} />
      {r && (
        <div className="g-panel" role="status" aria-live="polite">
          <h2 className="h5">Registro del {dayLabel(r.date)}</h2>
          <dl className="g-dl">
            <dt>Registrazioni</dt>
            <dd>{r.count}</dd>
            <dt>Primo numero</dt>
            <dd>{r.firstNumber !== null ? entryNumberLabel({ year, number: r.firstNumber }) : '—'}</dd>
            <dt>Ultimo numero</dt>
            <dd>{r.lastNumber !== null ? entryNumberLabel({ year, number: r.lastNumber }) : '—'}</dd>
            <dt>Impronta SHA-256 del PDF ({r.pdf.fileName})</dt>
            <dd>
              <code>{fingerprintLabel(r.pdf.sha256)}</code>
            </dd>
            <dt>Impronta SHA-256 del JSON ({r.json.fileName})</dt>
            <dd>
              <code>{fingerprintLabel(r.json.sha256)}</code>
            </dd>
          </dl>
          <div className="g-actions">
            <button type="button" className="btn btn-primary" onClick={() => void printGeneratedFile(r.pdf)}>
              Stampa registro
            </button>
            <button type="button" className="btn btn-outline-primary" onClick={() => void saveGeneratedFile(r.pdf)}>
              Scarica PDF
            </button>
            <button type="button" className="btn btn-outline-primary" onClick={() => void saveGeneratedFile(r.json)}>
              Scarica JSON
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
