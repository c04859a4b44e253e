import { z } from 'zod';
import { parseInput } from '../../../shared/contract/procedure';
import { contactCreateInput, contactUpdateInput } from '../../../shared/contract/directory';
import type { MutationHandler } from '../../sync/mutation-handler';
import { createContact, updateContact } from './service';

/** Optional contact fields a clerk may empty. */
export const clearableContactFields = ['firstName', 'lastName', 'fiscalCode', 'ipaCode', 'pec', 'email', 'phone', 'address', 'postalCode', 'city', 'province', 'notes'] as const;

/**
 * directory.update v2: v1 could only set fields (an absent field means "unchanged"); v2 also
 * names the fields to empty in `clear`.
 */
export const contactUpdateV2 = contactUpdateInput.extend({ clear: z.array(z.enum(clearableContactFields)).max(clearableContactFields.length).default([]) });

/** Address-book mutations as pushed by the desks. */
export const directoryMutations = {
  // The desk already warned the clerk about duplicates and created the contact locally: the
  // pushed mutation records that decision, so the server creates it unconditionally.
  'directory.create': (ctx, raw) =>
    createContact(ctx.tx, ctx.changes, { ...parseInput(contactCreateInput, raw), ignoreDuplicates: true }, ctx.now),
  'directory.update': (ctx, raw) => updateContact(ctx, parseInput(contactUpdateV2, raw)),
} satisfies Record<string, MutationHandler>;

/** v1 → v2 of directory.update: nothing to empty. */
export const directoryUpgrades = {
  'directory.update': { 1: (args: unknown) => ({ ...(args as object), clear: [] }) },
};
