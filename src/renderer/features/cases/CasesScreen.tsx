import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../components/Alert';
import { useDebounced } from '../../lib/use-debounced';
import type { InputOf } from '../../../shared/contract';
import { CaseCountCards } from './CaseCountCards';
import { CaseFilters, emptyCaseFilters, type CaseFilterValues } from './CaseFilters';
import { CaseTable } from './CaseTable';
import { NewCaseButton } from './NewCaseButton';
import './cases.css';

const PAGE = 50;
type ListInput = InputOf<'cases.list'>;
type Sort = NonNullable<ListInput['sort']>;

/**
 * "Pratiche": my desk by default (what is assigned to me or my office, still open), the whole
 * list with "Tutte le pratiche". Counts on top double as quick filters on the term status.
 */
export function CasesScreen(props: { canWork: boolean }) {
  const [view, setView] = useState<'mine' | 'all'>('mine');
  const [filters, setFilters] = useState<CaseFilterValues>(emptyCaseFilters);
  const [sort, setSort] = useState<{ by: Sort; dir: 'asc' | 'desc' }>({ by: 'dueOn', dir: 'asc' });
  const [offset, setOffset] = useState(0);
  const query = useDebounced(filters.query.trim(), 250);
  const input: ListInput = {
    view,
    query,
    sort: sort.by,
    dir: sort.dir,
    limit: PAGE,
    offset,
    ...(filters.termStatus ? { termStatus: filters.termStatus } : {}),
    ...(filters.typeCode ? { typeCode: filters.typeCode } : {}),
    ...(filters.state ? { state: filters.state } : {}),
  };
  const list = useQuery({ queryKey: queryKeys.casesList(input), queryFn: () => send('cases.list', input), placeholderData: keepPreviousData });
  const data = list.data;
  const change = (f: CaseFilterValues) => {
    setFilters(f);
    setOffset(0);
  };
  const onSort = (key: string) => {
    const by = key as Sort;
    setSort((s) => ({ by, dir: s.by === by && s.dir === 'asc' ? 'desc' : 'asc' }));
    setOffset(0);
  };

  return (
    <section aria-labelledby="g-cases-title">
      <div className="g-case-head">
        <h1 id="g-cases-title" className="h3">
          {view === 'mine' ? 'Pratiche — la mia scrivania' : 'Pratiche — tutte'}
        </h1>
        {props.canWork && <NewCaseButton />}
      </div>
      <div className="form-check form-switch g-field">
        <input
          id="g-cases-all"
          type="checkbox"
          role="switch"
          className="form-check-input"
          checked={view === 'all'}
          onChange={(e) => {
            setView(e.target.checked ? 'all' : 'mine');
            setOffset(0);
          }}
        />
        <label htmlFor="g-cases-all" className="form-check-label">
          Tutte le pratiche
        </label>
      </div>
      {data && <CaseCountCards counts={data.counts} selected={filters.termStatus} onSelect={(termStatus) => change({ ...filters, termStatus })} />}
      <CaseFilters value={filters} onChange={change} />
      <p role="status" aria-live="polite" className="g-count">
        {list.isPending ? 'Ricerca in corso…' : data ? countLabel(data.total, offset, data.items.length) : ''}
      </p>
      <ErrorAlert error={list.error} />
      {data && data.items.length > 0 && <CaseTable items={data.items} sort={{ by: sort.by, dir: sort.dir, onSort }} />}
      {data && data.total > PAGE && (
        <nav aria-label="Pagine dell'elenco" className="g-actions">
          <button type="button" className="btn btn-outline-primary btn-sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Pagina precedente
          </button>
          <button type="button" className="btn btn-outline-primary btn-sm" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
            Pagina successiva
          </button>
        </nav>
      )}
    </section>
  );
}

function countLabel(total: number, offset: number, shown: number): string {
  if (total === 0) return 'Nessuna pratica trovata';
  const head = total === 1 ? '1 pratica trovata' : `${total.toLocaleString('it-IT')} pratiche trovate`;
  return total > shown ? `${head} (mostrate ${offset + 1}–${offset + shown})` : head;
}
