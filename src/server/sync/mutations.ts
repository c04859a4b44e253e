import { AppError } from '../../shared/contract/errors';
import { mutationVersions, type MutationName } from '../../shared/sync/protocol';
import { directoryMutations, directoryUpgrades } from '../modules/directory/handlers';
import { organisationMutations } from '../modules/organisation/handlers';
import { protocolMutations } from '../modules/protocol/handlers';
import { emergencyMutations } from '../modules/emergency/handlers';
import { agendaMutations } from '../modules/agenda/handlers';
import { casesMutations } from '../modules/cases/handlers';
import { conflictMutations } from './conflicts-resolve';
import type { MutationHandler } from './mutation-handler';

/**
 * Every mutation the register accepts, at its CURRENT version (`mutationVersions`); the type
 * fails to compile if one is missing.
 */
export const mutationHandlers = {
  ...protocolMutations,
  ...directoryMutations,
  ...organisationMutations,
  ...conflictMutations,
  ...emergencyMutations,
  ...agendaMutations,
  ...casesMutations,
} satisfies Record<MutationName, MutationHandler>;

/** Turns the arguments of version N into those of version N + 1. */
export type ArgsUpgrade = (args: unknown) => unknown;

/**
 * Upgrades of older versions, per mutation and per version they start from: a laptop back after
 * a week with an older Gonfalone still pushes its outbox (issue 3, "Version skew").
 */
export const mutationUpgrades: Partial<Record<MutationName, Record<number, ArgsUpgrade>>> = {
  ...directoryUpgrades,
};

export interface MutationRegistry {
  versions: Record<string, number>;
  handlers: Record<string, MutationHandler>;
  upgrades: Partial<Record<string, Record<number, ArgsUpgrade>>>;
}

export const registry: MutationRegistry = { versions: mutationVersions, handlers: mutationHandlers, upgrades: mutationUpgrades };

export function handlerOf(name: string): MutationHandler | undefined {
  return Object.prototype.hasOwnProperty.call(mutationHandlers, name) ? mutationHandlers[name as MutationName] : undefined;
}

/** The version check that must happen BEFORE anything is stored: a newer version is not rejected, it waits. */
export function isNewerThanServer(name: string, version: number, reg: MutationRegistry = registry): boolean {
  const current = reg.versions[name];
  return current !== undefined && version > current;
}

/**
 * The handler for (name, version): the current one, preceded by the chain of upgrades from the
 * pushed version. An unknown name or a version with no upgrade path is refused (and goes to
 * the desk's review inbox); a NEWER version is VERSION_SKEW (the caller must not store it).
 */
export function resolveHandler(name: string, version: number, reg: MutationRegistry = registry): MutationHandler {
  const current = Object.prototype.hasOwnProperty.call(reg.versions, name) ? reg.versions[name] : undefined;
  const handler = Object.prototype.hasOwnProperty.call(reg.handlers, name) ? reg.handlers[name] : undefined;
  if (current === undefined || !handler) throw new AppError('UNKNOWN_PROCEDURE', `Operazione sconosciuta al server del registro: ${name}.`);
  if (version > current) throw new AppError('VERSION_SKEW');
  const steps: ArgsUpgrade[] = [];
  for (let v = version; v < current; v++) {
    const step = reg.upgrades[name]?.[v];
    if (!step) throw new AppError('VALIDATION', `La versione ${version} dell'operazione ${name} non è più accettata dal server: inseriscila di nuovo.`);
    steps.push(step);
  }
  if (steps.length === 0) return handler;
  return (ctx, raw) => handler(ctx, steps.reduce((args, up) => up(args), raw));
}
