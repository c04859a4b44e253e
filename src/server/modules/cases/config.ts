import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { CaseDto, CaseSettingsDto, CaseTypeDto, ConfigAuditDto, caseSettingsUpdateInput, caseTypeUpdateInput } from '../../../shared/contract/cases';
import { caseTypeRule, type CaseTypeCode } from '../../../shared/domain/cases/case-types';
import { assertPatronDay } from '../../../shared/domain/cases/holidays';
import { derivedId, reduceTermChange, type CaseReduceCtx } from '../../../shared/domain/cases/reducer';
import { rowsOf } from '../../db/change-log';
import { saveDoc, type StoredDoc } from '../../db/docs';
import type { MutationCtx } from '../../sync/mutation-handler';
import { loadCaseSettings, loadCaseType, serverReduceCtx } from './reduce-context';
import { saveCase } from './service';

/**
 * Administrator changes of the term rules (issue 4): audited (who, when, before, after) and
 * applied to the OPEN cases at once, each recomputed case getting a 'termine_ricalcolato' line.
 * Closed cases keep the term they were judged by.
 */

type Fields = Record<string, unknown>;
const OPEN = sql`state not in ('chiusa', 'archiviata')`;

/** Open cases matching `where`, locked for the rest of the transaction. */
async function lockOpenCases(ctx: MutationCtx, where: SQL): Promise<Array<StoredDoc<CaseDto>>> {
  const rows = rowsOf(await ctx.tx.execute(sql`select id, data, version from cases where ${OPEN} and ${where} order by id for update`));
  return rows.map((r) => ({ ...(r.data as CaseDto), id: String(r.id), version: Number(r.version) }));
}

function withoutMeta<T extends { id: string; version: number }>(dto: T): Fields {
  const { id: _id, version: _version, ...rest } = dto;
  return rest;
}

/** Recomputes the given cases under the new configuration; returns how many due dates moved. */
async function recompute(ctx: MutationCtx, cases: Array<StoredDoc<CaseDto>>, rctx: CaseReduceCtx, typeOf: (code: CaseTypeCode) => CaseTypeDto): Promise<number> {
  let moved = 0;
  for (const c of cases) {
    let out: ReturnType<typeof reduceTermChange>;
    try {
      out = reduceTermChange(c, { ...rctx, type: typeOf(c.typeCode) });
    } catch (err) {
      if (err instanceof AppError) throw new AppError('VALIDATION', `La nuova regola non si può applicare alla pratica «${c.title}»: ${err.message}`, { caseId: c.id });
      throw err;
    }
    if (!out) continue;
    await saveCase(ctx, out.next, c.version, out.events);
    moved += 1;
  }
  return moved;
}

async function audit(ctx: MutationCtx, entity: ConfigAuditDto['entity'], key: string, before: Fields | null, after: Fields, recomputed: number): Promise<void> {
  const row: Omit<ConfigAuditDto, 'version'> = {
    id: derivedId(ctx.mutationId ?? `server-${ctx.now.getTime()}`, 0),
    at: ctx.now.toISOString(),
    by: ctx.user.id,
    byName: ctx.user.fullName,
    entity,
    key,
    before,
    after,
    recomputed,
  };
  await saveDoc(ctx, 'config_audit', row);
}

/** cases.updateType: the rule of one type; its open cases are recomputed. */
export async function updateCaseType(ctx: MutationCtx, input: z.output<typeof caseTypeUpdateInput>): Promise<CaseTypeDto> {
  const { code, ...patch } = input;
  const current = await loadCaseType(ctx.tx, code, { forUpdate: true });
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const next: CaseTypeDto = { ...current, ...set, code, id: code };
  if (JSON.stringify(withoutMeta(next)) === JSON.stringify(withoutMeta(current))) {
    ctx.changes.add('case_types', current.id, current, current.version);
    return current;
  }
  const saved = await saveDoc(ctx, 'case_types', next, { previousVersion: current.version });
  const termChanged = next.termDays !== current.termDays || next.maxSuspensionDays !== current.maxSuspensionDays;
  const rctx = await serverReduceCtx(ctx, { typeCode: code });
  const recomputed = termChanged ? await recompute(ctx, await lockOpenCases(ctx, sql`type_code = ${code}`), rctx, () => saved) : 0;
  // Before is null only for a type whose row was never stored (the seeded default stood in).
  await audit(ctx, 'case_type', code, current.version === 0 ? null : withoutMeta(current), withoutMeta(saved), recomputed);
  return saved;
}

/** cases.updateSettings: holiday rule, patron saint's day, "due soon" days, patronage window. */
export async function updateCaseSettings(ctx: MutationCtx, input: z.output<typeof caseSettingsUpdateInput>): Promise<CaseSettingsDto> {
  const current = await loadCaseSettings(ctx.tx, { forUpdate: true });
  const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const next: CaseSettingsDto = { ...current, ...set, id: 'singleton' };
  if (next.patronDay !== null) assertPatronDay(next.patronDay);
  if (next.patronageMinDaysBefore > next.patronageMaxDaysBefore) {
    throw new AppError('VALIDATION', 'Il numero minimo di giorni prima dell\'evento non può superare il massimo.');
  }
  if (JSON.stringify(withoutMeta(next)) === JSON.stringify(withoutMeta(current))) {
    ctx.changes.add('case_settings', current.id, current, current.version);
    return current;
  }
  const saved = await saveDoc(ctx, 'case_settings', next, { previousVersion: current.version });
  // Only the holiday rule and the patron day move due dates (the others are display and checks).
  const termChanged = next.moveOnHoliday !== current.moveOnHoliday || next.patronDay !== current.patronDay;
  let recomputed = 0;
  if (termChanged) {
    const rctx = { ...(await serverReduceCtx(ctx, { typeCode: 'altro' })), settings: saved };
    const types = new Map<CaseTypeCode, CaseTypeDto>();
    const typeOf = (code: CaseTypeCode) => types.get(code) ?? { ...caseTypeRule(code), id: code, version: 0 };
    const open = await lockOpenCases(ctx, sql`true`);
    for (const code of new Set(open.map((c) => c.typeCode))) types.set(code, await loadCaseType(ctx.tx, code));
    recomputed = await recompute(ctx, open, rctx, typeOf);
  }
  await audit(ctx, 'case_settings', 'singleton', current.version === 0 ? null : withoutMeta(current), withoutMeta(saved), recomputed);
  return saved;
}
