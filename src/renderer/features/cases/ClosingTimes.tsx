import { useId, useState } from 'react';
import type { IndicatorsResult } from '../../../shared/contract';
import { BarChart } from './BarChart';
import { averageDaysLabel } from './indicators-format';

/**
 * Closing times per type: the table has every type (closed, average, distribution); the chart
 * draws the distribution of one type at a time, chosen by the clerk.
 */
export function ClosingTimes(props: { rows: IndicatorsResult['closingTimes'] }) {
  const id = useId();
  const withClosed = props.rows.filter((r) => r.closed > 0);
  const [code, setCode] = useState<string>('');
  const shown = withClosed.find((r) => r.typeCode === code) ?? withClosed[0];
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="h5">
        Tempi di chiusura per tipo
      </h2>
      <table className="table table-sm" id={`${id}-t`}>
        <caption>Pratiche chiuse, tempo medio e distribuzione dei giorni dalla ricezione alla chiusura</caption>
        <thead>
          <tr>
            <th scope="col">Tipo</th>
            <th scope="col">Chiuse</th>
            <th scope="col">Tempo medio</th>
            <th scope="col">Distribuzione (giorni: pratiche)</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.typeCode}>
              <th scope="row">{r.typeName}</th>
              <td>{r.closed}</td>
              <td>{averageDaysLabel(r.averageDays)}</td>
              <td>{r.histogram.map((b) => `${b.label}: ${b.count}`).join('; ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown && (
        <>
          <div className="g-field">
            <label htmlFor={`${id}-s`}>Distribuzione del tipo</label>
            <select id={`${id}-s`} className="form-select w-auto" value={shown.typeCode} onChange={(e) => setCode(e.target.value)}>
              {withClosed.map((r) => (
                <option key={r.typeCode} value={r.typeCode}>
                  {r.typeName}
                </option>
              ))}
            </select>
          </div>
          <BarChart
            labels={shown.histogram.map((b) => `${b.label} giorni`)}
            series={[{ label: 'Pratiche chiuse', data: shown.histogram.map((b) => b.count), color: '#0066cc' }]}
            summary={`Grafico a barre della distribuzione dei tempi di chiusura per ${shown.typeName}: i valori sono nella tabella precedente.`}
            tableId={`${id}-t`}
          />
        </>
      )}
    </section>
  );
}
