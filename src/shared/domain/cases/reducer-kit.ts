import type { z } from 'zod';
import { AppError } from '../../contract/errors';
import type {
  CaseDto,
  CaseEventDto,
  CaseEventKind,
  CaseLinkRole,
  CaseRequester,
  CaseSettingsDto,
  CaseTypeDto,
  caseAssignInput,
  caseCloseInput,
  caseNoteInput,
  caseOpenInput,
  caseRefuseInput,
  caseReplySentInput,
  caseResumeInput,
  caseSuspendInput,
  caseTransitionInput,
  hearingAdvanceInput,
  patronageDecideInput,
  patronageUpdateInput,
} from '../../contract/cases';
import type { Direction } from '../../contract/protocol';
import { caseStateLabels, isOpenState } from './states';

/**
 * Types and small helpers of the shared case reducer (reducer.ts): the desk applies an action
 * optimistically and the register server applies the same action with authority, so both must
 * build the same row and the same timeline from the same inputs.
 */

export interface CaseActor {
  id: string;
  name: string;
  officeId: string | null;
}

/** The protocol entry an action refers to (open, linkEntry, replySent). */
export interface CaseEntryInfo {
  id: string;
  /** Segnatura or emergency number as people read it. */
  label: string;
  direction: Direction;
  /** 'YYYY-MM-DD': the registration day, or the emergency day (DPR 445/2000 art. 63). */
  legalDate: string;
  oggetto: string;
  requester: CaseRequester | null;
  classificationCode: string | null;
}

export interface CaseReduceCtx {
  /** ISO instant of the action (server time on the server, mutation time on the desk). */
  now: string;
  /** Rome calendar day of `now`. */
  today: string;
  actor: CaseActor;
  /** Ids of events and assignments derive from it: desk and server produce the SAME ids. */
  mutationId: string;
  /** The case's type rule (after open: the current row of case_types). */
  type: CaseTypeDto;
  settings: CaseSettingsDto;
  names: { office(id: string): string | null; user(id: string): string | null };
  entry?: CaseEntryInfo | null;
}

type Out<S extends z.ZodType> = z.output<S>;
type WithCase = { caseId: string };

/** One action per case mutation; `args` are the parsed contract input. */
export type CaseAction =
  | { name: 'cases.open'; args: Out<typeof caseOpenInput> }
  | { name: 'cases.linkEntry'; args: WithCase & { entryId: string; role: CaseLinkRole } }
  | { name: 'cases.assign'; args: Out<typeof caseAssignInput> }
  | { name: 'cases.takeCharge'; args: WithCase }
  | { name: 'cases.refuse'; args: Out<typeof caseRefuseInput> }
  | { name: 'cases.transition'; args: Out<typeof caseTransitionInput> }
  | { name: 'cases.suspend'; args: Out<typeof caseSuspendInput> }
  | { name: 'cases.resume'; args: Out<typeof caseResumeInput> }
  | { name: 'cases.addNote'; args: Out<typeof caseNoteInput> }
  | { name: 'cases.replySent'; args: Out<typeof caseReplySentInput> }
  | { name: 'cases.close'; args: Out<typeof caseCloseInput> }
  | { name: 'cases.archive'; args: WithCase }
  | { name: 'cases.updatePatronage'; args: Out<typeof patronageUpdateInput> }
  | { name: 'cases.decidePatronage'; args: Out<typeof patronageDecideInput> }
  | { name: 'cases.advanceHearing'; args: Out<typeof hearingAdvanceInput> };

export type CaseActionName = CaseAction['name'];
export type CaseEventDraft = Omit<CaseEventDto, 'version'>;
export interface CaseReduction {
  next: CaseDto;
  events: CaseEventDraft[];
}

import { derivedId } from '../ids';
export { derivedId };

export function invalid(message: string, details?: unknown): never {
  throw new AppError('VALIDATION', message, details);
}

/** Builds the events of one action, each with the next derived id. */
export class Timeline {
  readonly events: CaseEventDraft[] = [];
  private index = 0;

  constructor(
    private readonly ctx: CaseReduceCtx,
    private readonly caseId: () => string,
  ) {}

  /** The next derived id (the case id on open, assignments, events), in call order. */
  nextId(): string {
    return derivedId(this.ctx.mutationId, this.index++);
  }

  add(kind: CaseEventKind, text: string, data: Record<string, unknown> = {}): void {
    this.events.push({ id: this.nextId(), caseId: this.caseId(), at: this.ctx.now, by: this.ctx.actor.id, byName: this.ctx.actor.name, kind, text, data });
  }
}

/** 'DD/MM/YYYY' of a 'YYYY-MM-DD' day. */
export function dmy(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

export function stateLabel(state: CaseDto['state']): string {
  return caseStateLabels[state];
}

/** Refuses any change to a closed or archived case. */
export function assertOpen(c: CaseDto, what: string): void {
  if (!isOpenState(c.state)) invalid(`Non si può ${what}: la pratica è ${c.state === 'chiusa' ? 'chiusa' : 'archiviata'}.`, { state: c.state });
}

/** A day given by the user must not lie in the future of the action. */
export function assertNotFuture(day: string, today: string, what: string): void {
  if (day > today) invalid(`${what} (${dmy(day)}) non può essere successiva a oggi (${dmy(today)}).`, { day, today });
}

/** With a note: " — nota". */
export function withNote(text: string, note: string | null | undefined): string {
  return note ? `${text} — ${note}` : text;
}
