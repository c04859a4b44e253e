import { AppError, type Contact, type ContactCreateResult, type SessionUser } from '../../../../shared/contract';
import type { contactCreateInput, contactUpdateInput } from '../../../../shared/contract';
import type { z } from 'zod';
import { uuidv7 } from '../../../../shared/domain/ids';
import type { DeskDeps } from '../../deps';
import { applyMutation } from '../../write/apply-mutation';
import { duplicateKeysOf } from './duplicates';
import { findDuplicates, getContact } from './repository';

/**
 * Creates a contact locally (visible at once) through the write path; synced later. Likely
 * duplicates are returned instead, unless the clerk confirmed with `ignoreDuplicates`.
 */
export function createContact(d: DeskDeps, input: z.output<typeof contactCreateInput>, user: SessionUser): ContactCreateResult {
  const { ignoreDuplicates, id, ...fields } = input;
  if (!ignoreDuplicates) {
    const dups = findDuplicates(d.db, duplicateKeysOf(fields));
    if (dups.length > 0) {
      return {
        created: null,
        duplicates: dups.map((c) => ({ id: c.id, name: c.name, kind: c.kind, pec: c.pec, email: c.email, fiscalCode: c.fiscalCode, ipaCode: c.ipaCode, city: c.city })),
      };
    }
  }
  const now = d.clock();
  const contactId = id ?? uuidv7(now.getTime());
  applyMutation(d.db, 'directory.create', { ...fields, id: contactId }, user, { now });
  afterWrite(d);
  return { created: getContact(d.db, contactId), duplicates: [] };
}

export function updateContact(d: DeskDeps, input: z.output<typeof contactUpdateInput>, user: SessionUser): Contact {
  const current = getContact(d.db, input.id);
  if (current.kind === 'pa' && input.ipaCode === '') throw new AppError('VALIDATION', 'Per una pubblica amministrazione indica il codice IPA');
  applyMutation(d.db, 'directory.update', input, user, { now: d.clock(), baseVersions: { [`contacts:${input.id}`]: current.version } });
  afterWrite(d);
  return getContact(d.db, input.id);
}

function afterWrite(d: DeskDeps): void {
  d.emit({ type: 'data-changed', domains: ['directory'] });
  void d.engine.round();
}
