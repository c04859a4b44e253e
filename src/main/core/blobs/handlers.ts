import type { Handlers } from '../../../shared/contract';
import { requireUser, type DeskContext, type DeskDeps } from '../deps';
import { openDocument } from './open-document';

type DocumentHandlers = Pick<Handlers<DeskContext>, 'documents.open'>;

/** documents.*: registered documents, local or downloaded on demand. */
export function documentHandlers(d: DeskDeps): DocumentHandlers {
  return {
    'documents.open': (input, ctx) => openDocument(d, input.sha256, requireUser(ctx), ctx.token),
  };
}
