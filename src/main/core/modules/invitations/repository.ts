import { AppError, type InvitationDto, type InvitationState } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { getDoc, parseDocs } from '../../db/doc-tables';

/**
 * Reads of the local invitations (document rows with the `state` query column). The row remembers
 * the pending mutations whose effect it carries (`_localMutations`, see effects.ts).
 */
export type StoredInvitation = InvitationDto & { _localMutations?: string[] };

export function publicInvitation(row: StoredInvitation): InvitationDto {
  const { _localMutations: _ignored, ...dto } = row;
  return dto;
}

export function findInvitation(db: Db, id: string): StoredInvitation | null {
  return getDoc<StoredInvitation>(db, 'invitations', id);
}

export function getInvitation(db: Db, id: string): InvitationDto {
  const row = findInvitation(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Invito non trovato su questa postazione.');
  return publicInvitation(row);
}

/** The inbox: undecided first, then by the event's date (soonest first), then newest received. */
export function listInvitations(db: Db, state?: InvitationState): InvitationDto[] {
  const order = `ORDER BY state <> 'da_decidere', json_extract(data, '$.eventStart'), json_extract(data, '$.receivedOn') DESC, id`;
  const rows = state
    ? db.$client.prepare(`SELECT data FROM invitations WHERE state = ? ${order}`).all(state)
    : db.$client.prepare(`SELECT data FROM invitations ${order}`).all();
  return parseDocs<StoredInvitation>(rows as Array<{ data: string }>).map(publicInvitation);
}
