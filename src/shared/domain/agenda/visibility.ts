import type { Visibility } from './kinds';

/**
 * Who sees what of an engagement (issue 5). A private engagement shows to users without the
 * permission as "Occupato" and nothing else: the time stays, since the secretariat must not book
 * over it. The public agenda (printed, ICS, web page) carries only public engagements, and of
 * those only title, place and counterpart: never notes, staff contacts or participants.
 */

export interface VisibleFields {
  title: string;
  visibility: Visibility;
  notes: string | null;
  place: string | null;
  counterpart: string | null;
  /** role may be null as stored (the contract's participants carry `role: string | null`). */
  participants: readonly { name: string; role?: string | null }[];
  staffContact: string | null;
}

export const busyTitle = 'Occupato';

/**
 * The engagement as this viewer may see it. Only the fields above are blanked: callers must keep
 * any other private detail (attachments, links to cases) out of what they pass for a redacted view.
 */
export function redactForViewer<T extends VisibleFields>(e: T, viewer: { canSeePrivate: boolean }): T {
  if (e.visibility !== 'privato' || viewer.canSeePrivate) return e;
  return { ...e, title: busyTitle, notes: null, place: null, counterpart: null, participants: [], staffContact: null };
}

/** Whether an engagement may appear in the public agenda. */
export function isPublic(e: Pick<VisibleFields, 'visibility'>): boolean {
  return e.visibility === 'pubblico';
}

/** The public face of an engagement (title, place, counterpart), or null when it is not public. */
export function publicFields<T extends VisibleFields>(e: T): (Pick<T, 'title' | 'place'> & { counterpart: string | null }) | null {
  if (!isPublic(e)) return null;
  return { title: e.title, place: e.place, counterpart: e.counterpart };
}
