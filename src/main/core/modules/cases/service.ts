import type { z } from 'zod';
import {
  AppError,
  type CaseDto,
  type caseOpenInput,
  type CaseSettingsDto,
  type caseSettingsUpdateInput,
  type CaseTypeDto,
  type caseTypeUpdateInput,
  type SessionUser,
  type SignatureItemDto,
  type signatureDecideInput,
  type signatureSubmitInput,
} from '../../../../shared/contract';
import type { CaseAction, CaseActionName } from '../../../../shared/domain/cases/reducer';
import { assertPatronDay } from '../../../../shared/domain/cases';
import { uuidv7 } from '../../../../shared/domain/ids';
import type { DeskDeps } from '../../deps';
import { applyMutation } from '../../write/apply-mutation';
import { findEntry } from '../protocol/repository';
import { caseSettings, caseType, getCase, getSignatureItem } from './repository';

/**
 * The case writes: each one is a named mutation through THE write path, whose local effect runs
 * the shared reducer (effects.ts) — an impossible action fails there with the reducer's Italian
 * message and nothing is written. The base version lets the server merge fields and record a
 * conflict when two desks changed the same one (issue 3 engine).
 */

type ArgsOf<N extends CaseActionName> = Extract<CaseAction, { name: N }>['args'];
type CaseWrite = Exclude<CaseActionName, 'cases.open'>;

function afterWrite(d: DeskDeps): void {
  d.emit({ type: 'data-changed', domains: ['cases'] });
  void d.engine.round();
}

/** An entry named by an action must be on this desk: its data go into the case (art. 63 date included). */
function requireLocalEntry(d: DeskDeps, entryId: string | undefined): void {
  if (!entryId) return;
  const e = findEntry(d.db, entryId);
  if (!e) throw new AppError('NOT_FOUND', 'La registrazione di protocollo non è ancora su questa postazione: sincronizza e riprova.', { entryId });
  // An annulled entry stays visible but gathers nothing (art. 54): the server refuses it too.
  if (e.status === 'annullato') throw new AppError('VALIDATION', 'La registrazione è annullata: non può far parte di una pratica.', { entryId });
}

/** Opens a case, from a protocol entry or standing alone; the id is the client's (UUIDv7). */
export function openCase(d: DeskDeps, input: z.output<typeof caseOpenInput>, user: SessionUser): CaseDto {
  requireLocalEntry(d, input.entryId);
  const now = d.clock();
  const args = { ...input, id: input.id ?? uuidv7(now.getTime()) };
  applyMutation(d.db, 'cases.open', args, user, { now, baseVersions: {} });
  afterWrite(d);
  return getCase(d.db, args.id);
}

/** Any other action on an existing case. */
export function actOnCase<N extends CaseWrite>(d: DeskDeps, name: N, args: ArgsOf<N>, user: SessionUser): CaseDto {
  const current = getCase(d.db, args.caseId);
  if ('entryId' in args) requireLocalEntry(d, args.entryId);
  applyMutation(d.db, name, args, user, { now: d.clock(), baseVersions: { [`cases:${current.id}`]: current.version } });
  afterWrite(d);
  return getCase(d.db, current.id);
}

/** Administrator: a type's term rule (the server audits it and recomputes the open cases). */
export function updateType(d: DeskDeps, input: z.output<typeof caseTypeUpdateInput>, user: SessionUser): CaseTypeDto {
  const current = caseType(d.db, input.code);
  applyMutation(d.db, 'cases.updateType', input, user, { now: d.clock(), baseVersions: { [`case_types:${input.code}`]: current.version } });
  afterWrite(d);
  return caseType(d.db, input.code);
}

export function updateSettings(d: DeskDeps, input: z.output<typeof caseSettingsUpdateInput>, user: SessionUser): CaseSettingsDto {
  const current = caseSettings(d.db);
  const min = input.patronageMinDaysBefore ?? current.patronageMinDaysBefore;
  const max = input.patronageMaxDaysBefore ?? current.patronageMaxDaysBefore;
  if (min > max) throw new AppError('VALIDATION', `Il preavviso minimo per il patrocinio (${min} giorni) supera il massimo (${max}).`);
  if (input.patronDay) assertPatronDay(input.patronDay);
  applyMutation(d.db, 'cases.updateSettings', input, user, { now: d.clock(), baseVersions: { 'case_settings:singleton': current.version } });
  afterWrite(d);
  return caseSettings(d.db);
}

/** Libro firma: a document goes to the Mayor's desk. */
export function submitSignature(d: DeskDeps, input: z.output<typeof signatureSubmitInput>, user: SessionUser): SignatureItemDto {
  if (input.caseId) getCase(d.db, input.caseId);
  const now = d.clock();
  const args = { ...input, id: input.id ?? uuidv7(now.getTime()) };
  applyMutation(d.db, 'signature.submit', args, user, { now, baseVersions: {} });
  afterWrite(d);
  return getSignatureItem(d.db, args.id);
}

export function decideSignature(d: DeskDeps, input: z.output<typeof signatureDecideInput>, user: SessionUser): SignatureItemDto {
  const current = getSignatureItem(d.db, input.id);
  applyMutation(d.db, 'signature.decide', input, user, { now: d.clock(), baseVersions: { [`signature_items:${current.id}`]: current.version } });
  afterWrite(d);
  return getSignatureItem(d.db, input.id);
}
