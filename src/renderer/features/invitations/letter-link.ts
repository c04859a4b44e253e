import { useSyncExternalStore } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { errorMessage } from '../../lib/field-errors';
import type { Correspondent, LetterDraft } from '../../../shared/contract';
import { draftStore, emptyDraft, type DraftCorrespondent, type RegisterDraft } from '../protocol/register-draft';

/**
 * "Prepara lettera": the reply declining an invitation, or the letter delegating an Assessore,
 * is drafted in the ordinary Registra form (prefilled by invitations.letterDraft) and, once
 * registered, linked to the decision with invitations.linkLetter. The draft's client id is the
 * entry's id, so only that draft is linked: a registration started afresh never is.
 */
export interface PendingLetter {
  invitationId: string;
  invitationTitle: string;
  kind: 'risposta' | 'delega';
  draftId: string;
  state: 'in_attesa' | 'collegata' | 'errore';
  entryId: string | null;
  error: string | null;
}

let pending: PendingLetter | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function correspondentOf(c: Correspondent, index: number): DraftCorrespondent {
  const detail = c.pec ?? c.email ?? '';
  if (c.contactId) return { key: c.contactId, contactId: c.contactId, name: c.name, detail };
  return {
    key: `lettera-${index}`,
    newContact: { name: c.name, kind: c.kind, pec: c.pec ?? '', email: c.email ?? '', ipaCode: c.ipaCode ?? '' },
    name: c.name,
    detail: detail || 'nuovo contatto',
  };
}

/** The Registra draft of the letter: outgoing, to the inviter (or the delegate), its classification. */
export function letterDraftOf(l: LetterDraft): RegisterDraft {
  return {
    ...emptyDraft(),
    direction: l.direction,
    oggetto: l.oggetto,
    correspondents: l.correspondents.map(correspondentOf),
    classification: l.classificationCode ? { code: l.classificationCode, title: '' } : null,
  };
}

/** Puts the letter in the Registra form and remembers which invitation it answers. */
export function startLetter(inv: { id: string; title: string }, kind: PendingLetter['kind'], draft: RegisterDraft): void {
  draftStore.save(draft);
  pending = { invitationId: inv.id, invitationTitle: inv.title, kind, draftId: draft.id, state: 'in_attesa', entryId: null, error: null };
  notify();
}

/** Called by Registra after every registration: links the entry when the draft was this letter. */
export async function linkRegisteredLetter(draftId: string, entryId: string, qc?: QueryClient): Promise<void> {
  const p = pending;
  if (!p || p.draftId !== draftId || p.state === 'collegata') return;
  try {
    await send('invitations.linkLetter', { id: p.invitationId, letterEntryId: entryId });
    pending = { ...p, state: 'collegata', entryId, error: null };
  } catch (err) {
    pending = { ...p, state: 'errore', entryId, error: errorMessage(err) };
  }
  notify();
  void qc?.invalidateQueries({ queryKey: ['agenda'] });
}

/** Retries a link that failed; the letter is already registered. */
export async function retryLetterLink(qc?: QueryClient): Promise<void> {
  const p = pending;
  if (!p || p.state !== 'errore' || !p.entryId) return;
  pending = { ...p, state: 'in_attesa' };
  await linkRegisteredLetter(p.draftId, p.entryId, qc);
}

/** The pending letter for this Registra draft, re-rendering when its link state changes. */
export function usePendingLetter(draftId: string): PendingLetter | null {
  const p = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => pending,
  );
  return p && p.draftId === draftId ? p : null;
}
