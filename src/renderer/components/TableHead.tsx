/**
 * The header row of the desk's tables: column headers with `scope="col"` (WCAG 1.3.1) and, when
 * rows carry buttons, a last column whose name only screen readers hear.
 */
export function TableHead(props: { columns: string[]; actions?: boolean }) {
  return (
    <thead>
      <tr>
        {props.columns.map((c) => (
          <th key={c} scope="col">
            {c}
          </th>
        ))}
        {props.actions && (
          <th scope="col">
            <span className="visually-hidden">Azioni</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
