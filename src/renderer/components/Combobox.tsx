import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface ComboOption<T> {
  key: string;
  label: string;
  detail?: string;
  value: T;
}

/**
 * An editable combobox with a listbox (WAI-ARIA 1.2 pattern): type to filter, ↑/↓ to move,
 * Enter to choose, Esc to close. Focus stays in the input so a clerk never needs the mouse.
 */
export function Combobox<T>(props: {
  label: string;
  options: Array<ComboOption<T>>;
  query: string;
  onQueryChange: (q: string) => void;
  onSelect: (value: T) => void;
  loading?: boolean;
  error?: string | undefined;
  placeholder?: string;
  hint?: string;
  inputId?: string;
  inputRef?: React.Ref<HTMLInputElement>;
  emptyText?: string;
  footer?: ReactNode;
}) {
  const auto = useId();
  const id = props.inputId ?? auto;
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  // -1: nothing highlighted yet; ↓ goes to the first option, Enter alone takes the first.
  const [active, setActive] = useState(-1);
  const boxRef = useRef<HTMLDivElement>(null);
  const opts = props.options;

  useEffect(() => setActive(-1), [props.query, opts.length]);

  const choose = (o: ComboOption<T> | undefined) => {
    if (!o) return;
    props.onSelect(o.value);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, opts.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, -1));
    } else if (e.key === 'Enter') {
      if (open && opts.length > 0) {
        e.preventDefault();
        choose(opts[Math.max(active, 0)]);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
      }
    }
  };

  const errorId = `${id}-err`;
  const hintId = `${id}-hint`;
  const describedBy = [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const showList = open && (opts.length > 0 || props.query.trim() !== '');

  return (
    <div
      className="g-field g-combo"
      ref={boxRef}
      onBlur={(e) => {
        if (!boxRef.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label htmlFor={id} className="g-label">
        {props.label}
      </label>
      <input
        id={id}
        ref={props.inputRef}
        className={`form-control ${props.error ? 'is-invalid' : ''}`}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 && opts[active] ? `${listId}-${active}` : undefined}
        aria-invalid={!!props.error}
        aria-describedby={describedBy}
        autoComplete="off"
        placeholder={props.placeholder}
        value={props.query}
        onChange={(e) => {
          props.onQueryChange(e.target.value);
          setOpen(true);
        }}
        onFocus={() => props.query && setOpen(true)}
        onKeyDown={onKeyDown}
      />
      {props.hint && (
        <small id={hintId} className="form-text">
          {props.hint}
        </small>
      )}
      <ul id={listId} role="listbox" aria-label="Suggerimenti" className="g-combo-list" hidden={!showList}>
        {opts.map((o, i) => (
          <li
            key={o.key}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : ''}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(o)}
          >
            <span>{o.label}</span>
            {o.detail && <small className="text-muted ms-2">{o.detail}</small>}
          </li>
        ))}
        {opts.length === 0 && <li className="g-combo-empty">{props.loading ? 'Ricerca in corso…' : (props.emptyText ?? 'Nessun risultato')}</li>}
      </ul>
      {props.footer}
      {props.error && (
        <div id={errorId} className="g-field-error" role="alert">
          {props.error}
        </div>
      )}
    </div>
  );
}
