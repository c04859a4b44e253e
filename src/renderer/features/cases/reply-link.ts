import { useSyncExternalStore } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { errorMessage } from '../../lib/field-errors';
import type { Correspondent, OutputOf } from '../../../shared/contract';
import { draftStore, emptyDraft, type DraftCorrespondent, type RegisterDraft } from '../protocol/register-draft';

/**
 * "Prepara risposta": the reply is drafted in the ordinary Registra form (an outgoing entry, to
 * the requester), and once registered it is linked to the case with role 'risposta'. The draft's
 * client id is the entry's id, so the link is keyed by it: a draft started afresh in Registra is
 * not a reply and is never linked.
 */
export interface PendingReply {
  caseId: string;
  caseTitle: string;
  draftId: string;
  state: 'in_attesa' | 'collegata' | 'errore';
  entryId: string | null;
  error: string | null;
}

let pending: PendingReply | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

/** A correspondent of the reply as the form holds it: from the address book, or to be created. */
export function draftCorrespondentOf(c: Correspondent, index: number): DraftCorrespondent {
  const detail = c.pec ?? c.email ?? '';
  if (c.contactId) return { key: c.contactId, contactId: c.contactId, name: c.name, detail };
  return {
    key: `reply-${index}`,
    newContact: { name: c.name, kind: c.kind, pec: c.pec ?? '', email: c.email ?? '', ipaCode: c.ipaCode ?? '' },
    name: c.name,
    detail: detail || 'nuovo contatto',
  };
}

/** The Registra draft of a reply: outgoing, to the requester, same oggetto and classification. */
export function replyDraftOf(reply: OutputOf<'cases.replyDraft'>, classificationTitle: string | null): RegisterDraft {
  return {
    ...emptyDraft(),
    direction: reply.direction,
    oggetto: reply.oggetto,
    correspondents: reply.correspondents.map(draftCorrespondentOf),
    classification: reply.classificationCode ? { code: reply.classificationCode, title: classificationTitle ?? '' } : null,
  };
}

/** Whether the Registra form holds work the clerk typed (which a reply draft would replace). */
export function draftHasWork(d: RegisterDraft): boolean {
  return d.oggetto.trim() !== '' || d.correspondents.length > 0 || d.primaryDocument !== null || d.attachments.length > 0 || d.notes.trim() !== '';
}

/** Puts the reply draft in the Registra form and remembers which case it answers. */
export function startReply(caseRef: { id: string; title: string }, draft: RegisterDraft): void {
  draftStore.save(draft);
  pending = { caseId: caseRef.id, caseTitle: caseRef.title, draftId: draft.id, state: 'in_attesa', entryId: null, error: null };
  notify();
}

/** Called by Registra after every registration: links the entry when the draft was a reply. */
export async function linkRegisteredReply(draftId: string, entryId: string, qc?: QueryClient): Promise<void> {
  const p = pending;
  if (!p || p.draftId !== draftId || p.state === 'collegata') return;
  try {
    await send('cases.linkEntry', { caseId: p.caseId, entryId, role: 'risposta' });
    pending = { ...p, state: 'collegata', entryId, error: null };
  } catch (err) {
    pending = { ...p, state: 'errore', entryId, error: errorMessage(err) };
  }
  notify();
  void qc?.invalidateQueries({ queryKey: ['cases'] });
}

/** Retries a link that failed (e.g. the desk was busy); the entry is already registered. */
export async function retryReplyLink(qc?: QueryClient): Promise<void> {
  const p = pending;
  if (!p || p.state !== 'errore' || !p.entryId) return;
  pending = { ...p, state: 'in_attesa' };
  await linkRegisteredReply(p.draftId, p.entryId, qc);
}

export function pendingReply(): PendingReply | null {
  return pending;
}

/** The pending reply for this draft, re-rendering when its link state changes. */
export function usePendingReply(draftId: string): PendingReply | null {
  const p = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => pending,
  );
  return p && p.draftId === draftId ? p : null;
}
