import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { send } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { dateTimeLabel } from '../lib/format';

/** Always visible: link with the register server, pending mutations, last sync, last error. */
export function StatusBar() {
  const qc = useQueryClient();
  const status = useQuery({ queryKey: queryKeys.syncStatus, queryFn: () => send('sync.status', {}), refetchInterval: 30_000 });
  const syncNow = useMutation({ mutationFn: () => send('sync.now', {}), onSuccess: (s) => qc.setQueryData(queryKeys.syncStatus, s) });
  const s = status.data;
  return (
    <footer className="g-statusbar" aria-label="Stato della sincronizzazione">
      <div role="status" aria-live="polite" className="g-status-items">
        {!s ? (
          <span>{status.error ? 'Stato non disponibile' : 'Stato in caricamento…'}</span>
        ) : (
          <>
            <span className={s.online ? 'g-online' : 'g-offline'}>
              <span aria-hidden="true">{s.online ? '● ' : '○ '}</span>
              {s.online ? 'In linea' : 'Non in linea'}
            </span>
            <span>In attesa di invio: {s.pendingCount}</span>
            {s.rejectedCount > 0 && <span className="g-warn">Da verificare: {s.rejectedCount}</span>}
            <span>Ultima sincronizzazione: {dateTimeLabel(s.lastSyncAt)}</span>
            {s.lastError && <span className="g-warn">Ultimo errore: {s.lastError}</span>}
          </>
        )}
      </div>
      <button type="button" className="btn btn-sm btn-outline-light" onClick={() => syncNow.mutate()} disabled={syncNow.isPending}>
        {syncNow.isPending ? 'Sincronizzazione…' : 'Sincronizza ora'}
      </button>
    </footer>
  );
}
