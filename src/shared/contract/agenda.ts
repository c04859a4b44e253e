import { z } from 'zod';
import { defineDomain, procedure } from './procedure';
import { isoDate, requiredText, shortText, uuid, type GeneratedFile } from './common';
import { documentRef, type Correspondent, type DocumentRef } from './protocol';
import { eventKinds, visibilities, type EventKind, type Visibility } from '../domain/agenda/kinds';
import type { LocalDateTime } from '../domain/agenda/time';

/**
 * Issue 5: the Mayor's agenda, representation rooms and invitations. Every write is also a sync
 * mutation of the same name (src/shared/sync/protocol.ts); rows travel as these DTOs in the
 * document tables `agenda_people`, `rooms`, `agenda_events`, `invitations`, `ceremony_templates`.
 * Times are Europe/Rome wall-clock `LocalDateTime` ('YYYY-MM-DDTHH:mm'); the instants next to them
 * (`startAt`, `endAt`, `untilAt`, ISO UTC) are derived and serve queries.
 */

export const agendaRoles = ['sindaco', 'vicesindaco', 'assessore', 'consigliere_delegato', 'staff'] as const;
export type AgendaRole = (typeof agendaRoles)[number];

/** Someone whose agenda the office keeps (Sindaco, Vicesindaco, Assessori), or staff. */
export interface AgendaPersonDto {
  id: string;
  name: string;
  role: AgendaRole;
  /** "Assessore alla Cultura e al Turismo". */
  title: string;
  active: boolean;
  version: number;
}

export interface RoomDto {
  id: string;
  name: string;
  location: string | null;
  capacity: number | null;
  /** Services that can be requested with a booking (audio, proiettore, interpretariato…). */
  services: string[];
  active: boolean;
  version: number;
}

export const participantKinds = ['persona_agenda', 'contatto', 'esterno'] as const;
export interface AgendaParticipant {
  kind: (typeof participantKinds)[number];
  /** AgendaPerson id or address-book contact id; null for a free-text external guest. */
  id: string | null;
  name: string;
  role: string | null;
}

/** "In rappresentanza del Sindaco": the engagement was handed to another person's agenda. */
export interface AgendaDelegation {
  fromPersonId: string;
  fromName: string;
  toPersonId: string;
  toName: string;
  note: string | null;
  at: string;
  byName: string;
}

/**
 * An engagement or a room booking: a single event, a recurring master (`rrule`), or the override
 * of one occurrence (`seriesId` = master id, `recurrenceId` = the occurrence's original start;
 * `cancelled` = that occurrence was deleted).
 */
export interface AgendaEventDto {
  id: string;
  kind: EventKind;
  title: string;
  start: LocalDateTime;
  end: LocalDateTime;
  allDay: boolean;
  startAt: string;
  endAt: string;
  /** End of the series as an instant (null: no end); equals endAt for a single event. */
  untilAt: string | null;
  rrule: string | null;
  exdates: LocalDateTime[];
  seriesId: string | null;
  recurrenceId: LocalDateTime | null;
  cancelled: boolean;
  visibility: Visibility;
  /** Whose agenda (AgendaPerson id); null for a booking of a room by another office. */
  agendaOf: string | null;
  roomId: string | null;
  address: string | null;
  /** The counterpart (e.g. "Delegazione della città di Lione"). */
  counterpart: string | null;
  /** A foreign visit or delegation (indicators of issue 4). */
  foreign: boolean;
  participants: AgendaParticipant[];
  staffContact: string | null;
  notes: string | null;
  attachments: DocumentRef[];
  entryIds: string[];
  caseIds: string[];
  /** Room bookings by other offices: organiser and services requested. */
  organiser: string | null;
  services: string[];
  /** A double booking of a room accepted on purpose. */
  roomOverride: { reason: string; byName: string; at: string } | null;
  delegation: AgendaDelegation | null;
  invitationId: string | null;
  templateKey: string | null;
  /** The whole series or event was deleted (kept as a tombstone for sync). */
  deleted: boolean;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One occurrence in a window, as the calendar shows it (already redacted for the viewer). */
export interface AgendaOccurrenceDto {
  /** Unique in a window: `<eventId>` or `<masterId>@<recurrenceId>`. */
  key: string;
  eventId: string;
  masterId: string | null;
  recurrenceId: LocalDateTime | null;
  recurring: boolean;
  kind: EventKind;
  title: string;
  start: LocalDateTime;
  end: LocalDateTime;
  allDay: boolean;
  visibility: Visibility;
  /** Private and the viewer may not see it: shown as "Occupato". */
  redacted: boolean;
  agendaOf: string | null;
  agendaOfName: string | null;
  roomId: string | null;
  roomName: string | null;
  address: string | null;
  counterpart: string | null;
  staffContact: string | null;
  notes: string | null;
  participants: AgendaParticipant[];
  delegatedToName: string | null;
  roomOverride: boolean;
  organiser: string | null;
  version: number;
}

export interface ConflictReport {
  /** Bookings of the same room overlapping (half-open intervals): blocking unless overridden. */
  rooms: Array<{ eventId: string; title: string; start: LocalDateTime; end: LocalDateTime; roomName: string }>;
  /** The same person booked twice: a warning. */
  people: Array<{ personName: string; eventId: string; title: string; start: LocalDateTime; end: LocalDateTime }>;
}

export const invitationStates = ['da_decidere', 'accettato', 'declinato', 'delegato'] as const;
export type InvitationState = (typeof invitationStates)[number];

/** An invitation to the Mayor: registered, or recorded without protocol (art. 53 c.5 DPR 445/2000). */
export interface InvitationDto {
  id: string;
  receivedOn: string;
  from: { contactId: string | null; name: string };
  title: string;
  eventStart: LocalDateTime;
  eventEnd: LocalDateTime;
  place: string;
  entryId: string | null;
  recordedWithoutProtocol: boolean;
  caseId: string | null;
  state: InvitationState;
  decision: {
    at: string;
    byName: string;
    note: string | null;
    delegateToPersonId: string | null;
    delegateToName: string | null;
    /** The reply or delegation letter, once registered. */
    letterEntryId: string | null;
  } | null;
  /** The engagement created by accepting or delegating. */
  eventId: string | null;
  notes: string | null;
  version: number;
}

export interface CeremonyTemplateDto {
  id: string;
  key: string;
  title: string;
  month: number;
  day: number;
  time: string;
  durationMinutes: number;
  kind: EventKind;
  visibility: Visibility;
  notes: string;
  active: boolean;
  version: number;
}

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'Data e ora non valide (AAAA-MM-GGTHH:MM)' });
const participantInput = z.object({ kind: z.enum(participantKinds), id: uuid.nullable().default(null), name: requiredText(300), role: shortText(200).nullable().default(null) });

const eventFields = z.object({
  kind: z.enum(eventKinds),
  title: requiredText(300),
  start: localDateTime,
  end: localDateTime,
  allDay: z.boolean().default(false),
  rrule: shortText(500).nullable().default(null),
  visibility: z.enum(visibilities).optional(),
  agendaOf: uuid.nullable().default(null),
  roomId: uuid.nullable().default(null),
  address: shortText(500).nullable().default(null),
  counterpart: shortText(300).nullable().default(null),
  foreign: z.boolean().default(false),
  participants: z.array(participantInput).max(200).default([]),
  staffContact: shortText(200).nullable().default(null),
  notes: shortText(8000).nullable().default(null),
  attachments: z.array(documentRef).max(50).default([]),
  entryIds: z.array(uuid).max(50).default([]),
  caseIds: z.array(uuid).max(50).default([]),
  organiser: shortText(300).nullable().default(null),
  services: z.array(shortText(100)).max(30).default([]),
  templateKey: shortText(60).nullable().default(null),
  invitationId: uuid.nullable().default(null),
});

/** Fields of an object schema made optional WITHOUT their defaults (zod 4's partial() keeps them). */
type OptionalNoDefault<S extends z.core.$ZodShape> = { [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer T> ? T : S[K]> };
function changesOf<S extends z.core.$ZodShape>(shape: S): z.ZodObject<OptionalNoDefault<S>> {
  const out: Record<string, z.ZodType> = {};
  for (const [k, s] of Object.entries(shape)) out[k] = ((s instanceof z.ZodDefault ? s.unwrap() : s) as z.ZodType).optional();
  return z.object(out) as unknown as z.ZodObject<OptionalNoDefault<S>>;
}

/**
 * An edit: a key left out means "unchanged". Built without the create defaults, otherwise an
 * edit of the title alone would also reset room, agenda, participants… to their defaults.
 */
const eventChanges = changesOf(eventFields.shape);

/** For a repeated local time (the October DST change): which of the two instants is meant. */
const ambiguity = z.enum(['earlier', 'later']).optional();

export const agendaCreateInput = eventFields.extend({
  id: uuid.optional(),
  /** A reason makes a room double booking acceptable (kept on the event). */
  overrideRoomConflict: shortText(500).optional(),
  ambiguous: ambiguity,
});

export const editScopes = ['solo_questo', 'questo_e_successivi', 'tutti'] as const;
export const agendaUpdateInput = z.object({
  id: uuid,
  /** The occurrence edited, for a recurring event. */
  recurrenceId: localDateTime.nullable().default(null),
  scope: z.enum(editScopes).default('tutti'),
  changes: eventChanges,
  overrideRoomConflict: shortText(500).optional(),
  ambiguous: ambiguity,
});
export const agendaDeleteInput = z.object({ id: uuid, recurrenceId: localDateTime.nullable().default(null), scope: z.enum(editScopes).default('tutti') });
export const agendaDelegateInput = z.object({
  id: uuid,
  recurrenceId: localDateTime.nullable().default(null),
  toPersonId: uuid,
  note: shortText(1000).nullable().default(null),
  overrideRoomConflict: shortText(500).optional(),
});
export const agendaRangeInput = z.object({
  from: localDateTime,
  to: localDateTime,
  agendaOf: z.array(uuid).max(50).optional(),
  roomIds: z.array(uuid).max(50).optional(),
  kinds: z.array(z.enum(eventKinds)).max(20).optional(),
});
export const conflictCheckInput = z.object({
  start: localDateTime,
  end: localDateTime,
  roomId: uuid.nullable().default(null),
  people: z.array(uuid).max(200).default([]),
  rrule: shortText(500).nullable().default(null),
  excludeEventId: uuid.nullable().default(null),
});
export const roomsViewInput = z.object({ day: isoDate, days: z.union([z.literal(1), z.literal(7)]).default(1) });
export const personUpsertInput = z.object({ id: uuid.optional(), name: requiredText(200), role: z.enum(agendaRoles), title: shortText(300).default(''), active: z.boolean().default(true) });
export const roomUpsertInput = z.object({
  id: uuid.optional(),
  name: requiredText(200),
  location: shortText(300).nullable().default(null),
  capacity: z.number().int().min(1).max(100000).nullable().default(null),
  services: z.array(shortText(100)).max(30).default([]),
  active: z.boolean().default(true),
});
export const templateUpsertInput = z.object({
  id: uuid.optional(),
  key: requiredText(60),
  title: requiredText(300),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  time: z.string().regex(/^\d{2}:\d{2}$/, { message: 'Ora non valida (HH:MM)' }),
  durationMinutes: z.number().int().min(5).max(24 * 60),
  kind: z.enum(eventKinds),
  visibility: z.enum(visibilities),
  notes: shortText(4000).default(''),
  active: z.boolean().default(true),
});
export const instantiateTemplatesInput = z.object({ year: z.number().int().min(2000).max(2999), agendaOf: uuid.nullable().default(null) });
export const daySheetInput = z.object({ day: isoDate, variant: z.enum(['completo', 'pubblico']).default('completo'), agendaOf: uuid.nullable().default(null) });
export const icsExportInput = z.object({ from: isoDate, to: isoDate });

export const invitationRecordInput = z.object({
  id: uuid.optional(),
  receivedOn: isoDate.optional(),
  from: z.object({ contactId: uuid.nullable().default(null), name: requiredText(300) }),
  title: requiredText(300),
  eventStart: localDateTime,
  eventEnd: localDateTime,
  place: requiredText(300),
  /** The registered letter; absent when recorded without protocol (art. 53 c.5). */
  entryId: uuid.nullable().default(null),
  notes: shortText(4000).nullable().default(null),
});
export const invitationDecideInput = z
  .object({
    id: uuid,
    decision: z.enum(['accetta', 'declina', 'delega']),
    delegateToPersonId: uuid.nullable().default(null),
    note: shortText(2000).nullable().default(null),
    /** Id of the engagement created by accepting or delegating (client-generated). */
    eventId: uuid.optional(),
    overrideRoomConflict: shortText(500).optional(),
  })
  .refine((d) => d.decision !== 'delega' || !!d.delegateToPersonId, { message: 'Indica a chi delegare', path: ['delegateToPersonId'] });
export const invitationLetterInput = z.object({ id: uuid, letterEntryId: uuid });

const byId = z.object({ id: uuid });
const none = z.object({});

/** The Registra form's prefill for a reply or delegation letter. */
export interface LetterDraft {
  direction: 'uscita';
  oggetto: string;
  correspondents: Correspondent[];
  classificationCode: string | null;
}

export const agendaContract = defineDomain('agenda', {
  /** Occurrences in a window (series expanded, private items redacted for the viewer). */
  'agenda.range': procedure<typeof agendaRangeInput, AgendaOccurrenceDto[]>(agendaRangeInput),
  'agenda.get': procedure<typeof byId, AgendaEventDto>(byId),
  /** Creates an engagement; a room double booking is refused unless `overrideRoomConflict` gives a reason. */
  'agenda.create': procedure<typeof agendaCreateInput, { event: AgendaEventDto; warnings: ConflictReport }>(agendaCreateInput),
  /** Edits "solo questo", "questo e i successivi" or "tutti" (deleted occurrences stay deleted). */
  'agenda.update': procedure<typeof agendaUpdateInput, { event: AgendaEventDto; warnings: ConflictReport }>(agendaUpdateInput),
  'agenda.delete': procedure<typeof agendaDeleteInput, { ok: true }>(agendaDeleteInput),
  /** Hands an engagement to another person's agenda, "in rappresentanza del Sindaco". */
  'agenda.delegate': procedure<typeof agendaDelegateInput, { event: AgendaEventDto; warnings: ConflictReport }>(agendaDelegateInput),
  /** Conflicts a draft would have (the form shows them before saving). */
  'agenda.checkConflicts': procedure<typeof conflictCheckInput, ConflictReport>(conflictCheckInput),
  'agenda.people': procedure<typeof none, AgendaPersonDto[]>(none),
  'agenda.upsertPerson': procedure<typeof personUpsertInput, AgendaPersonDto>(personUpsertInput),
  'agenda.rooms': procedure<typeof none, RoomDto[]>(none),
  'agenda.upsertRoom': procedure<typeof roomUpsertInput, RoomDto>(roomUpsertInput),
  /** One column a room: its bookings for the day or the week. */
  'agenda.roomsView': procedure<typeof roomsViewInput, { rooms: RoomDto[]; occurrences: AgendaOccurrenceDto[] }>(roomsViewInput),
  'agenda.templates': procedure<typeof none, CeremonyTemplateDto[]>(none),
  'agenda.upsertTemplate': procedure<typeof templateUpsertInput, CeremonyTemplateDto>(templateUpsertInput),
  /** Creates the year's annual ceremonies from the active templates (skips those already there). */
  'agenda.instantiateTemplates': procedure<typeof instantiateTemplatesInput, { created: number; skipped: number }>(instantiateTemplatesInput),
  /** Foglio di servizio (A4 PDF), full or public variant. */
  'agenda.daySheet': procedure<typeof daySheetInput, GeneratedFile>(daySheetInput),
  /** The public agenda as an ICS file (only public items). */
  'agenda.exportIcs': procedure<typeof icsExportInput, GeneratedFile>(icsExportInput),
});

export const invitationsContract = defineDomain('invitations', {
  'invitations.list': procedure<z.ZodObject<{ state: z.ZodOptional<z.ZodEnum<{ [K in InvitationState]: K }>> }>, InvitationDto[]>(
    z.object({ state: z.enum(invitationStates).optional() }),
  ),
  /** Records an invitation: from a registered letter, or without protocol (art. 53 c.5). */
  'invitations.record': procedure<typeof invitationRecordInput, InvitationDto>(invitationRecordInput),
  /** Accept (creates the engagement), decline or delegate to an Assessore. */
  'invitations.decide': procedure<typeof invitationDecideInput, { invitation: InvitationDto; event: AgendaEventDto | null; warnings: ConflictReport }>(invitationDecideInput),
  /** Prefill of the reply (decline) or delegation letter for the Registra form. */
  'invitations.letterDraft': procedure<typeof byId, LetterDraft>(byId),
  /** Links the registered letter to the decision. */
  'invitations.linkLetter': procedure<typeof invitationLetterInput, InvitationDto>(invitationLetterInput),
});
