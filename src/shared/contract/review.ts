import { z } from 'zod';
import { defineDomain, procedure } from './procedure';
import { shortText, uuid } from './common';
import type { ErrorEnvelope } from './errors';

/**
 * The "Da verificare" inbox (issue 3): every mutation the register server refused stays on the
 * desk until a person re-submits it ("Risolvi") or discards it ("Scarta"); both decisions are
 * kept in a local log with who and when. There is no way to throw pending changes away.
 */

/** One readable line of a payload or of a row: label and value, in Italian. */
export interface ReviewLine {
  label: string;
  value: string;
}

/** The row a refused mutation touched, as the desk's copy of the register holds it now. */
export interface ReviewTarget {
  table: string;
  key: string;
  /** E.g. "Protocollo 2026/0000012" or "Contatto Rossi Mario". */
  label: string;
  /** Null when the row is not (or not yet) on this desk. */
  current: ReviewLine[] | null;
  version: number | null;
}

export interface ReviewItem {
  mutationId: string;
  seq: number;
  /** Technical name, e.g. `protocol.update`. */
  name: string;
  /** Italian name, e.g. "Modifica di classificazione o assegnazione". */
  title: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  /** The arguments as sent (for editing before a retry). */
  args: unknown;
  /** The arguments in readable form (oggetto, correspondents…). */
  payload: ReviewLine[];
  /** Why the server refused it. */
  error: ErrorEnvelope;
  target: ReviewTarget | null;
  /** `rejected`: waiting for a decision; the others are in the local log. */
  state: 'rejected' | 'discarded' | 'resubmitted';
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  note: string | null;
  newMutationId: string | null;
}

export interface ReviewList {
  /** Refused mutations waiting for a decision, oldest first. */
  open: ReviewItem[];
  /** Decisions already taken on this desk, newest first (only when asked). */
  log: ReviewItem[];
}

export const inboxListInput = z.object({
  /** Also return the log of decisions already taken. */
  includeLog: z.boolean().default(false),
  logLimit: z.number().int().min(1).max(500).default(100),
});

export const inboxResolveInput = z.object({
  mutationId: uuid,
  /**
   * Fields to change before the retry, merged over the original arguments (top level only);
   * absent: the mutation is re-submitted unchanged as a new mutation.
   */
  edits: z.record(z.string(), z.unknown()).optional(),
  note: shortText(500).optional(),
});
export type InboxResolveInput = z.input<typeof inboxResolveInput>;

export const inboxDiscardInput = z.object({
  mutationId: uuid,
  note: shortText(500).optional(),
});
export type InboxDiscardInput = z.input<typeof inboxDiscardInput>;

export interface ReviewResolveResult {
  /** The logged decision on the refused mutation. */
  item: ReviewItem;
  /** Id of the new mutation now waiting in the outbox. */
  newMutationId: string;
}

export const reviewContract = defineDomain('review', {
  /** Refused mutations waiting for a decision, and optionally the log of past decisions. */
  'review.list': procedure<typeof inboxListInput, ReviewList>(inboxListInput),
  /** "Risolvi": re-submits a refused mutation (optionally edited) as a new mutation. */
  'review.resolve': procedure<typeof inboxResolveInput, ReviewResolveResult>(inboxResolveInput),
  /** "Scarta": closes a refused mutation, keeping it in the local log with who and when. */
  'review.discard': procedure<typeof inboxDiscardInput, ReviewItem>(inboxDiscardInput),
});
