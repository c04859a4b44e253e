import { useId } from 'react';
import { caseStateLabels, caseStates, type CaseState } from '../../../shared/domain/cases/states';
import { termStatusLabels } from '../../../shared/domain/cases/deadlines';
import { caseTypeCodes, type CaseTypeCode } from '../../../shared/domain/cases/case-types';
import { useCaseTypes } from './use-case-data';

export const termFilters = ['scaduto', 'in_scadenza', 'in_termine', 'sospeso', 'nessun_termine', 'chiuso'] as const;
export type CaseTermFilter = (typeof termFilters)[number];

export interface CaseFilterValues {
  termStatus: CaseTermFilter | '';
  typeCode: CaseTypeCode | '';
  state: CaseState | '';
  query: string;
}

export const emptyCaseFilters: CaseFilterValues = { termStatus: '', typeCode: '', state: '', query: '' };

const pick = <T extends string>(values: readonly T[], v: string): T | '' => values.find((x) => x === v) ?? '';

/** Filters of the case list: text, term status, type, state. They apply as they change. */
export function CaseFilters(props: { value: CaseFilterValues; onChange: (v: CaseFilterValues) => void }) {
  const id = useId();
  const types = useCaseTypes();
  const v = props.value;
  return (
    <form className="g-filters mb-2" role="search" aria-label="Filtra le pratiche" onSubmit={(e) => e.preventDefault()}>
      <div className="g-filter">
        <label htmlFor={`${id}-q`}>Cerca nel testo</label>
        <input id={`${id}-q`} type="search" className="form-control" maxLength={200} value={v.query} onChange={(e) => props.onChange({ ...v, query: e.target.value })} />
      </div>
      <div className="g-filter">
        <label htmlFor={`${id}-t`}>Stato del termine</label>
        <select id={`${id}-t`} className="form-select" value={v.termStatus} onChange={(e) => props.onChange({ ...v, termStatus: pick(termFilters, e.target.value) })}>
          <option value="">Tutti</option>
          {termFilters.map((t) => (
            <option key={t} value={t}>
              {termStatusLabels[t]}
            </option>
          ))}
        </select>
      </div>
      <div className="g-filter">
        <label htmlFor={`${id}-y`}>Tipo</label>
        <select id={`${id}-y`} className="form-select" value={v.typeCode} onChange={(e) => props.onChange({ ...v, typeCode: pick(caseTypeCodes, e.target.value) })}>
          <option value="">Tutti</option>
          {(types.data ?? []).map((t) => (
            <option key={t.code} value={t.code}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="g-filter">
        <label htmlFor={`${id}-s`}>Stato della pratica</label>
        <select id={`${id}-s`} className="form-select" value={v.state} onChange={(e) => props.onChange({ ...v, state: pick(caseStates, e.target.value) })}>
          <option value="">Tutti</option>
          {caseStates.map((s) => (
            <option key={s} value={s}>
              {caseStateLabels[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="g-filter-actions align-self-end">
        <button type="button" className="btn btn-outline-secondary" onClick={() => props.onChange(emptyCaseFilters)}>
          Azzera filtri
        </button>
      </div>
    </form>
  );
}
