import { z } from 'zod';
import { defineDomain, procedure } from './procedure';
import { isoDate, requiredText, shortText, uuid, type GeneratedFile } from './common';
import { assignmentKinds, type Correspondent, type Direction } from './protocol';
import { caseTypeCodes, type CaseSettings, type CaseTypeCode, type CaseTypeRule } from '../domain/cases/case-types';
import { caseStates, type CaseState } from '../domain/cases/states';
import type { Suspension, TermStatus } from '../domain/cases/deadlines';
import { hearingStages, type HearingStage } from '../domain/cases/hearings';

/**
 * Issue 4: the Mayor's correspondence and citizen requests (pratiche). Every write below is
 * also a sync mutation of the same name (src/shared/sync/protocol.ts); rows travel as these DTOs
 * in the document tables `cases`, `case_events`, `case_types`, `case_settings`,
 * `signature_items`, `config_audit`.
 */

export const suspensionReasons = ['controinteressati', 'richiesta_irregolare', 'parere', 'altro'] as const;
export const caseLinkRoles = ['richiesta', 'sollecito', 'integrazione', 'risposta', 'altro'] as const;
export type CaseLinkRole = (typeof caseLinkRoles)[number];
export const casePriorities = ['normale', 'urgente'] as const;
export type CasePriority = (typeof casePriorities)[number];

/** Who asked: a snapshot like a protocol correspondent (null for a case opened by the office itself). */
export interface CaseRequester {
  contactId: string | null;
  name: string;
}

/** Assignment to an office or a person, per competenza or per conoscenza (history kept). */
export interface CaseAssignment {
  id: string;
  kind: (typeof assignmentKinds)[number];
  assigneeType: 'ufficio' | 'utente';
  assigneeId: string;
  assigneeName: string;
  state: 'assegnato' | 'preso_in_carico' | 'rifiutato' | 'revocato';
  /** Reason of a refusal. */
  reason: string | null;
  at: string;
  by: string;
  byName: string;
}

/** A protocol entry gathered in the case (the request, reminders, integrations, the reply). */
export interface CaseLink {
  entryId: string;
  role: CaseLinkRole;
  /** Segnatura or emergency number as shown to people, e.g. "2026/0000042". */
  label: string;
  direction: Direction | null;
  at: string;
}

export const patronageDecisionBodies = ['sindaco', 'giunta'] as const;
export interface PatronageDecision {
  by: (typeof patronageDecisionBodies)[number];
  outcome: 'concesso' | 'negato';
  on: string;
  /** Decree or resolution number ("Decreto sindacale n. 12/2026", "Delibera di Giunta n. 40"). */
  act: string | null;
  note: string | null;
}
export interface PatronageDetails {
  eventTitle: string;
  eventDate: string;
  place: string;
  /** Keys of `patronageChecklist` (src/shared/domain/cases/patronage.ts) → checked. */
  checklist: Record<string, boolean>;
  /** Staff report (relazione istruttoria). */
  staffReport: string | null;
  decision: PatronageDecision | null;
  /** The outgoing entry that communicated the outcome. */
  outcomeEntryId: string | null;
}

export interface HearingDetails {
  stage: HearingStage;
  topic: string;
  /** The agenda engagement once scheduled (issue 5). */
  agendaEventId: string | null;
  scheduledAt: string | null;
  outcome: string | null;
}

/** A case (pratica), as stored and synced. */
export interface CaseDto {
  id: string;
  typeCode: CaseTypeCode;
  title: string;
  requester: CaseRequester | null;
  /** Legal start of the term: the receipt date, or the emergency registration date (art. 63). */
  receivedOn: string;
  state: CaseState;
  /** The state to go back to when a suspension ends. */
  stateBeforeSuspension: CaseState | null;
  /** Computed by `computeTerm` from the type's rule, the suspensions and the settings. */
  dueOn: string | null;
  suspensions: Suspension[];
  suspendedDays: number;
  /** The person who took the case in charge (one owner). */
  ownerId: string | null;
  ownerName: string | null;
  /** The office per competenza. */
  officeId: string | null;
  officeName: string | null;
  assignments: CaseAssignment[];
  links: CaseLink[];
  replyEntryId: string | null;
  repliedOn: string | null;
  closedOn: string | null;
  closingNote: string | null;
  priority: CasePriority;
  notes: string | null;
  patronage: PatronageDetails | null;
  hearing: HearingDetails | null;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const caseEventKinds = [
  'aperta', 'collegata', 'assegnata', 'presa_in_carico', 'rifiutata', 'stato', 'sospesa', 'ripresa', 'nota',
  'risposta', 'chiusa', 'termine_ricalcolato', 'patrocinio', 'udienza',
] as const;
export type CaseEventKind = (typeof caseEventKinds)[number];

/** One line of a case's timeline (append-only). */
export interface CaseEventDto {
  id: string;
  caseId: string;
  at: string;
  by: string;
  byName: string;
  kind: CaseEventKind;
  /** The line as people read it: "Assegnata per competenza a Ufficio Gabinetto". */
  text: string;
  data: Record<string, unknown>;
  version: number;
}

export interface CaseTypeDto extends CaseTypeRule {
  id: CaseTypeCode;
  version: number;
}
export interface CaseSettingsDto extends CaseSettings {
  id: 'singleton';
  version: number;
}

/** An audited configuration change (case types, settings). */
export interface ConfigAuditDto {
  id: string;
  at: string;
  by: string;
  byName: string;
  entity: 'case_type' | 'case_settings';
  key: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  /** Open cases whose due date changed as a consequence. */
  recomputed: number;
  version: number;
}

export const signatureStates = ['in_attesa', 'firmato', 'chiarimenti', 'ritirato'] as const;
export type SignatureState = (typeof signatureStates)[number];
export const signaturePriorities = ['normale', 'urgente', 'urgentissima'] as const;

/** Libro firma: a document awaiting the Mayor's signature. */
export interface SignatureItemDto {
  id: string;
  title: string;
  caseId: string | null;
  entryId: string | null;
  officeId: string | null;
  officeName: string | null;
  priority: (typeof signaturePriorities)[number];
  notes: string | null;
  state: SignatureState;
  /** The request for clarification sent back to the office. */
  clarification: string | null;
  submittedBy: string;
  submittedByName: string;
  submittedAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  version: number;
}

/** A row of "My desk" and of the case list: the case plus its term status today. */
export interface CaseListItem {
  id: string;
  typeCode: CaseTypeCode;
  typeName: string;
  title: string;
  requesterName: string | null;
  receivedOn: string;
  dueOn: string | null;
  state: CaseState;
  termStatus: TermStatus;
  /** Days left (negative: overdue); null without a term. */
  daysLeft: number | null;
  ownerName: string | null;
  officeName: string | null;
  /** The silence that matured (accesso documentale: 'rigetto'), if any. */
  silence: 'rigetto' | 'assenso' | null;
  priority: CasePriority;
}

export interface CaseCounts {
  open: number;
  overdue: number;
  dueSoon: number;
  suspended: number;
}

const caseId = z.object({ caseId: uuid });
const requesterInput = z.object({ contactId: uuid.nullable().default(null), name: requiredText(300) });

export const caseOpenInput = z.object({
  /** Client-generated UUIDv7, so the case exists locally at once. */
  id: uuid.optional(),
  typeCode: z.enum(caseTypeCodes),
  /** Defaults to the entry's oggetto when opened from a protocol entry. */
  title: shortText(500).optional(),
  requester: requesterInput.nullable().optional(),
  /** Defaults to the entry's legal date (emergency date if any), else today. */
  receivedOn: isoDate.optional(),
  entryId: uuid.optional(),
  priority: z.enum(casePriorities).default('normale'),
  notes: shortText(4000).optional(),
  patronage: z
    .object({ eventTitle: requiredText(300), eventDate: isoDate, place: requiredText(300) })
    .optional(),
  hearingTopic: shortText(1000).optional(),
});

export const caseListSorts = ['dueOn', 'receivedOn', 'state', 'type', 'title'] as const;
export const caseListInput = z.object({
  /** mine: assigned to me or my office, open; all: every case. */
  view: z.enum(['mine', 'all']).default('mine'),
  termStatus: z.enum(['in_termine', 'in_scadenza', 'scaduto', 'sospeso', 'chiuso', 'nessun_termine']).optional(),
  typeCode: z.enum(caseTypeCodes).optional(),
  state: z.enum(caseStates).optional(),
  query: z.string().max(200, { message: 'Massimo 200 caratteri' }).default(''),
  sort: z.enum(caseListSorts).default('dueOn'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});

export const indicatorsInput = z.object({ year: z.number().int().min(2000).max(2999), month: z.number().int().min(1).max(12).optional() });

export interface IndicatorsResult {
  period: { year: number; month: number | null };
  patronage: { received: number; fullyInstructed: number };
  councilQuestions: { received: number; answeredWithinTerm: number };
  accessRequests: { received: number; answeredWithinTerm: number };
  /** Average and distribution of closing times (days), per type. */
  closingTimes: Array<{ typeCode: CaseTypeCode; typeName: string; closed: number; averageDays: number | null; histogram: Array<{ label: string; count: number }> }>;
  /** Per month of the year: received and closed. */
  monthly: Array<{ month: number; received: number; closed: number }>;
  /** Foreign delegations welcomed (from the agenda, issue 5; 0 until it lands). */
  foreignDelegations: number;
}

export const caseAssignInput = z.object({
  caseId: uuid,
  kind: z.enum(assignmentKinds),
  assigneeType: z.enum(['ufficio', 'utente']),
  assigneeId: uuid,
  /** Reassignment: the previous competenza assignment becomes 'revocato' (history kept). */
  replaceCompetenza: z.boolean().default(false),
  note: shortText(1000).optional(),
});
export const caseRefuseInput = z.object({ caseId: uuid, assignmentId: uuid, reason: requiredText(1000) });
export const caseTransitionInput = z.object({ caseId: uuid, to: z.enum(caseStates), note: shortText(2000).optional() });
export const caseSuspendInput = z.object({
  caseId: uuid,
  reason: z.enum(suspensionReasons),
  /** Defaults to today. */
  from: isoDate.optional(),
  note: shortText(1000).optional(),
});
export const caseResumeInput = z.object({ caseId: uuid, on: isoDate.optional(), note: shortText(1000).optional() });
export const caseNoteInput = z.object({ caseId: uuid, text: requiredText(4000) });
export const caseReplySentInput = z.object({ caseId: uuid, entryId: uuid, sentOn: isoDate.optional(), close: z.boolean().default(false) });
export const caseCloseInput = z.object({ caseId: uuid, note: shortText(2000).optional() });
export const patronageUpdateInput = z.object({
  caseId: uuid,
  eventTitle: requiredText(300).optional(),
  eventDate: isoDate.optional(),
  place: requiredText(300).optional(),
  /** Only the keys given change. */
  checklist: z.record(z.string().max(60), z.boolean()).optional(),
  staffReport: shortText(8000).nullable().optional(),
});
export const patronageDecideInput = z.object({
  caseId: uuid,
  by: z.enum(patronageDecisionBodies),
  outcome: z.enum(['concesso', 'negato']),
  on: isoDate,
  act: shortText(200).nullable().default(null),
  note: shortText(2000).nullable().default(null),
});
export const hearingAdvanceInput = z.object({
  caseId: uuid,
  to: z.enum(hearingStages),
  scheduledAt: z.string().max(40).nullable().optional(),
  agendaEventId: uuid.nullable().optional(),
  outcome: shortText(4000).nullable().optional(),
});
export const caseTypeUpdateInput = z.object({
  code: z.enum(caseTypeCodes),
  name: requiredText(120).optional(),
  termDays: z.number().int().min(1).max(3650).nullable().optional(),
  silence: z.enum(['nessuno', 'rigetto', 'assenso']).optional(),
  maxSuspensionDays: z.number().int().min(0).max(3650).nullable().optional(),
  legalBasis: shortText(300).optional(),
  active: z.boolean().optional(),
});
export const caseSettingsUpdateInput = z.object({
  moveOnHoliday: z.boolean().optional(),
  patronDay: z.string().regex(/^\d{2}-\d{2}$/, { message: 'Giorno del santo patrono non valido (MM-GG)' }).nullable().optional(),
  dueSoonDays: z.number().int().min(0).max(90).optional(),
  patronageMinDaysBefore: z.number().int().min(0).max(365).optional(),
  patronageMaxDaysBefore: z.number().int().min(0).max(730).optional(),
});
export const signatureListInput = z.object({ state: z.enum(signatureStates).optional() });
export const signatureSubmitInput = z.object({
  id: uuid.optional(),
  title: requiredText(500),
  caseId: uuid.nullable().default(null),
  entryId: uuid.nullable().default(null),
  officeId: uuid.nullable().default(null),
  priority: z.enum(signaturePriorities).default('normale'),
  notes: shortText(2000).nullable().default(null),
});
export const signatureDecideInput = z
  .object({ id: uuid, outcome: z.enum(['firmato', 'chiarimenti', 'ritirato']), clarification: shortText(2000).nullable().default(null) })
  .refine((d) => d.outcome !== 'chiarimenti' || !!d.clarification, { message: 'Indica i chiarimenti richiesti all\'ufficio', path: ['clarification'] });

export const caseContract = defineDomain('cases', {
  /** Opens a case, from a protocol entry in one action or standing alone. */
  'cases.open': procedure<typeof caseOpenInput, CaseDto>(caseOpenInput),
  /** The case with its timeline. */
  'cases.get': procedure<typeof caseId, { case: CaseDto; events: CaseEventDto[] }>(caseId),
  /** My desk and the case list: sortable, with counts. */
  'cases.list': procedure<typeof caseListInput, { items: CaseListItem[]; total: number; counts: CaseCounts }>(caseListInput),
  /** Start-up reminders: counts of what is overdue or due soon for me and my office. */
  'cases.reminders': procedure<z.ZodObject<Record<string, never>>, CaseCounts>(z.object({})),
  /** Cases that gather a protocol entry (shown on the entry's detail). */
  'cases.forEntry': procedure<z.ZodObject<{ entryId: typeof uuid }>, CaseListItem[]>(z.object({ entryId: uuid })),
  'cases.linkEntry': procedure<z.ZodObject<{ caseId: typeof uuid; entryId: typeof uuid; role: z.ZodEnum<{ [K in CaseLinkRole]: K }> }>, CaseDto>(
    z.object({ caseId: uuid, entryId: uuid, role: z.enum(caseLinkRoles) }),
  ),
  'cases.assign': procedure<typeof caseAssignInput, CaseDto>(caseAssignInput),
  /** Takes the case in charge: the caller becomes its one owner. */
  'cases.takeCharge': procedure<typeof caseId, CaseDto>(caseId),
  'cases.refuse': procedure<typeof caseRefuseInput, CaseDto>(caseRefuseInput),
  'cases.transition': procedure<typeof caseTransitionInput, CaseDto>(caseTransitionInput),
  'cases.suspend': procedure<typeof caseSuspendInput, CaseDto>(caseSuspendInput),
  'cases.resume': procedure<typeof caseResumeInput, CaseDto>(caseResumeInput),
  'cases.addNote': procedure<typeof caseNoteInput, CaseDto>(caseNoteInput),
  /** What the Registra form needs to draft the reply: outgoing, to the requester. */
  'cases.replyDraft': procedure<typeof caseId, { direction: 'uscita'; oggetto: string; correspondents: Correspondent[]; classificationCode: string | null }>(caseId),
  /** The reply went out (its outgoing entry is linked with role 'risposta'); optionally closes the case. */
  'cases.replySent': procedure<typeof caseReplySentInput, CaseDto>(caseReplySentInput),
  'cases.close': procedure<typeof caseCloseInput, CaseDto>(caseCloseInput),
  'cases.archive': procedure<typeof caseId, CaseDto>(caseId),
  'cases.updatePatronage': procedure<typeof patronageUpdateInput, CaseDto>(patronageUpdateInput),
  'cases.decidePatronage': procedure<typeof patronageDecideInput, CaseDto>(patronageDecideInput),
  'cases.advanceHearing': procedure<typeof hearingAdvanceInput, CaseDto>(hearingAdvanceInput),
  'cases.types': procedure<z.ZodObject<Record<string, never>>, CaseTypeDto[]>(z.object({})),
  /** Administrator: changes a type's term rule (audited; open cases are recomputed). */
  'cases.updateType': procedure<typeof caseTypeUpdateInput, CaseTypeDto>(caseTypeUpdateInput),
  'cases.settings': procedure<z.ZodObject<Record<string, never>>, CaseSettingsDto>(z.object({})),
  'cases.updateSettings': procedure<typeof caseSettingsUpdateInput, CaseSettingsDto>(caseSettingsUpdateInput),
  'cases.audit': procedure<z.ZodObject<Record<string, never>>, ConfigAuditDto[]>(z.object({})),
  'cases.indicators': procedure<typeof indicatorsInput, IndicatorsResult>(indicatorsInput),
  /** The indicators as CSV (UTF-8 with BOM, semicolon-separated as Italian spreadsheets expect). */
  'cases.indicatorsCsv': procedure<typeof indicatorsInput, GeneratedFile>(indicatorsInput),
});

export const signatureContract = defineDomain('signature', {
  'signature.list': procedure<typeof signatureListInput, SignatureItemDto[]>(signatureListInput),
  'signature.submit': procedure<typeof signatureSubmitInput, SignatureItemDto>(signatureSubmitInput),
  /** The Mayor's desk: signed, sent back with a request for clarification, or withdrawn. */
  'signature.decide': procedure<typeof signatureDecideInput, SignatureItemDto>(signatureDecideInput),
});
