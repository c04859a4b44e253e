import type { z } from 'zod';
import { composeContract, type Procedure } from './procedure';
import { setupContract } from './setup';
import { authContract, usersContract } from './auth';
import { directoryContract } from './directory';
import { officesContract, organisationContract } from './organisation';
import { protocolContract } from './protocol';
import { syncContract, systemContract } from './system';
import { devicesContract } from './devices';
import { emergencyContract } from './emergency';
import { reviewContract } from './review';
import { conflictsContract } from './conflicts';
import { documentsContract } from './documents';
import { caseContract, signatureContract } from './cases';
import { agendaContract, invitationsContract } from './agenda';

/** The whole desk RPC contract: one map, from which both transports are generated. */
export const contract = composeContract(
  setupContract,
  authContract,
  usersContract,
  directoryContract,
  organisationContract,
  officesContract,
  protocolContract,
  syncContract,
  systemContract,
  devicesContract,
  emergencyContract,
  reviewContract,
  conflictsContract,
  documentsContract,
  caseContract,
  signatureContract,
  agendaContract,
  invitationsContract,
);

export type Contract = typeof contract;
export type ProcedureName = keyof Contract & string;
export type InputOf<K extends ProcedureName> = Contract[K] extends Procedure<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<K extends ProcedureName> = Contract[K] extends Procedure<infer I, unknown> ? z.output<I> : never;
export type OutputOf<K extends ProcedureName> = Contract[K] extends Procedure<z.ZodType, infer O> ? O : never;

/** Server-side implementation of every procedure, with the caller's context. */
export type Handlers<Ctx> = { [K in ProcedureName]: (input: ParsedInputOf<K>, ctx: Ctx) => Promise<OutputOf<K>> | OutputOf<K> };

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './errors';
export * from './procedure';
export * from './common';
export * from './setup';
export * from './auth';
export * from './directory';
export * from './organisation';
export * from './protocol';
export * from './system';
export * from './events';
export * from './devices';
export * from './emergency';
export * from './review';
export * from './conflicts';
export * from './documents';
export * from './cases';
export * from './agenda';
