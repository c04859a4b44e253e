import { useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { clockSkewMessage, isClockSkewed } from '../../../shared/domain/sync-health';

/**
 * Banners above the screen, from the same sync status as the status bar: a wrong desk clock
 * is a warning, never a blocker (dates of registration are the server's, art. 57); a version
 * the server no longer accepts asks to update the program, and says pending work is kept.
 */
export function StatusBanners() {
  const status = useQuery({ queryKey: queryKeys.syncStatus, queryFn: () => send('sync.status', {}), refetchInterval: 30_000 });
  const s = status.data;
  if (!s) return null;
  const skewed = isClockSkewed(s.clockSkewMs);
  if (!skewed && !s.upgradeRequired) return null;
  return (
    <div className="g-banners">
      {s.upgradeRequired && (
        <div className="alert alert-danger mb-2" role="alert">
          <strong className="d-block">Aggiorna il programma</strong>
          Il server del registro non accetta più questa versione di Gonfalone. Le modifiche in attesa ({s.pendingCount}) restano conservate su questa
          postazione e saranno inviate dopo l’aggiornamento: chiedi all’amministratore di installare la nuova versione.
        </div>
      )}
      {skewed && typeof s.clockSkewMs === 'number' && (
        <div className="alert alert-warning mb-2" role="status">
          <strong className="d-block">Orologio non allineato</strong>
          {clockSkewMessage(s.clockSkewMs)}
        </div>
      )}
    </div>
  );
}
