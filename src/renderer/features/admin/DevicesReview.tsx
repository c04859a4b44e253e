import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { ErrorAlert } from '../../components/Alert';
import type { DeviceReviewItem } from '../../../shared/contract';

const when = (iso: string) => new Date(iso).toLocaleString('it-IT', { timeZone: 'Europe/Rome' });

/** Changes sent by revoked devices: never applied; the administrator records what was done. */
export function DevicesReview() {
  const qc = useQueryClient();
  const items = useQuery({ queryKey: ['devices', 'review'], queryFn: () => send('devices.reviewList', {}) });
  const [notes, setNotes] = useState<Record<string, string>>({});
  const resolve = useMutation({
    mutationFn: (i: DeviceReviewItem) => send('devices.reviewResolve', { id: i.id, resolution: notes[i.id] ?? '' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['devices'] }),
  });
  const list = items.data ?? [];
  return (
    <section aria-labelledby="g-device-review" className="mt-4">
      <h2 id="g-device-review" className="h5">
        Modifiche da postazioni revocate
      </h2>
      <ErrorAlert error={items.error ?? resolve.error} />
      {list.length === 0 && <p>Nessuna modifica da verificare.</p>}
      <ul className="list-unstyled">
        {list.map((i) => (
          <li key={i.id} className="g-panel mb-2">
            <p className="mb-1">
              <strong>{i.name}</strong> dalla postazione {i.deviceCode}, utente {i.userName || i.userId}, ricevuta il {when(i.receivedAt)}
            </p>
            <details>
              <summary>Contenuto</summary>
              <pre className="small">{JSON.stringify(i.payload, null, 2)}</pre>
            </details>
            <label className="form-label" htmlFor={`g-review-${i.id}`}>
              Come è stata gestita
            </label>
            <input
              id={`g-review-${i.id}`}
              className="form-control mb-2"
              value={notes[i.id] ?? ''}
              onChange={(e) => setNotes({ ...notes, [i.id]: e.target.value })}
            />
            <button type="button" className="btn btn-outline-primary btn-sm" disabled={resolve.isPending} onClick={() => resolve.mutate(i)}>
              Segna come verificata
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
