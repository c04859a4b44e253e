import { parseInput } from '../../../shared/contract/procedure';
import {
  agendaCreateInput,
  agendaDelegateInput,
  agendaDeleteInput,
  agendaUpdateInput,
  invitationDecideInput,
  invitationLetterInput,
  invitationRecordInput,
  personUpsertInput,
  roomUpsertInput,
  templateUpsertInput,
} from '../../../shared/contract/agenda';
import type { MutationHandler } from '../../sync/mutation-handler';
import { decideOnRegister, linkLetterOnRegister, recordOnRegister } from './invitations';
import { applyAgenda } from './service';
import { upsertPerson, upsertRoom, upsertTemplate } from './settings';

/** Agenda, rooms and invitations mutations as pushed by the desks (issue 5). */
export const agendaMutations = {
  'agenda.create': (ctx, raw) => applyAgenda(ctx, { name: 'agenda.create', args: parseInput(agendaCreateInput, raw) }),
  'agenda.update': (ctx, raw) => applyAgenda(ctx, { name: 'agenda.update', args: parseInput(agendaUpdateInput, raw) }),
  'agenda.delete': async (ctx, raw) => {
    await applyAgenda(ctx, { name: 'agenda.delete', args: parseInput(agendaDeleteInput, raw) });
    return { ok: true as const };
  },
  'agenda.delegate': (ctx, raw) => applyAgenda(ctx, { name: 'agenda.delegate', args: parseInput(agendaDelegateInput, raw) }),
  'agenda.upsertPerson': (ctx, raw) => upsertPerson(ctx, parseInput(personUpsertInput, raw)),
  'agenda.upsertRoom': (ctx, raw) => upsertRoom(ctx, parseInput(roomUpsertInput, raw)),
  'agenda.upsertTemplate': (ctx, raw) => upsertTemplate(ctx, parseInput(templateUpsertInput, raw)),
  'invitations.record': (ctx, raw) => recordOnRegister(ctx, parseInput(invitationRecordInput, raw)),
  'invitations.decide': (ctx, raw) => decideOnRegister(ctx, parseInput(invitationDecideInput, raw)),
  'invitations.linkLetter': (ctx, raw) => linkLetterOnRegister(ctx, parseInput(invitationLetterInput, raw)),
} satisfies Record<string, MutationHandler>;
