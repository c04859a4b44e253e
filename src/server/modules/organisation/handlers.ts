import { parseInput } from '../../../shared/contract/procedure';
import { officeUpsertInput, titolarioUpsertInput } from '../../../shared/contract/organisation';
import type { MutationHandler } from '../../sync/mutation-handler';
import { upsertOffice } from './offices';
import { upsertTitolario } from './titolario';

/** Titolario and offices mutations as pushed by the desks. */
export const organisationMutations = {
  'titolario.upsert': (ctx, raw) => upsertTitolario(ctx.tx, ctx.changes, parseInput(titolarioUpsertInput, raw)),
  'offices.upsert': (ctx, raw) => upsertOffice(ctx.tx, ctx.changes, parseInput(officeUpsertInput, raw), ctx.now),
} satisfies Record<string, MutationHandler>;
