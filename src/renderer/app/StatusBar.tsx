import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { send } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { dateTimeLabel } from '../lib/format';
import { routeHref } from '../lib/route';
import { pendingAgeLabel } from '../../shared/domain/sync-health';
import { useNow } from '../features/review/use-now';

/**
 * Always visible: link with the register server, pending changes and the age of the oldest,
 * last sync, last error and the changes "Da verificare". Only the state changes that matter
 * (online/offline, new refusals, errors) are announced; counters and ages update silently.
 */
export function StatusBar() {
  const qc = useQueryClient();
  const now = useNow();
  const status = useQuery({ queryKey: queryKeys.syncStatus, queryFn: () => send('sync.status', {}), refetchInterval: 30_000 });
  const syncNow = useMutation({ mutationFn: () => send('sync.now', {}), onSuccess: (s) => qc.setQueryData(queryKeys.syncStatus, s) });
  const s = status.data;
  const age = s && s.pendingCount > 0 ? pendingAgeLabel(s.oldestPendingAt, now) : null;
  return (
    <footer className="g-statusbar" aria-label="Stato della sincronizzazione">
      <div className="g-status-items">
        {!s ? (
          <span role="status">{status.error ? 'Stato non disponibile' : 'Stato in caricamento…'}</span>
        ) : (
          <>
            <span role="status" aria-live="polite" className={s.online ? 'g-online' : 'g-offline'}>
              <span aria-hidden="true">{s.online ? '● ' : '○ '}</span>
              {s.online ? 'In linea' : 'Non in linea'}
            </span>
            <span data-testid="pending-count">
              In attesa di invio: {s.pendingCount}
              {age ? ` (${age})` : ''}
            </span>
            <span>Ultima sincronizzazione: {dateTimeLabel(s.lastSyncAt)}</span>
            <span role="status" aria-live="polite">
              {s.rejectedCount > 0 && (
                <a className="g-warn" href={routeHref({ screen: 'verifica' })}>
                  Da verificare: {s.rejectedCount}
                </a>
              )}
            </span>
            <span role="status" aria-live="polite">
              {s.lastError && <span className="g-warn">Ultimo errore: {s.lastError}</span>}
            </span>
          </>
        )}
      </div>
      <button type="button" className="btn btn-sm btn-outline-light" onClick={() => syncNow.mutate()} disabled={syncNow.isPending}>
        {syncNow.isPending ? 'Sincronizzazione…' : 'Sincronizza ora'}
      </button>
    </footer>
  );
}
