import type { MutationName } from '../../shared/sync/protocol';
import { directoryMutations } from '../modules/directory/handlers';
import { organisationMutations } from '../modules/organisation/handlers';
import { protocolMutations } from '../modules/protocol/handlers';
import type { MutationHandler } from './mutation-handler';

/** Every mutation the register accepts; the type fails to compile if one is missing. */
export const mutationHandlers = {
  ...protocolMutations,
  ...directoryMutations,
  ...organisationMutations,
} satisfies Record<MutationName, MutationHandler>;

export function handlerOf(name: string): MutationHandler | undefined {
  return Object.prototype.hasOwnProperty.call(mutationHandlers, name) ? mutationHandlers[name as MutationName] : undefined;
}
