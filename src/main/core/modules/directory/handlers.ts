import type { Handlers } from '../../../../shared/contract';
import { requireUser, type DeskContext, type DeskDeps } from '../../deps';
import { getContact, searchContacts } from './repository';
import { createContact, updateContact } from './service';

type DirectoryHandlers = Pick<Handlers<DeskContext>, `directory.${string}` & keyof Handlers<DeskContext>>;

/** directory.*: the local address book. */
export function directoryHandlers(d: DeskDeps): DirectoryHandlers {
  return {
    'directory.search': (input) => searchContacts(d.db, input.query, input.kind, input.limit),
    'directory.get': (input) => getContact(d.db, input.id),
    'directory.create': (input, ctx) => createContact(d, input, requireUser(ctx)),
    'directory.update': (input, ctx) => updateContact(d, input, requireUser(ctx)),
  };
}
