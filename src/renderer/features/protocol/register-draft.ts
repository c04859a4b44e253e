import type { AssignmentInput, ContactKind, Direction, DocumentRef, InputOf, Means } from '../../../shared/contract';
import { uuidv7 } from '../../../shared/domain/ids';

export interface NewContactDraft {
  name: string;
  kind: ContactKind;
  pec: string;
  email: string;
  ipaCode: string;
}

/** A correspondent chosen in the form: an address-book contact or one created inline. */
export type DraftCorrespondent =
  | { key: string; contactId: string; name: string; detail: string }
  | { key: string; newContact: NewContactDraft; name: string; detail: string };

export interface DraftAssignment extends AssignmentInput {
  assigneeName: string;
}

/** Everything the clerk typed; kept intact on any error, offline included. */
export interface RegisterDraft {
  /** Client id of the entry: the same on every retry, so a retry can never register twice. */
  id: string;
  direction: Direction;
  correspondents: DraftCorrespondent[];
  oggetto: string;
  means: Means | '';
  receivedDocDate: string;
  receivedDocNumber: string;
  classification: { code: string; title: string } | null;
  assignments: DraftAssignment[];
  primaryDocument: DocumentRef | null;
  attachments: DocumentRef[];
  paperCount: string;
  paperDescription: string;
  riservato: boolean;
  notes: string;
}

export function emptyDraft(): RegisterDraft {
  return {
    id: uuidv7(),
    direction: 'entrata',
    correspondents: [],
    oggetto: '',
    means: '',
    receivedDocDate: '',
    receivedDocNumber: '',
    classification: null,
    assignments: [],
    primaryDocument: null,
    attachments: [],
    paperCount: '0',
    paperDescription: '',
    riservato: false,
    notes: '',
  };
}

/** Empty strings become absent: optional contact fields are validated only when typed. */
function optional(s: string): string | undefined {
  const t = s.trim();
  return t === '' ? undefined : t;
}

function orNull(s: string): string | null {
  const t = s.trim();
  return t === '' ? null : t;
}

/**
 * The contract input from the draft. The received document's date and number exist only for
 * incoming mail (art. 53 c.1 lett. e DPR 445/2000), so they are dropped for other directions.
 */
export function buildRegisterInput(d: RegisterDraft): InputOf<'protocol.register'> {
  const incoming = d.direction === 'entrata';
  const paper = d.paperCount.trim() === '' ? 0 : Number(d.paperCount);
  return {
    id: d.id,
    direction: d.direction,
    oggetto: d.oggetto,
    correspondents: d.correspondents.map((c) =>
      'contactId' in c
        ? { contactId: c.contactId }
        : {
            newContact: {
              kind: c.newContact.kind,
              name: c.newContact.name,
              pec: optional(c.newContact.pec),
              email: optional(c.newContact.email),
              ipaCode: optional(c.newContact.ipaCode),
            },
          },
    ),
    means: d.means === '' ? null : d.means,
    receivedDocDate: incoming ? orNull(d.receivedDocDate) : null,
    receivedDocNumber: incoming ? orNull(d.receivedDocNumber) : null,
    classificationCode: d.classification?.code ?? null,
    assignments: d.assignments.map(({ assigneeType, assigneeId, kind }) => ({ assigneeType, assigneeId, kind })),
    primaryDocument: d.primaryDocument,
    attachments: d.attachments,
    paperAttachments: { count: Number.isFinite(paper) ? paper : -1, description: d.paperDescription },
    riservato: d.riservato,
    notes: orNull(d.notes),
  };
}

/** Incoming mail has one sender: choosing another replaces it; outgoing mail adds recipients. */
export function addCorrespondent(d: RegisterDraft, c: DraftCorrespondent): DraftCorrespondent[] {
  if (d.direction === 'entrata') return [c];
  const dup = d.correspondents.some((x) => 'contactId' in x && 'contactId' in c && x.contactId === c.contactId);
  return dup ? d.correspondents : [...d.correspondents, c];
}

/** The module keeps the draft while the screen is away (navigation, expired session). */
let saved: RegisterDraft | null = null;
export const draftStore = {
  load: (): RegisterDraft => saved ?? (saved = emptyDraft()),
  save: (d: RegisterDraft) => {
    saved = d;
  },
  clear: () => {
    saved = null;
  },
};
