import type { z } from 'zod';
import { AppError, type CaseDto, type CaseEventDto, type caseSettingsUpdateInput, type CaseTypeDto, type caseTypeUpdateInput } from '../../../../shared/contract';
import { caseStates, isOpenState, type CaseTypeCode } from '../../../../shared/domain/cases';
import { reduceCase, reduceTermChange, type CaseAction, type CaseActionName, type CaseReduction } from '../../../../shared/domain/cases/reducer';
import { getDoc, parseDocs } from '../../db/doc-tables';
import type { Db } from '../../db/open';
import type { EffectContext } from '../../write/context';
import { reduceContext } from './reduce-context';
import { caseSettings, caseType, findStoredCase, publicCase, putRow, type StoredCase } from './repository';

/**
 * Local effects of the case mutations: the shared reducer (src/shared/domain/cases/reducer.ts)
 * applied to the local row, so the desk shows at once what the server will decide.
 *
 * Idempotence: the effect runs once when the clerk acts and again after every pull while the
 * mutation is pending. The row remembers the pending mutations it already carries
 * (`_localMutations`); a pulled row does not, so each effect lands exactly once on top of the
 * server's latest row. Events are immutable rows with ids derived from the mutation.
 */

type ArgsOf<N extends CaseActionName> = Extract<CaseAction, { name: N }>['args'];

function caseIdOf(action: CaseAction): string {
  if (action.name === 'cases.open') {
    if (!action.args.id) throw new AppError('VALIDATION', 'Identificativo della pratica mancante.');
    return action.args.id;
  }
  return action.args.caseId;
}

function entryIdOf(action: CaseAction): string | undefined {
  switch (action.name) {
    case 'cases.open':
    case 'cases.linkEntry':
    case 'cases.replySent':
      return action.args.entryId;
    default:
      return undefined;
  }
}

/** Stores the reducer's result: the case with its bookkeeping, and the events not stored yet. */
function store(db: Db, r: CaseReduction, carried: string[]): void {
  const next: StoredCase = { ...r.next, _localMutations: carried };
  putRow(db, 'cases', next, r.next.version);
  for (const e of r.events) {
    if (getDoc<CaseEventDto>(db, 'case_events', e.id)) continue;
    putRow(db, 'case_events', { ...e, version: 0 }, 0);
  }
}

/** Runs an action through the reducer on the local row. */
export function applyCaseAction(action: CaseAction, ctx: EffectContext): void {
  const { db } = ctx;
  const current = findStoredCase(db, caseIdOf(action));
  const carried = current?._localMutations ?? [];
  if (carried.includes(ctx.mutationId)) return;
  const typeCode: CaseTypeCode = current?.typeCode ?? (action.name === 'cases.open' ? action.args.typeCode : 'altro');
  try {
    const rctx = reduceContext(db, ctx.user, ctx, typeCode, entryIdOf(action));
    const r = reduceCase(current ? publicCase(current) : null, action, rctx);
    store(db, r, [...carried, ctx.mutationId]);
  } catch (err) {
    if (ctx.replay && err instanceof AppError) return;
    throw err;
  }
}

function caseEffect<N extends CaseActionName>(name: N): (args: ArgsOf<N>, ctx: EffectContext) => void {
  return (args, ctx) => applyCaseAction({ name, args } as CaseAction, ctx);
}

export const caseEffects = {
  'cases.open': caseEffect('cases.open'),
  'cases.linkEntry': caseEffect('cases.linkEntry'),
  'cases.assign': caseEffect('cases.assign'),
  'cases.takeCharge': caseEffect('cases.takeCharge'),
  'cases.refuse': caseEffect('cases.refuse'),
  'cases.transition': caseEffect('cases.transition'),
  'cases.suspend': caseEffect('cases.suspend'),
  'cases.resume': caseEffect('cases.resume'),
  'cases.addNote': caseEffect('cases.addNote'),
  'cases.replySent': caseEffect('cases.replySent'),
  'cases.close': caseEffect('cases.close'),
  'cases.archive': caseEffect('cases.archive'),
  'cases.updatePatronage': caseEffect('cases.updatePatronage'),
  'cases.decidePatronage': caseEffect('cases.decidePatronage'),
  'cases.advanceHearing': caseEffect('cases.advanceHearing'),
} satisfies Record<CaseActionName, (args: never, ctx: EffectContext) => void>;

const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * New terms for the open cases after a configuration change (the server does the same with
 * authority and writes the audit row). Naturally idempotent: a case whose due date already
 * follows the new rule is left alone.
 */
function recomputeOpenCases(ctx: EffectContext, typeCode: CaseTypeCode | null): void {
  const { db } = ctx;
  const open = caseStates.filter(isOpenState).map((s) => `'${s}'`).join(', ');
  const rows = typeCode
    ? db.$client.prepare(`SELECT data FROM cases WHERE type_code = ? AND state IN (${open})`).all(typeCode)
    : db.$client.prepare(`SELECT data FROM cases WHERE state IN (${open})`).all();
  for (const stored of parseDocs<StoredCase>(rows as Array<{ data: string }>)) {
    const c: CaseDto = publicCase(stored);
    try {
      const r = reduceTermChange(c, reduceContext(db, ctx.user, ctx, c.typeCode));
      if (r) store(db, r, stored._localMutations ?? []);
    } catch (err) {
      // A case the new rule cannot apply to: the server refuses the change (and says why).
      if (ctx.replay && err instanceof AppError) continue;
      throw err;
    }
  }
}

/** cases.updateType: the administrator's new term rule, and the open cases of the type recomputed. */
export function updateTypeEffect(args: z.output<typeof caseTypeUpdateInput>, ctx: EffectContext): void {
  const { code, ...fields } = args;
  const current = caseType(ctx.db, code);
  const next: CaseTypeDto = { ...current, ...defined(fields) };
  putRow(ctx.db, 'case_types', next, current.version);
  recomputeOpenCases(ctx, code);
}

/** cases.updateSettings: holidays, patron day and windows; every open case recomputed. */
export function updateSettingsEffect(args: z.output<typeof caseSettingsUpdateInput>, ctx: EffectContext): void {
  const current = caseSettings(ctx.db);
  putRow(ctx.db, 'case_settings', { ...current, ...defined(args) }, current.version);
  recomputeOpenCases(ctx, null);
}
