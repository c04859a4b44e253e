import { parseInput } from '../../../shared/contract/procedure';
import { contactCreateInput, contactUpdateInput } from '../../../shared/contract/directory';
import type { MutationHandler } from '../../sync/mutation-handler';
import { createContact, updateContact } from './service';

/** Address-book mutations as pushed by the desks. */
export const directoryMutations = {
  // The desk already warned the clerk about duplicates and created the contact locally: the
  // pushed mutation records that decision, so the server creates it unconditionally.
  'directory.create': (ctx, raw) =>
    createContact(ctx.tx, ctx.changes, { ...parseInput(contactCreateInput, raw), ignoreDuplicates: true }, ctx.now),
  'directory.update': (ctx, raw) => updateContact(ctx.tx, ctx.changes, parseInput(contactUpdateInput, raw), ctx.now),
} satisfies Record<string, MutationHandler>;
