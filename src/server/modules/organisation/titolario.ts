import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { TitolarioNode, titolarioUpsertInput } from '../../../shared/contract/organisation';
import type { ChangeSet } from '../../db/change-set';
import type { Db } from '../../db/client';
import { titolario } from '../../db/schema';

const romanValues: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

function romanToNumber(roman: string): number {
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = romanValues[roman[i]!] ?? 0;
    const next = romanValues[roman[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** "II.13" → "002.013": codes sort as the titolario reads, not as strings. */
export function sortKeyOf(code: string): string {
  const [title, ...rest] = code.split('.');
  return [romanToNumber(title!), ...rest.map(Number)].map((n) => String(n).padStart(3, '0')).join('.');
}

export function parentOf(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}

export function toTitolarioNode(r: typeof titolario.$inferSelect): TitolarioNode {
  return { code: r.code, title: r.title, parentCode: r.parentCode, active: r.active, version: r.version };
}

/**
 * Adds or renames a class. Classes are deactivated, never deleted: registered entries keep
 * their classification code for ever.
 */
export async function upsertTitolario(tx: Db, changes: ChangeSet, input: z.output<typeof titolarioUpsertInput>): Promise<TitolarioNode> {
  const parentCode = parentOf(input.code);
  if (parentCode) {
    const [parent] = await tx.select({ code: titolario.code }).from(titolario).where(eq(titolario.code, parentCode));
    if (!parent) throw new AppError('VALIDATION', `La voce superiore ${parentCode} non esiste nel titolario.`);
  }
  const [current] = await tx.select().from(titolario).where(eq(titolario.code, input.code)).for('update');
  const [row] = current
    ? await tx
        .update(titolario)
        .set({ title: input.title, active: input.active, version: current.version + 1 })
        .where(eq(titolario.code, input.code))
        .returning()
    : await tx
        .insert(titolario)
        .values({ code: input.code, title: input.title, parentCode, sortKey: sortKeyOf(input.code), active: input.active })
        .returning();
  const node = toTitolarioNode(row!);
  changes.add('titolario', node.code, node, node.version);
  return node;
}

/** Classification must name an active class of the titolario. */
export async function checkClassification(tx: Db, code: string | null): Promise<void> {
  if (code === null) return;
  const [row] = await tx.select().from(titolario).where(eq(titolario.code, code));
  if (!row) throw new AppError('VALIDATION', `La classificazione ${code} non esiste nel titolario.`);
  if (!row.active) throw new AppError('VALIDATION', `La classificazione ${code} non è più attiva.`);
}
