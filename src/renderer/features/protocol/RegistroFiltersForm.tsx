import { useId, useState, type RefObject } from 'react';
import { useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { directions } from '../../../shared/contract';
import { directionLabels } from '../../lib/format';
import { emptyFilters, type RegistroFilters } from './registro-filters';

/** Search box and filters of the register; applied on "Cerca" (or Enter). */
export function RegistroFiltersForm(props: { value: RegistroFilters; onApply: (f: RegistroFilters) => void; searchRef: RefObject<HTMLInputElement | null> }) {
  const id = useId();
  const [f, setF] = useState(props.value);
  const offices = useQuery({ queryKey: queryKeys.offices, queryFn: () => send('offices.list', {}), staleTime: 300_000 });
  const set = (k: keyof RegistroFilters) => (e: { target: { value: string } }) => setF((o) => ({ ...o, [k]: e.target.value }));
  const field = (k: keyof RegistroFilters, label: string, input: React.ReactNode) => (
    <div className="g-filter">
      <label htmlFor={`${id}-${k}`}>{label}</label>
      {input}
    </div>
  );
  return (
    <form
      role="search"
      aria-label="Ricerca nel registro"
      className="g-filters"
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply(f);
      }}
    >
      {field('text', 'Testo da cercare', <input id={`${id}-text`} ref={props.searchRef} type="search" className="form-control" placeholder="oggetto, corrispondente o numero" value={f.text} onChange={set('text')} />)}
      {field('year', 'Anno', <input id={`${id}-year`} type="number" min={1900} max={2999} className="form-control" value={f.year} onChange={set('year')} />)}
      {field(
        'direction',
        'Direzione',
        <select id={`${id}-direction`} className="form-select" value={f.direction} onChange={set('direction')}>
          <option value="">Tutte</option>
          {directions.map((d) => (
            <option key={d} value={d}>
              {directionLabels[d]}
            </option>
          ))}
        </select>,
      )}
      {field('dateFrom', 'Dal giorno', <input id={`${id}-dateFrom`} type="date" className="form-control" value={f.dateFrom} onChange={set('dateFrom')} />)}
      {field('dateTo', 'Al giorno', <input id={`${id}-dateTo`} type="date" className="form-control" value={f.dateTo} onChange={set('dateTo')} />)}
      {field('classificationCode', 'Classificazione (codice)', <input id={`${id}-classificationCode`} className="form-control" placeholder="es. I.13" value={f.classificationCode} onChange={set('classificationCode')} />)}
      {field(
        'assigneeId',
        'Ufficio assegnatario',
        <select id={`${id}-assigneeId`} className="form-select" value={f.assigneeId} onChange={set('assigneeId')}>
          <option value="">Tutti</option>
          {(offices.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>,
      )}
      {field(
        'annulled',
        'Annullate',
        <select id={`${id}-annulled`} className="form-select" value={f.annulled} onChange={set('annulled')}>
          <option value="">Tutte le registrazioni</option>
          <option value="solo">Solo annullate</option>
          <option value="escludi">Escludi annullate</option>
        </select>,
      )}
      <div className="g-filter-actions">
        <button type="submit" className="btn btn-primary">
          Cerca
        </button>
        <button
          type="button"
          className="btn btn-outline-secondary"
          onClick={() => {
            setF(emptyFilters);
            props.onApply(emptyFilters);
          }}
        >
          Azzera filtri
        </button>
      </div>
    </form>
  );
}
