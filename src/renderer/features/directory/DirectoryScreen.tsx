import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../components/Alert';
import { isTypingTarget } from '../../lib/shortcuts';
import type { Contact } from '../../../shared/contract';
import { ContactForm } from './ContactForm';
import { contactKindLabels } from '../protocol/NewContactInline';
import { TableHead } from '../../components/TableHead';

/** Rubrica: search, create (with duplicate warning) and edit contacts. */
export function DirectoryScreen() {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const results = useQuery({ queryKey: queryKeys.directorySearch(query, 'list'), queryFn: () => send('directory.search', { query, limit: 100 }) });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !isTypingTarget(e.target as HTMLElement | null)) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section aria-labelledby="g-rubrica-title">
      <h1 id="g-rubrica-title" className="h3">
        Rubrica
      </h1>
      <form
        role="search"
        className="g-row"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(text.trim());
        }}
      >
        <div>
          <label htmlFor="g-rubrica-q">Cerca in rubrica</label>
          <input id="g-rubrica-q" ref={searchRef} type="search" className="form-control" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <button type="submit" className="btn btn-primary align-self-end">
          Cerca
        </button>
        <button type="button" className="btn btn-outline-primary align-self-end" onClick={() => setEditing('new')}>
          Nuovo contatto
        </button>
      </form>
      {editing && <ContactForm key={editing === 'new' ? 'new' : editing.id} contact={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      <ErrorAlert error={results.error} />
      <p role="status" aria-live="polite" className="g-count">
        {results.data ? `${results.data.length} contatti` : 'Ricerca in corso…'}
      </p>
      <table className="table table-sm">
        <TableHead columns={['Nome', 'Tipo', 'PEC / e-mail', 'Comune']} actions />
        <tbody>
          {(results.data ?? []).map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td>{contactKindLabels[c.kind]}</td>
              <td>{c.pec ?? c.email ?? '—'}</td>
              <td>{c.city ?? '—'}</td>
              <td>
                <button type="button" className="btn btn-link btn-sm" onClick={() => setEditing(c)} aria-label={`Modifica ${c.name}`}>
                  Modifica
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
