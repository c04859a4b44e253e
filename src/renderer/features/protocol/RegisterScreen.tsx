import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { matchesShortcut } from '../../lib/shortcuts';
import { AppError, parseInput, registerInput, type EmergencyRegisterResult, type RegisterResult } from '../../../shared/contract';
import { EmergencyBanner } from '../emergency/EmergencyBanner';
import { EmergencyOpenPanel } from '../emergency/EmergencyOpenPanel';
import { EmergencySuccess } from '../emergency/EmergencySuccess';
import { useEmergencyStatus } from '../emergency/use-emergency';
import { fieldErrorsOf, type FieldErrors } from '../../lib/field-errors';
import { draftStore, emptyDraft, buildRegisterInput, type RegisterDraft } from './register-draft';
import { RegisterForm } from './RegisterForm';
import { RegisterSuccess } from './RegisterSuccess';
import { ReplyDraftNotice } from '../cases/ReplyDraftNotice';
import { linkRegisteredReply } from '../cases/reply-link';
import { LetterDraftNotice } from '../invitations/LetterDraftNotice';
import { linkRegisteredLetter } from '../invitations/letter-link';

/** Registra: the form, then the assigned number; Alt+N (or Ctrl+Shift+N) starts again. */
export function RegisterScreen() {
  const qc = useQueryClient();
  const [draft, setDraftState] = useState<RegisterDraft>(() => draftStore.load());
  const [result, setResult] = useState<RegisterResult | EmergencyRegisterResult | null>(null);
  // Art. 63: while the emergency register is open on this desk, registrations go into it.
  const emergency = useEmergencyStatus();
  const emergencyOpen = !!emergency.data?.open;
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const firstFieldRef = useRef<HTMLInputElement>(null);

  const setDraft = useCallback((update: (d: RegisterDraft) => RegisterDraft) => {
    setDraftState((d) => {
      const next = update(d);
      draftStore.save(next);
      return next;
    });
    // The page's own check ran on the old draft: once the clerk edits, its messages are stale
    // (e.g. "Indica almeno un corrispondente" after a sender was picked). The next submit re-checks.
    setClientErrors((e) => (Object.keys(e).length ? {} : e));
  }, []);

  const m = useMutation({
    mutationFn: async (d: RegisterDraft): Promise<RegisterResult | EmergencyRegisterResult> => {
      const open = (await send('emergency.status', {})).open;
      return open ? send('emergency.register', buildRegisterInput(d)) : send('protocol.register', buildRegisterInput(d));
    },
    onSuccess: (r, d) => {
      // A case's reply drafted here is linked to the case once registered (issue 4).
      void linkRegisteredReply(d.id, r.entry.id, qc);
      // An invitation's reply or delegation letter is linked to the decision (issue 5).
      void linkRegisteredLetter(d.id, r.entry.id, qc);
      draftStore.clear();
      setResult(r);
      void qc.invalidateQueries({ queryKey: ['protocol'] });
      void qc.invalidateQueries({ queryKey: ['directory'] });
    },
  });

  const submit = () => {
    if (m.isPending) return;
    // Validate on the page first with the contract's own schema: same Italian messages, no round trip.
    try {
      parseInput(registerInput, buildRegisterInput(draft));
      setClientErrors({});
    } catch (err) {
      setClientErrors(fieldErrorsOf(err));
      m.reset();
      return;
    }
    m.mutate(draft);
  };

  const startNew = useCallback(() => {
    const d = emptyDraft();
    draftStore.save(d);
    setDraftState(d);
    setResult(null);
    setClientErrors({});
    m.reset();
    // Focus after the form is back in the document.
    setTimeout(() => firstFieldRef.current?.focus(), 0);
  }, [m]);

  // Keyboard-first: arriving on Registra puts the cursor in the form at once.
  useEffect(() => {
    if (!result) firstFieldRef.current?.focus();
  }, [result]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (matchesShortcut(e, 'Alt+N') || matchesShortcut(e, 'Ctrl+Shift+N')) {
        e.preventDefault();
        startNew();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [startNew]);

  if (result) {
    return (
      <>
        <ReplyDraftNotice draftId={draft.id} registered />
        <LetterDraftNotice draftId={draft.id} registered />
        {'emergencyNumber' in result ? <EmergencySuccess result={result} onNew={startNew} /> : <RegisterSuccess result={result} onNew={startNew} />}
      </>
    );
  }
  const offline = m.error instanceof AppError && m.error.code === 'OFFLINE' && !emergencyOpen;
  const errors = Object.keys(clientErrors).length ? clientErrors : fieldErrorsOf(m.error);
  return (
    <>
    <EmergencyBanner />
    <ReplyDraftNotice draftId={draft.id} registered={false} />
    <LetterDraftNotice draftId={draft.id} registered={false} />
    {offline && <EmergencyOpenPanel onOpened={() => m.mutate(draft)} />}
    <RegisterForm
      draft={draft}
      setDraft={setDraft}
      errors={errors}
      submitError={m.error ?? (Object.keys(clientErrors).length ? 'Alcuni dati non sono validi: controlla i campi evidenziati.' : null)}
      pending={m.isPending}
      onSubmit={submit}
      firstFieldRef={firstFieldRef}
    />
    </>
  );
}
