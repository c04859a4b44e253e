import type { Handlers } from '../../../../shared/contract';
import { requireUser, type DeskContext, type DeskDeps } from '../../deps';
import { listInvitations } from './repository';
import { decideInvitationCall, letterDraft, linkLetterCall, recordInvitationCall } from './service';

type InvitationHandlers = Pick<Handlers<DeskContext>, `invitations.${string}` & keyof Handlers<DeskContext>>;

/** invitations.*: the Mayor's invitations inbox. */
export function invitationHandlers(d: DeskDeps): InvitationHandlers {
  return {
    'invitations.list': (input) => listInvitations(d.db, input.state),
    'invitations.record': (input, ctx) => recordInvitationCall(d, input, requireUser(ctx)),
    'invitations.decide': (input, ctx) => decideInvitationCall(d, input, requireUser(ctx)),
    'invitations.letterDraft': (input) => letterDraft(d, input.id),
    'invitations.linkLetter': (input, ctx) => linkLetterCall(d, input, requireUser(ctx)),
  };
}
