import { send } from '../../api/client';
import type { Correspondent, OutputOf } from '../../../shared/contract';
import { emptyDraft, type DraftCorrespondent, type RegisterDraft } from '../protocol/register-draft';
import { draftCorrespondentOf as correspondentOf, linkAfterRegistration, type Pending } from '../protocol/link-after-registration';

/**
 * "Prepara risposta": the reply is drafted in the ordinary Registra form (an outgoing entry, to
 * the requester), and once registered it is linked to the case with role 'risposta'
 * (link-after-registration.ts).
 */
export type PendingReply = Pending<{ caseId: string; caseTitle: string }>;

const replies = linkAfterRegistration<{ caseId: string; caseTitle: string }>({
  link: (p, entryId) => send('cases.linkEntry', { caseId: p.caseId, entryId, role: 'risposta' }),
  invalidates: 'cases',
});

/** A correspondent of the reply as the form holds it: from the address book, or to be created. */
export function draftCorrespondentOf(c: Correspondent, index: number): DraftCorrespondent {
  return correspondentOf(c, `reply-${index}`);
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
  replies.start({ caseId: caseRef.id, caseTitle: caseRef.title }, draft);
}

export const linkRegisteredReply = replies.linkRegistered;
export const retryReplyLink = replies.retry;
export const pendingReply = replies.current;
export const usePendingReply = replies.usePending;
