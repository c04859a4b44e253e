import type { CaseCounts } from '../../../shared/contract';
import type { CaseTermFilter } from './CaseFilters';

const cards: Array<{ key: keyof CaseCounts; label: string; filter: CaseTermFilter | '' }> = [
  { key: 'overdue', label: 'Scadute', filter: 'scaduto' },
  { key: 'dueSoon', label: 'In scadenza', filter: 'in_scadenza' },
  { key: 'suspended', label: 'Sospese', filter: 'sospeso' },
  { key: 'open', label: 'Aperte', filter: '' },
];

/** The counts on top of the desk; each one is also a toggle that filters the list by it. */
export function CaseCountCards(props: { counts: CaseCounts; selected: CaseTermFilter | ''; onSelect: (f: CaseTermFilter | '') => void }) {
  return (
    <ul className="g-counts" aria-label="Riepilogo delle pratiche">
      {cards.map((c) => {
        const pressed = props.selected === c.filter;
        return (
          <li key={c.key}>
            <button
              type="button"
              className="g-count-card"
              aria-pressed={pressed}
              data-count={c.key}
              onClick={() => props.onSelect(pressed && c.filter !== '' ? '' : c.filter)}
            >
              <span className="g-count-num">{props.counts[c.key].toLocaleString('it-IT')}</span>
              <span className="g-count-label">{c.label}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
