import { AppError } from '../../../shared/contract/errors';
import { parseInput } from '../../../shared/contract/procedure';
import { annulInput, registerInput, requestAnnulmentInput, updateInput } from '../../../shared/contract/protocol';
import type { MutationHandler } from '../../sync/mutation-handler';
import { annulEntry, requestAnnulment, updateEntry } from './changes';
import { registerEntry } from './register';

/** Protocol mutations as pushed by the desks. */
export const protocolMutations = {
  'protocol.register': (ctx, raw) => {
    const input = parseInput(registerInput, raw);
    // The desk generates the entry id (UUIDv7) so its outbox can refer to it before the number.
    if (!input.id) throw new AppError('VALIDATION', "Manca l'identificativo della registrazione (id).");
    return registerEntry(ctx, { ...input, id: input.id });
  },
  'protocol.update': (ctx, raw) => updateEntry(ctx, parseInput(updateInput, raw)),
  'protocol.requestAnnulment': (ctx, raw) => requestAnnulment(ctx, parseInput(requestAnnulmentInput, raw)),
  'protocol.annul': (ctx, raw) => annulEntry(ctx, parseInput(annulInput, raw)),
} satisfies Record<string, MutationHandler>;
