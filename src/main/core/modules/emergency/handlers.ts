import type { Handlers } from '../../../../shared/contract';
import { requireUser, type DeskContext, type DeskDeps } from '../../deps';
import { linkOf, listSessions } from './repository';
import * as service from './service';

type EmergencyHandlers = Pick<Handlers<DeskContext>, `emergency.${string}` & keyof Handlers<DeskContext>>;

/** emergency.* procedures: the emergency register of this desk (DPR 445/2000 art. 63). */
export function emergencyHandlers(d: DeskDeps): EmergencyHandlers {
  return {
    'emergency.status': () => service.status(d),
    'emergency.open': (input, ctx) => service.open(d, input, requireUser(ctx)),
    'emergency.close': (input, ctx) => service.close(d, input, requireUser(ctx)),
    'emergency.register': (input, ctx) => service.register(d, input, requireUser(ctx)),
    'emergency.sessions': () => listSessions(d.db),
    'emergency.link': (input) => linkOf(d.db, input.entryId),
    'emergency.preauthorise': (input, ctx) => service.preauthorise(d, input, requireUser(ctx)),
  };
}
