import { parseInput } from '../../../shared/contract/procedure';
import { emergencyCloseArgs, emergencyOpenArgs, emergencyPreauthoriseArgs, registerEmergencyArgs } from '../../../shared/contract/emergency';
import type { MutationHandler } from '../../sync/mutation-handler';
import { recoverEntry } from './recovery';
import { closeSession, openSession, preauthorise } from './sessions';

/** Emergency register mutations (DPR 445/2000 art. 63) as pushed by the desks. */
export const emergencyMutations = {
  'emergency.open': (ctx, raw) => openSession(ctx, parseInput(emergencyOpenArgs, raw)),
  'emergency.close': (ctx, raw) => closeSession(ctx, parseInput(emergencyCloseArgs, raw)),
  'emergency.preauthorise': (ctx, raw) => preauthorise(ctx, parseInput(emergencyPreauthoriseArgs, raw)),
  /** Recovery: the outbox draining on reconnection gives each entry its ordinary number. */
  'protocol.registerEmergency': (ctx, raw) => recoverEntry(ctx, parseInput(registerEmergencyArgs, raw)),
} satisfies Record<string, MutationHandler>;
