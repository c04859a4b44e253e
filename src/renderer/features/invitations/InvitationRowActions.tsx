import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { ErrorAlert } from '../../components/Alert';
import { navigate } from '../../app/use-route';
import { routeHref } from '../../lib/route';
import type { InvitationDto, ProtocolEntry } from '../../../shared/contract';
import { EntryPicker, entryLabel, useEntryLabels } from '../agenda/EntryPicker';
import { agendaViewState } from '../agenda/view-state';
import { letterDraftOf, startLetter } from './letter-link';
import type { Decision } from './DecisionForm';

/** The buttons of an invitation's row: decide, prepare or link the letter, see it in the agenda. */
export function InvitationRowActions(props: { invitation: InvitationDto; canDecide: boolean; onDecide: (d: Decision) => void; onLink: () => void }) {
  const inv = props.invitation;
  const letterId = inv.decision?.letterEntryId ?? null;
  const labels = useEntryLabels(letterId ? [letterId] : []);
  const needsLetter = (inv.state === 'declinato' || inv.state === 'delegato') && !letterId;
  const prepare = useMutation({
    mutationFn: () => send('invitations.letterDraft', { id: inv.id }),
    onSuccess: (draft) => {
      startLetter({ id: inv.id, title: inv.title }, inv.state === 'delegato' ? 'delega' : 'risposta', letterDraftOf(draft));
      navigate({ screen: 'registra' });
    },
  });
  const name = `«${inv.title}»`;
  return (
    <div className="d-flex flex-wrap gap-1">
      {props.canDecide && inv.state === 'da_decidere' && (
        <>
          <button type="button" className="btn btn-primary btn-sm" aria-label={`Accetta ${name}`} onClick={() => props.onDecide('accetta')}>
            Accetta
          </button>
          <button type="button" className="btn btn-outline-primary btn-sm" aria-label={`Declina ${name}`} onClick={() => props.onDecide('declina')}>
            Declina
          </button>
          <button type="button" className="btn btn-outline-primary btn-sm" aria-label={`Delega ${name}`} onClick={() => props.onDecide('delega')}>
            Delega
          </button>
        </>
      )}
      {props.canDecide && needsLetter && (
        <>
          <button type="button" className="btn btn-outline-primary btn-sm" aria-label={`Prepara lettera per ${name}`} disabled={prepare.isPending} onClick={() => prepare.mutate()}>
            Prepara lettera
          </button>
          <button type="button" className="btn btn-link btn-sm" aria-label={`Collega lettera già registrata per ${name}`} onClick={props.onLink}>
            Collega lettera
          </button>
        </>
      )}
      {letterId && (
        <a href={routeHref({ screen: 'dettaglio', id: letterId })} className="btn btn-link btn-sm">
          Lettera {labels.get(letterId)}
        </a>
      )}
      {inv.eventId && (inv.state === 'accettato' || inv.state === 'delegato') && (
        <button
          type="button"
          className="btn btn-link btn-sm"
          aria-label={`Vedi ${name} in agenda`}
          onClick={() => {
            agendaViewState.view = 'giorno';
            agendaViewState.date = inv.eventStart.slice(0, 10);
            agendaViewState.person = '';
            navigate({ screen: 'agenda' });
          }}
        >
          Vedi in agenda
        </button>
      )}
      <ErrorAlert error={prepare.error} />
    </div>
  );
}

/** Links a letter registered without "Prepara lettera" (or whose automatic link failed). */
export function LinkLetterForm(props: { invitation: InvitationDto; onDone: () => void }) {
  const qc = useQueryClient();
  const [entry, setEntry] = useState<ProtocolEntry | null>(null);
  const link = useMutation({
    mutationFn: () => send('invitations.linkLetter', { id: props.invitation.id, letterEntryId: entry?.id ?? '' }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['agenda'] });
      props.onDone();
    },
  });
  return (
    <div>
      <p>Invito «{props.invitation.title}»: scegli la lettera di risposta o di delega già registrata.</p>
      <EntryPicker label="Lettera registrata" inputId="g-inv-letter" onPick={setEntry} />
      {entry && <p className="g-picked">Scelta: {entryLabel(entry)}</p>}
      <ErrorAlert error={link.error} />
      <button type="button" className="btn btn-primary" disabled={!entry || link.isPending} onClick={() => link.mutate()}>
        Collega
      </button>
    </div>
  );
}
