import { useId, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../components/Alert';
import { saveGeneratedFile } from '../../lib/generated-file';
import type { IndicatorsResult } from '../../../shared/contract';
import { romeDate } from '../../../shared/domain/time';
import { BarChart } from './BarChart';
import { ClosingTimes } from './ClosingTimes';
import { monthNames, periodLabel } from './indicators-format';
import './cases.css';

/**
 * Indicatori: the figures the Mayor's office reports on, for a year or one month of it, as
 * numbers, charts and tables; "Esporta CSV" downloads the same figures for a spreadsheet.
 */
export function IndicatorsScreen() {
  const id = useId();
  const thisYear = Number(romeDate(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [month, setMonth] = useState<number | null>(null);
  const input = month ? { year, month } : { year };
  const q = useQuery({ queryKey: queryKeys.caseIndicators(year, month), queryFn: () => send('cases.indicators', input) });
  const csv = useMutation({ mutationFn: () => send('cases.indicatorsCsv', input), onSuccess: (file) => void saveGeneratedFile(file) });
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  return (
    <section aria-labelledby="g-ind-title">
      <h1 id="g-ind-title" className="h3">
        Indicatori
      </h1>
      <form className="g-row" aria-label="Periodo degli indicatori" onSubmit={(e) => e.preventDefault()}>
        <div className="g-field">
          <label htmlFor={`${id}-y`}>Anno</label>
          <select id={`${id}-y`} className="form-select" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="g-field">
          <label htmlFor={`${id}-m`}>Mese</label>
          <select id={`${id}-m`} className="form-select" value={month ?? 0} onChange={(e) => setMonth(Number(e.target.value) || null)}>
            <option value={0}>Tutto l&apos;anno</option>
            {monthNames.map((m, i) => (
              <option key={m} value={i + 1}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="btn btn-outline-primary align-self-end" disabled={csv.isPending} onClick={() => csv.mutate()}>
          Esporta CSV
        </button>
      </form>
      <p role="status" aria-live="polite" className="g-count">
        {q.isPending ? 'Calcolo degli indicatori…' : q.data ? `Indicatori di ${periodLabel(q.data.period)}` : ''}
      </p>
      <ErrorAlert error={q.error ?? csv.error} />
      {q.data && <IndicatorsBody r={q.data} />}
    </section>
  );
}

function IndicatorsBody(props: { r: IndicatorsResult }) {
  const r = props.r;
  const tableId = useId();
  return (
    <>
      <dl className="g-kpis">
        <Kpi label="Patrocini istruiti completamente / ricevuti" value={`${r.patronage.fullyInstructed} / ${r.patronage.received}`} />
        <Kpi label="Interrogazioni consiliari con risposta nei termini / ricevute" value={`${r.councilQuestions.answeredWithinTerm} / ${r.councilQuestions.received}`} />
        <Kpi label="Richieste di accesso con risposta nei termini / ricevute" value={`${r.accessRequests.answeredWithinTerm} / ${r.accessRequests.received}`} />
        <Kpi label="Delegazioni estere accolte" value={String(r.foreignDelegations)} />
      </dl>
      <section aria-labelledby="g-ind-monthly">
        <h2 id="g-ind-monthly" className="h5">
          Pratiche ricevute e chiuse per mese ({r.period.year})
        </h2>
        <BarChart
          labels={r.monthly.map((m) => monthNames[m.month - 1] ?? String(m.month))}
          series={[
            { label: 'Ricevute', data: r.monthly.map((m) => m.received), color: '#0066cc' },
            { label: 'Chiuse', data: r.monthly.map((m) => m.closed), color: '#b35900' },
          ]}
          summary={`Grafico a barre delle pratiche ricevute e chiuse per mese del ${r.period.year}: i valori sono nella tabella che segue.`}
          tableId={tableId}
        />
        <table className="table table-sm" id={tableId}>
          <caption>Pratiche ricevute e chiuse per mese</caption>
          <thead>
            <tr>
              <th scope="col">Mese</th>
              <th scope="col">Ricevute</th>
              <th scope="col">Chiuse</th>
            </tr>
          </thead>
          <tbody>
            {r.monthly.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthNames[m.month - 1]}</th>
                <td>{m.received}</td>
                <td>{m.closed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ClosingTimes rows={r.closingTimes} />
    </>
  );
}

function Kpi(props: { label: string; value: string }) {
  return (
    <div className="g-kpi">
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}
