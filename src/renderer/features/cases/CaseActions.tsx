import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/Alert';
import { navigate } from '../../app/use-route';
import type { CaseDto, SessionUser } from '../../../shared/contract';
import { allowedTransitions, canTransition, isOpenState, suspendableStates, type CaseState } from '../../../shared/domain/cases/states';
import { draftStore, type RegisterDraft } from '../protocol/register-draft';
import { SubmitSignatureForm } from '../signature/SubmitSignatureForm';
import { AssignForm } from './AssignForm';
import { CloseForm, NoteForm, RefuseForm, ReplySentForm, ResumeForm, SuspendForm, TransitionForm } from './CaseActionForms';
import { draftHasWork, replyDraftOf, startReply } from './reply-link';
import { useCaseAction } from './use-case-data';

type DialogKind = 'assegna' | 'rifiuta' | 'sospendi' | 'riprendi' | 'stato' | 'nota' | 'inviata' | 'chiudi' | 'firma' | 'sostituisci';

const titles: Record<DialogKind, string> = {
  assegna: 'Assegna la pratica',
  rifiuta: "Rifiuta l'assegnazione",
  sospendi: 'Sospendi il termine',
  riprendi: 'Riprendi il termine',
  stato: 'Cambia stato',
  nota: 'Aggiungi nota',
  inviata: 'Risposta inviata',
  chiudi: 'Chiudi la pratica',
  firma: 'Invia al libro firma',
  sostituisci: 'Sostituire la registrazione in corso?',
};

/** States with their own button (Chiudi, Archivia, Risposta inviata) are left out of "Cambia stato". */
const ownButton: readonly CaseState[] = ['chiusa', 'archiviata', 'risposta_inviata'];

/** The actions a case's state allows; each result is announced in a polite live region. */
export function CaseActions(props: { c: CaseDto; user: SessionUser }) {
  const c = props.c;
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [message, setMessage] = useState('');
  const [replyDraft, setReplyDraft] = useState<RegisterDraft | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const acted = useRef(false);
  const done = (text: string) => () => {
    acted.current = true;
    setDialog(null);
    setMessage(text);
  };
  // An action may remove its own button (Prendi in carico, Sospendi…): the focus would fall to
  // the page's body, so it goes to the actions' heading instead (WCAG 2.4.3 focus order).
  useEffect(() => {
    if (acted.current && (document.activeElement === document.body || !document.activeElement)) headingRef.current?.focus();
  }, [c.version, c.state]);
  const take = useCaseAction('cases.takeCharge', done('Pratica presa in carico.'));
  const archive = useCaseAction('cases.archive', done('Pratica archiviata.'));
  const goToRegistra = (draft: RegisterDraft) => {
    startReply({ id: c.id, title: c.title }, draft);
    navigate({ screen: 'registra' });
  };
  const prepare = useMutation({
    mutationFn: async () => {
      const reply = await send('cases.replyDraft', { caseId: c.id });
      const titolario = reply.classificationCode ? await qc.fetchQuery({ queryKey: queryKeys.titolario, queryFn: () => send('titolario.list', {}), staleTime: 300_000 }) : [];
      return replyDraftOf(reply, titolario.find((n) => n.code === reply.classificationCode)?.title ?? null);
    },
    onSuccess: (draft) => {
      // Registra may hold a registration the clerk is typing: never replace it silently.
      if (draftHasWork(draftStore.load())) {
        setReplyDraft(draft);
        setDialog('sostituisci');
      } else goToRegistra(draft);
    },
  });

  const open = isOpenState(c.state);

  const targets = allowedTransitions(c.state).filter((s) => !ownButton.includes(s));
  const replies = c.links.filter((l) => l.role === 'risposta');
  const isMine = (a: CaseDto['assignments'][number]) => (a.assigneeType === 'utente' ? a.assigneeId === props.user.id : a.assigneeId === props.user.officeId);
  const competenze = c.assignments.filter((a) => a.kind === 'competenza' && (a.state === 'assegnato' || a.state === 'preso_in_carico'));
  // Taking in charge needs the competenza to be mine or my office's (or no competenza at all).
  const canTake = open && c.state !== 'sospesa' && c.ownerId !== props.user.id && (competenze.length === 0 || competenze.some(isMine));
  const mine = c.assignments.find((a) => a.state === 'assegnato' && isMine(a));
  const canPrepare = c.state === 'in_istruttoria' || c.state === 'risposta_in_preparazione';
  const error = take.error ?? archive.error ?? prepare.error;

  const button = (label: string, onClick: () => void, primary = false) => (
    <button type="button" className={`btn btn-sm ${primary ? 'btn-primary' : 'btn-outline-primary'}`} onClick={onClick}>
      {label}
    </button>
  );

  return (
    <section aria-labelledby="g-case-actions" className="g-panel">
      <h2 id="g-case-actions" className="h5" tabIndex={-1} ref={headingRef}>
        Azioni
      </h2>
      <div className="g-actions">
        {canTake && button(take.isPending ? 'Presa in carico…' : 'Prendi in carico', () => take.mutate({ caseId: c.id }), true)}
        {canPrepare && button(prepare.isPending ? 'Preparazione…' : 'Prepara risposta', () => prepare.mutate(), true)}
        {c.state === 'risposta_in_preparazione' && replies.length > 0 && button('Risposta inviata', () => setDialog('inviata'), true)}
        {open && button('Assegna', () => setDialog('assegna'))}
        {mine && button('Rifiuta', () => setDialog('rifiuta'))}
        {suspendableStates.includes(c.state) && button('Sospendi', () => setDialog('sospendi'))}
        {c.state === 'sospesa' && button('Riprendi', () => setDialog('riprendi'), true)}
        {targets.length > 0 && button('Cambia stato', () => setDialog('stato'))}
        {c.state !== 'archiviata' && button('Aggiungi nota', () => setDialog('nota'))}
        {open && button('Invia al libro firma', () => setDialog('firma'))}
        {canTransition(c.state, 'chiusa') && button('Chiudi', () => setDialog('chiudi'))}
        {c.state === 'chiusa' && button(archive.isPending ? 'Archiviazione…' : 'Archivia', () => archive.mutate({ caseId: c.id }))}
      </div>
      <p role="status" aria-live="polite" className="mb-0">
        {message}
      </p>
      <ErrorAlert error={error} />
      <Dialog open={dialog !== null} title={dialog ? titles[dialog] : ''} onClose={() => setDialog(null)}>
        {dialog === 'assegna' && <AssignForm c={c} onDone={done('Assegnazione registrata.')} />}
        {dialog === 'rifiuta' && mine && <RefuseForm caseId={c.id} assignmentId={mine.id} onDone={done('Assegnazione rifiutata.')} />}
        {dialog === 'sospendi' && <SuspendForm caseId={c.id} onDone={done('Termine sospeso.')} />}
        {dialog === 'riprendi' && <ResumeForm caseId={c.id} onDone={done('Termine ripreso: scadenza ricalcolata.')} />}
        {dialog === 'stato' && <TransitionForm caseId={c.id} targets={targets} onDone={done('Stato cambiato.')} />}
        {dialog === 'nota' && <NoteForm caseId={c.id} onDone={done('Nota aggiunta.')} />}
        {dialog === 'inviata' && <ReplySentForm caseId={c.id} replies={replies} onDone={done('Risposta segnata come inviata.')} />}
        {dialog === 'chiudi' && <CloseForm caseId={c.id} onDone={done('Pratica chiusa.')} />}
        {dialog === 'firma' && <SubmitSignatureForm c={c} onDone={done('Documento inviato al libro firma.')} />}
        {dialog === 'sostituisci' && replyDraft && (
          <>
            <p>Nel modulo Registra c&apos;è una registrazione non ancora salvata. La bozza di risposta la sostituirà.</p>
            <div className="g-actions">
              <button type="button" className="btn btn-primary" onClick={() => goToRegistra(replyDraft)}>
                Sostituisci con la bozza di risposta
              </button>
              <button type="button" className="btn btn-outline-secondary" onClick={() => setDialog(null)}>
                Annulla
              </button>
            </div>
          </>
        )}
      </Dialog>
    </section>
  );
}
