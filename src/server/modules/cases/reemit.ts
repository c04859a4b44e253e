import type { CaseDto, SignatureItemDto } from '../../../shared/contract/cases';
import { derivedId } from '../../../shared/domain/cases/reducer';
import type { ChangeSet } from '../../db/change-set';
import type { Db } from '../../db/client';
import { loadDoc } from '../../db/docs';

/**
 * Ids a case action derives from its mutation (case on open, assignments, events): a handful at
 * most (open: case + event + link; takeCharge: assignment + event; linkEntry: two events).
 */
const DERIVED_PER_ACTION = 4;

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * A refused case or signature mutation: the row it touched goes out again as the register has
 * it, a row it created on the desk goes out as a tombstone, and so do the timeline events the
 * desk derived from the mutation (the server never recorded them), so the desk that applied the
 * action optimistically converges back.
 */
export async function reemitCaseRows(tx: Db, changes: ChangeSet, name: string, args: unknown, mutationId?: string): Promise<void> {
  const a = (typeof args === 'object' && args !== null ? args : {}) as Record<string, unknown>;
  if (name.startsWith('signature.')) {
    const id = text(a.id) ?? (name === 'signature.submit' && mutationId ? derivedId(mutationId, 0) : null);
    if (!id) return;
    const row = await loadDoc<SignatureItemDto>(tx, 'signature_items', id);
    changes.add('signature_items', id, row, row?.version ?? 0);
    return;
  }
  if (name === 'cases.updateType' || name === 'cases.updateSettings') {
    const table = name === 'cases.updateType' ? 'case_types' : 'case_settings';
    const key = name === 'cases.updateType' ? text(a.code) : 'singleton';
    const row = key ? await loadDoc<{ id: string; version: number }>(tx, table, key) : null;
    if (row && key) changes.add(table, key, row, row.version);
    return;
  }
  const caseId = name === 'cases.open' ? (text(a.id) ?? (mutationId ? derivedId(mutationId, 0) : null)) : text(a.caseId);
  if (caseId) {
    const row = await loadDoc<CaseDto>(tx, 'cases', caseId);
    changes.add('cases', caseId, row, row?.version ?? 0);
  }
  if (!mutationId) return;
  for (let i = 0; i < DERIVED_PER_ACTION; i++) {
    const id = derivedId(mutationId, i);
    if (id !== caseId && !(await loadDoc(tx, 'case_events', id))) changes.add('case_events', id, null, 0);
  }
}
