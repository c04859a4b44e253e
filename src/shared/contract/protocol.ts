import { z } from 'zod';
import { defineDomain, procedure } from './procedure';
import { isoDate, requiredText, sha256Hex, shortText, uuid, year, type GeneratedFile } from './common';
import { contactFields } from './directory';
import { classificationCode } from './organisation';
import type { EmergencyLink } from './emergency';

/** DPR 445/2000 art. 53: what a registration records. */
export const directions = ['entrata', 'uscita', 'interno'] as const;
export type Direction = (typeof directions)[number];

export const means = ['pec', 'email', 'posta_ordinaria', 'raccomandata_ar', 'a_mano', 'interno'] as const;
export type Means = (typeof means)[number];

/** How each means of transmission reads on screens and in the review inbox. */
export const meansLabels: Record<Means, string> = {
  pec: 'PEC',
  email: 'E-mail',
  posta_ordinaria: 'Posta ordinaria',
  raccomandata_ar: 'Raccomandata A/R',
  a_mano: 'A mano',
  interno: 'Interno',
};

export const assignmentKinds = ['competenza', 'conoscenza'] as const;
export type AssignmentKind = (typeof assignmentKinds)[number];

export const assignmentStates = ['assegnato', 'preso_in_carico', 'rifiutato'] as const;
export type AssignmentState = (typeof assignmentStates)[number];

export const entryStatuses = ['registrato', 'annullamento_richiesto', 'annullato'] as const;
export type EntryStatus = (typeof entryStatuses)[number];

/** A correspondent as recorded at registration: a snapshot, never changed afterwards. */
export const correspondentInput = z.union([
  z.object({ contactId: uuid }),
  /** Created inline: the contact is added to the address book in the same mutation. */
  z.object({ newContact: contactFields.extend({ id: uuid.optional() }) }),
]);

export interface Correspondent {
  contactId: string | null;
  name: string;
  kind: 'persona' | 'impresa' | 'pa';
  pec: string | null;
  email: string | null;
  ipaCode: string | null;
  address: string | null;
}

export const assignmentInput = z.object({
  assigneeType: z.enum(['ufficio', 'utente']),
  assigneeId: uuid,
  kind: z.enum(assignmentKinds),
});
export type AssignmentInput = z.infer<typeof assignmentInput>;

export interface Assignment extends AssignmentInput {
  assigneeName: string;
  state: AssignmentState;
}

export const documentRef = z.object({
  sha256: sha256Hex,
  fileName: requiredText(255),
  mimeType: z.string().trim().max(120).default('application/octet-stream'),
  size: z.number().int().min(1, { message: 'Il file è vuoto' }),
});

export interface DocumentRef {
  sha256: string;
  fileName: string;
  mimeType: string;
  size: number;
  role: 'primario' | 'allegato';
}

export const registerInput = z
  .object({
    /** Client-generated UUIDv7 of the entry. */
    id: uuid.optional(),
    direction: z.enum(directions),
    oggetto: requiredText(1000),
    /** Sender (entrata) or recipients (uscita, interno). */
    correspondents: z.array(correspondentInput).min(1, { message: 'Indica almeno un corrispondente' }).max(500),
    means: z.enum(means).nullable().default(null),
    receivedDocDate: isoDate.nullable().default(null),
    receivedDocNumber: shortText(100).nullable().default(null),
    classificationCode: classificationCode.nullable().default(null),
    assignments: z.array(assignmentInput).max(100).default([]),
    primaryDocument: documentRef.nullable().default(null),
    attachments: z.array(documentRef).max(200).default([]),
    paperAttachments: z
      .object({ count: z.number().int().min(0).max(9999), description: shortText(1000).default('') })
      .default({ count: 0, description: '' }),
    riservato: z.boolean().default(false),
    notes: shortText(2000).nullable().default(null),
  })
  .refine((r) => r.direction !== 'entrata' || r.correspondents.length === 1, {
    message: 'Una registrazione in entrata ha un solo mittente',
    path: ['correspondents'],
  });
export type RegisterInput = z.infer<typeof registerInput>;

export interface Annulment {
  requestedBy: string | null;
  requestedByName: string | null;
  requestedAt: string | null;
  requestReason: string | null;
  annulledBy: string | null;
  annulledByName: string | null;
  annulledAt: string | null;
  reason: string | null;
  /** The provvedimento that authorised the annulment (art. 54). */
  act: string | null;
}

export interface ProtocolEntry {
  id: string;
  aooCode: string;
  registerCode: string;
  year: number;
  /** Assigned only by the register server; null only while an emergency entry awaits recovery. */
  number: number | null;
  /** Server date and time of registration (ISO, UTC). */
  registeredAt: string;
  direction: Direction;
  oggetto: string;
  correspondents: Correspondent[];
  means: Means | null;
  receivedDocDate: string | null;
  receivedDocNumber: string | null;
  classificationCode: string | null;
  assignments: Assignment[];
  documents: DocumentRef[];
  paperAttachments: { count: number; description: string };
  riservato: boolean;
  notes: string | null;
  status: EntryStatus;
  annulment: Annulment | null;
  registeredBy: string;
  registeredByName: string;
  version: number;
  /** Set for an entry registered in the emergency register (art. 63): the permanent link. */
  emergency?: EmergencyLink | null;
}

export interface HistoryItem {
  id: string;
  entryId: string;
  at: string;
  by: string;
  byName: string;
  /** What changed: classificazione, assegnazione, richiesta_annullamento, annullamento. */
  field: 'classificazione' | 'assegnazione' | 'richiesta_annullamento' | 'annullamento';
  oldValue: unknown;
  newValue: unknown;
}

export interface ProtocolEntryDetail extends ProtocolEntry {
  history: HistoryItem[];
}

export const searchInput = z.object({
  /** Free text over oggetto, correspondents and number; FTS syntax is treated as plain words. */
  text: z.string().max(200, { message: 'Massimo 200 caratteri' }).default(''),
  year: year.optional(),
  direction: z.enum(directions).optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  classificationCode: classificationCode.optional(),
  assigneeId: uuid.optional(),
  /** true: only annulled; false: exclude annulled; absent: all. */
  annulled: z.boolean().optional(),
  /** Keyset cursor: entries strictly older than this (year, number) pair. */
  before: z.object({ year, number: z.number().int().min(1) }).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type SearchInput = z.infer<typeof searchInput>;

export interface SearchResult {
  items: ProtocolEntry[];
  /** Total matches, capped at `totalCap` for speed on a million entries. */
  total: number;
  totalCapped: boolean;
}

export const updateInput = z
  .object({
    id: uuid,
    classificationCode: classificationCode.nullable().optional(),
    assignments: z.array(assignmentInput).max(100).optional(),
    /** The entry version the clerk saw (optimistic concurrency). */
    baseVersion: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((u) => u.classificationCode !== undefined || u.assignments !== undefined, {
    message: 'Nessuna modifica indicata',
  });

export const requestAnnulmentInput = z.object({ id: uuid, reason: requiredText(1000) });
export const annulInput = z.object({
  id: uuid,
  reason: requiredText(1000),
  /** Authorising act, e.g. "Provvedimento del Responsabile n. 12 del 03/11/2026". */
  act: requiredText(300),
});

export const dailyRegisterInput = z.object({ date: isoDate });

export interface DailyRegisterJson {
  fileId: string;
  date: string;
  administration: { name: string; ipaCode: string };
  aoo: { code: string; name: string };
  registerCode: string;
  firstNumber: number | null;
  lastNumber: number | null;
  count: number;
  entries: Array<
    Pick<ProtocolEntry, 'year' | 'number' | 'registeredAt' | 'direction' | 'oggetto' | 'classificationCode' | 'riservato' | 'status'> & {
      correspondents: string[];
      documents: Array<{ fileName: string; sha256: string }>;
    }
  >;
  /** Annulments and modifications made that day to entries of earlier days. */
  changesToEarlierEntries: Array<{ year: number; number: number; at: string; by: string; field: HistoryItem['field']; oldValue: unknown; newValue: unknown }>;
  generatedAt: string;
}

export interface DailyRegister {
  date: string;
  json: GeneratedFile;
  pdf: GeneratedFile;
  firstNumber: number | null;
  lastNumber: number | null;
  count: number;
}

export interface RegisterResult {
  entry: ProtocolEntry;
  /** "c_x000-AOO-REG-2026-0000042" style identifier for labels and screens. */
  segnatura: string;
}

export const protocolContract = defineDomain('protocol', {
  /** Registers an entry; number and date come from the register server (artt. 53, 57). */
  'protocol.register': procedure<typeof registerInput, RegisterResult>(registerInput),
  /** One entry with its history. */
  'protocol.get': procedure<z.ZodObject<{ id: typeof uuid }>, ProtocolEntryDetail>(z.object({ id: uuid })),
  /** Filtered, full-text search over the local copy of the register, newest first. */
  'protocol.search': procedure<typeof searchInput, SearchResult>(searchInput),
  /** Changes classification and/or assignment, keeping the history. */
  'protocol.update': procedure<typeof updateInput, ProtocolEntry>(updateInput),
  /** A clerk asks the responsabile to annul an entry. */
  'protocol.requestAnnulment': procedure<typeof requestAnnulmentInput, ProtocolEntry>(requestAnnulmentInput),
  /** The responsabile annuls an entry with reason and authorising act (art. 54). */
  'protocol.annul': procedure<typeof annulInput, ProtocolEntry>(annulInput),
  /** PDF label for the paper letter, with a Code 128 barcode of year + number. */
  'protocol.label': procedure<z.ZodObject<{ id: typeof uuid }>, GeneratedFile>(z.object({ id: uuid })),
  /** The registro giornaliero of a day: PDF and JSON, produced by the register server. */
  'protocol.dailyRegister': procedure<typeof dailyRegisterInput, DailyRegister>(dailyRegisterInput),
});
