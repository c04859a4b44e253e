/** Sorting of a table by one column; `onSort` gets the key of the column header pressed. */
export interface TableSort {
  by: string;
  dir: 'asc' | 'desc';
  onSort: (key: string) => void;
}

/**
 * The header row of the desk's tables: column headers with `scope="col"` (WCAG 1.3.1) and, when
 * rows carry buttons, a last column whose name only screen readers hear. With `sort`, the
 * columns named in `sortKeys` become buttons and the sorted one carries `aria-sort`.
 */
export function TableHead(props: { columns: string[]; actions?: boolean; sort?: TableSort; sortKeys?: Record<string, string> }) {
  return (
    <thead>
      <tr>
        {props.columns.map((c) => {
          const key = props.sortKeys?.[c];
          const sort = props.sort;
          if (!key || !sort) {
            return (
              <th key={c} scope="col">
                {c}
              </th>
            );
          }
          const active = sort.by === key;
          return (
            <th key={c} scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
              <button type="button" className="g-sort" onClick={() => sort.onSort(key)}>
                {c} <span aria-hidden="true">{active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
              </button>
            </th>
          );
        })}
        {props.actions && (
          <th scope="col">
            <span className="visually-hidden">Azioni</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
