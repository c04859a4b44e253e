import { useQueryClient } from '@tanstack/react-query';
import { Alert } from '../../components/Alert';
import { routeHref } from '../../lib/route';
import { retryLetterLink, usePendingLetter } from './letter-link';

/** Shown in Registra while the draft is an invitation's letter, and after registering it. */
export function LetterDraftNotice(props: { draftId: string; registered: boolean }) {
  const qc = useQueryClient();
  const p = usePendingLetter(props.draftId);
  if (!p) return null;
  const what = p.kind === 'delega' ? 'Lettera di delega' : 'Risposta';
  const back = (
    <a href={routeHref({ screen: 'inviti' })} className="ms-1">
      Torna agli inviti
    </a>
  );
  if (!props.registered || p.state === 'in_attesa') {
    return (
      <Alert kind="info" title={`${what} a un invito`}>
        Bozza per l'invito «{p.invitationTitle}»: registrata, sarà collegata alla decisione.{back}
      </Alert>
    );
  }
  if (p.state === 'errore') {
    return (
      <Alert kind="warning" title="Lettera registrata, ma non collegata all'invito">
        {p.error}{' '}
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void retryLetterLink(qc)}>
          Riprova a collegare
        </button>
        {back}
      </Alert>
    );
  }
  return (
    <Alert kind="success" title="Lettera collegata all'invito">
      La registrazione è collegata alla decisione sull'invito «{p.invitationTitle}».{back}
    </Alert>
  );
}
