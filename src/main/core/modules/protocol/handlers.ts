import type { Handlers } from '../../../../shared/contract';
import { requireUser, type DeskContext, type DeskDeps } from '../../deps';
import { forward } from '../forward';
import { getEntryDetail } from './repository';
import { searchEntries } from './search';
import * as service from './service';
import { withEmergencyLinks } from '../emergency/repository';

type ProtocolHandlers = Pick<Handlers<DeskContext>, `protocol.${string}` & keyof Handlers<DeskContext>>;

/** protocol.* procedures: local reads, mutations through the write path, daily register online. */
export function protocolHandlers(d: DeskDeps): ProtocolHandlers {
  return {
    'protocol.register': (input, ctx) => service.register(d, input, requireUser(ctx)),
    'protocol.get': (input, ctx) => getEntryDetail(d.db, input.id, requireUser(ctx)),
    'protocol.search': (input, ctx) => {
      const result = searchEntries(d.db.$client, input, requireUser(ctx));
      return { ...result, items: withEmergencyLinks(d.db, result.items) };
    },
    'protocol.update': (input, ctx) => service.update(d, input, requireUser(ctx)),
    'protocol.requestAnnulment': (input, ctx) => service.requestAnnulment(d, input, requireUser(ctx)),
    'protocol.annul': (input, ctx) => service.annul(d, input, requireUser(ctx)),
    'protocol.label': (input) => service.label(d, input.id),
    'protocol.dailyRegister': (input, ctx) => forward(d, 'protocol.dailyRegister', input, ctx),
  };
}
