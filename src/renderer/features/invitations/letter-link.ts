import { send } from '../../api/client';
import type { LetterDraft } from '../../../shared/contract';
import { emptyDraft, type RegisterDraft } from '../protocol/register-draft';
import { draftCorrespondentOf, linkAfterRegistration, type Pending } from '../protocol/link-after-registration';

/**
 * "Prepara lettera": the reply declining an invitation, or the letter delegating an Assessore,
 * is drafted in the ordinary Registra form (prefilled by invitations.letterDraft) and, once
 * registered, linked to the decision with invitations.linkLetter (link-after-registration.ts).
 */
interface LetterFor {
  invitationId: string;
  invitationTitle: string;
  kind: 'risposta' | 'delega';
}
export type PendingLetter = Pending<LetterFor>;

const letters = linkAfterRegistration<LetterFor>({
  link: (p, entryId) => send('invitations.linkLetter', { id: p.invitationId, letterEntryId: entryId }),
  invalidates: 'agenda',
});

/** The Registra draft of the letter: outgoing, to the inviter (or the delegate), its classification. */
export function letterDraftOf(l: LetterDraft): RegisterDraft {
  return {
    ...emptyDraft(),
    direction: l.direction,
    oggetto: l.oggetto,
    correspondents: l.correspondents.map((c, i) => draftCorrespondentOf(c, `lettera-${i}`)),
    classification: l.classificationCode ? { code: l.classificationCode, title: '' } : null,
  };
}

/** Puts the letter in the Registra form and remembers which invitation it answers. */
export function startLetter(inv: { id: string; title: string }, kind: LetterFor['kind'], draft: RegisterDraft): void {
  letters.start({ invitationId: inv.id, invitationTitle: inv.title, kind }, draft);
}

export const linkRegisteredLetter = letters.linkRegistered;
export const retryLetterLink = letters.retry;
export const usePendingLetter = letters.usePending;
