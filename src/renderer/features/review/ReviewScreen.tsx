import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../components/Alert';
import { ConflictsPanel } from './ConflictsPanel';
import { DiagnosticsButton } from './DiagnosticsButton';
import { ReviewItemCard } from './ReviewItemCard';
import { reviewKeys } from './review-keys';

/**
 * "Da verificare": the changes the register server refused, each with what was asked, why it
 * was refused and the row as it is now. "Risolvi" sends it again as a new change; "Scarta"
 * closes it and keeps it in the log below. Nothing pending can be thrown away from here.
 */
export function ReviewScreen(props: { userId: string }) {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: reviewKeys.list, queryFn: () => send('review.list', { includeLog: true, logLimit: 50 }) });
  const rejectedCount = useQuery({ queryKey: queryKeys.syncStatus, queryFn: () => send('sync.status', {}) }).data?.rejectedCount;
  // A sync round that refuses something new updates the status: refresh the list with it.
  useEffect(() => {
    void qc.invalidateQueries({ queryKey: reviewKeys.list });
  }, [rejectedCount, qc]);
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: reviewKeys.list }), qc.invalidateQueries({ queryKey: queryKeys.syncStatus })]);
  const resolve = useMutation({
    mutationFn: (v: { mutationId: string; edits?: Record<string, string> | undefined }) =>
      send('review.resolve', v.edits ? { mutationId: v.mutationId, edits: v.edits } : { mutationId: v.mutationId }),
    onSuccess: refresh,
  });
  const discard = useMutation({ mutationFn: (mutationId: string) => send('review.discard', { mutationId }), onSuccess: refresh });
  const busy = resolve.isPending || discard.isPending;
  const open = list.data?.open ?? [];
  const log = list.data?.log ?? [];
  return (
    <section aria-labelledby="g-review-title">
      <h1 id="g-review-title" className="h3">
        Da verificare
      </h1>
      <ErrorAlert error={list.error ?? resolve.error ?? discard.error} />
      {resolve.isSuccess && <p role="status">Modifica inviata di nuovo: è in attesa di conferma dal server.</p>}
      {discard.isSuccess && <p role="status">Modifica scartata: resta nel registro delle decisioni.</p>}
      <section aria-labelledby="g-review-open" className="mb-4">
        <h2 id="g-review-open" className="h5">
          Modifiche rifiutate dal server ({open.length})
        </h2>
        {list.isPending ? (
          <p>Caricamento…</p>
        ) : open.length === 0 ? (
          <p>Nessuna modifica da verificare.</p>
        ) : (
          open.map((item) => (
            <ReviewItemCard
              key={item.mutationId}
              item={item}
              busy={busy}
              onResolve={(edits) => resolve.mutate({ mutationId: item.mutationId, edits })}
              onDiscard={() => discard.mutate(item.mutationId)}
            />
          ))
        )}
      </section>
      <ConflictsPanel userId={props.userId} />
      <section aria-labelledby="g-review-log" className="mb-4">
        <h2 id="g-review-log" className="h5">
          Registro delle decisioni
        </h2>
        {log.length === 0 ? <p>Nessuna decisione registrata su questa postazione.</p> : log.map((item) => <ReviewItemCard key={item.mutationId} item={item} busy />)}
      </section>
      <section aria-labelledby="g-review-support">
        <h2 id="g-review-support" className="h5">
          Assistenza
        </h2>
        <DiagnosticsButton />
      </section>
    </section>
  );
}
