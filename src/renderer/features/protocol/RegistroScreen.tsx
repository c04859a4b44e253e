import { useEffect, useRef, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../components/Alert';
import { isTypingTarget } from '../../lib/shortcuts';
import { emptyFilters, nextCursor, searchInputOf, type RegistroFilters } from './registro-filters';
import { RegistroFiltersForm } from './RegistroFiltersForm';
import { RegistroRow, ROW_HEIGHT } from './RegistroRow';

/**
 * The register, newest first: keyset pages of 100 loaded as the list scrolls, rendered by a
 * virtualiser so only the visible rows exist in the page even with a million entries.
 */
export function RegistroScreen() {
  const [filters, setFilters] = useState<RegistroFilters>(emptyFilters);
  const searchRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const q = useInfiniteQuery({
    queryKey: queryKeys.protocolSearch(filters),
    queryFn: ({ pageParam }) => send('protocol.search', searchInputOf(filters, pageParam)),
    initialPageParam: undefined as { year: number; number: number } | undefined,
    getNextPageParam: (last) => nextCursor(last.items),
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const first = q.data?.pages[0];
  const v = useVirtualizer({ count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const virtualItems = v.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? 0;

  useEffect(() => {
    if (lastIndex >= items.length - 20 && q.hasNextPage && !q.isFetchingNextPage) void q.fetchNextPage();
  }, [lastIndex, items.length, q]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !e.ctrlKey && !e.altKey && !isTypingTarget(e.target as HTMLElement | null)) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section aria-labelledby="g-registro-title">
      <h1 id="g-registro-title" className="h3">
        Registro di protocollo
      </h1>
      <RegistroFiltersForm value={filters} onApply={setFilters} searchRef={searchRef} />
      <p role="status" aria-live="polite" className="g-count">
        {q.isPending ? 'Ricerca in corso…' : first ? `${first.total.toLocaleString('it-IT')}${first.totalCapped ? '+' : ''} registrazioni trovate` : ''}
      </p>
      <ErrorAlert error={q.error} />
      <div className="g-table-head" aria-hidden="true">
        <span>Numero</span>
        <span>Data</span>
        <span>Dir.</span>
        <span>Oggetto</span>
        <span>Corrispondenti</span>
        <span>Class.</span>
      </div>
      <div ref={scrollRef} className="g-virtual" tabIndex={-1}>
        <ul aria-label="Registrazioni" style={{ height: v.getTotalSize(), position: 'relative' }}>
          {virtualItems.map((row) => {
            const e = items[row.index];
            if (!e) return null;
            return <RegistroRow key={e.id} entry={e} start={row.start} index={row.index} total={items.length} />;
          })}
        </ul>
      </div>
      {q.isFetchingNextPage && <p className="small">Caricamento di altre registrazioni…</p>}
    </section>
  );
}
