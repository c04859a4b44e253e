import type { Handlers } from '../../../../shared/contract';
import { requireUser, type DeskContext, type DeskDeps } from '../../deps';
import * as service from './service';

type ReviewHandlers = Pick<Handlers<DeskContext>, 'review.list' | 'review.resolve' | 'review.discard'>;

/** review.*: the "Da verificare" inbox of mutations the register server refused. */
export function reviewHandlers(d: DeskDeps): ReviewHandlers {
  return {
    'review.list': (input) => service.list(d, input),
    'review.resolve': (input, ctx) => service.resolve(d, input, requireUser(ctx)),
    'review.discard': (input, ctx) => service.discard(d, input, requireUser(ctx)),
  };
}
