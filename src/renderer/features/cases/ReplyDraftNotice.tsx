import { useQueryClient } from '@tanstack/react-query';
import { Alert } from '../../components/Alert';
import { routeHref } from '../../lib/route';
import { retryReplyLink, usePendingReply } from './reply-link';

/** Shown in Registra while the draft is a case's reply, and after registering it. */
export function ReplyDraftNotice(props: { draftId: string; registered: boolean }) {
  const qc = useQueryClient();
  const p = usePendingReply(props.draftId);
  if (!p) return null;
  const back = (
    <a href={routeHref({ screen: 'pratica', id: p.caseId })} className="ms-1">
      Torna alla pratica
    </a>
  );
  if (!props.registered || p.state === 'in_attesa') {
    return (
      <Alert kind="info" title="Risposta a una pratica">
        Bozza di risposta alla pratica «{p.caseTitle}»: registrata, sarà collegata alla pratica come risposta.{back}
      </Alert>
    );
  }
  if (p.state === 'errore') {
    return (
      <Alert kind="warning" title="Risposta registrata, ma non collegata alla pratica">
        {p.error}{' '}
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void retryReplyLink(qc)}>
          Riprova a collegare
        </button>
        {back}
      </Alert>
    );
  }
  return (
    <Alert kind="success" title="Risposta collegata alla pratica">
      La registrazione è collegata alla pratica «{p.caseTitle}» come risposta. Quando la risposta è spedita, segna «Risposta inviata» nella pratica.{back}
    </Alert>
  );
}
