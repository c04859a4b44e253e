import { eq, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import { contactUpdateInput, type Contact, type ContactCreateResult, type ContactFields, type contactCreateInput, type DuplicateWarning } from '../../../shared/contract/directory';
import { parseInput } from '../../../shared/contract/procedure';
import { mergeFields, recordFieldVersions, type FieldProposal } from '../../sync/field-merge';
import type { MutationCtx } from '../../sync/mutation-handler';
import { uuidv7 } from '../../../shared/domain/ids';
import type { ChangeSet } from '../../db/change-set';
import type { Db } from '../../db/client';
import { contacts } from '../../db/schema';

type ContactRow = typeof contacts.$inferSelect;

export function toContact(r: ContactRow): Contact {
  return { ...(r.fields as ContactFields), kind: r.kind as Contact['kind'], name: r.name, id: r.id, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), version: r.version };
}

function field(name: string): SQL {
  return sql`${contacts.fields} ->> ${name}`;
}

/** Likely duplicates: same name (case-insensitive), fiscal code, PEC, e-mail or codice IPA. */
export async function findDuplicates(tx: Db, c: ContactFields): Promise<DuplicateWarning['duplicates']> {
  const conds: SQL[] = [sql`lower(${contacts.name}) = lower(${c.name})`];
  if (c.fiscalCode) conds.push(sql`${field('fiscalCode')} = ${c.fiscalCode}`);
  if (c.pec) conds.push(sql`lower(${field('pec')}) = lower(${c.pec})`);
  if (c.email) conds.push(sql`lower(${field('email')}) = lower(${c.email})`);
  if (c.ipaCode) conds.push(sql`${field('ipaCode')} = ${c.ipaCode}`);
  const rows = await tx.select().from(contacts).where(or(...conds)).limit(10);
  return rows.map(toContact).map((d) => ({
    id: d.id,
    name: d.name,
    kind: d.kind,
    pec: d.pec,
    email: d.email,
    fiscalCode: d.fiscalCode,
    ipaCode: d.ipaCode,
    city: d.city,
  }));
}

function splitFields(input: ContactFields): { kind: string; name: string; fields: Record<string, unknown> } {
  const { kind, name, ...rest } = input;
  const fields = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return { kind, name, fields };
}

/** Inserts a contact (no duplicate check): used by inline creation during registration. */
export async function insertContact(tx: Db, changes: ChangeSet, input: ContactFields & { id?: string }, now: Date): Promise<Contact> {
  // A reused id hits the primary key: mapped to CONFLICT by db/errors.ts.
  const id = input.id ?? uuidv7(now.getTime());
  const { id: _ignored, ...fields } = input;
  const [row] = await tx.insert(contacts).values({ id, ...splitFields(fields), createdAt: now, updatedAt: now }).returning();
  const contact = toContact(row!);
  changes.add('contacts', contact.id, contact, contact.version);
  return contact;
}

/** Creates a contact unless likely duplicates exist and the user did not confirm. */
export async function createContact(tx: Db, changes: ChangeSet, input: z.output<typeof contactCreateInput>, now: Date): Promise<ContactCreateResult> {
  const { ignoreDuplicates, ...fields } = input;
  if (!ignoreDuplicates) {
    const duplicates = await findDuplicates(tx, fields);
    if (duplicates.length > 0) return { created: null, duplicates };
  }
  return { created: await insertContact(tx, changes, fields, now), duplicates: [] };
}

/**
 * Edits a contact; registrations keep the snapshot they were made with (art. 53). Based on an
 * older version, it merges field by field (src/server/sync/field-merge.ts).
 */
export async function updateContact(ctx: MutationCtx, input: z.output<typeof contactUpdateInput> & { clear?: string[] }): Promise<Contact> {
  const { tx, changes, now } = ctx;
  const [current] = await tx.select().from(contacts).where(eq(contacts.id, input.id)).for('update');
  if (!current) throw new AppError('NOT_FOUND', 'Contatto non trovato.');
  const { id, clear = [], ...set } = input;
  const patch: Record<string, unknown> = { ...set, ...Object.fromEntries(clear.map((f) => [f, null])) };
  const before: Record<string, unknown> = { ...toContact(current) };
  const proposals: FieldProposal[] = Object.entries(patch)
    .filter(([, v]) => v !== undefined)
    .map(([field, next]) => ({ field, current: before[field] ?? null, next }));
  const merge = await mergeFields(ctx, 'contacts', id, proposals);
  const accepted = Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && merge.apply.has(k)));
  if (Object.keys(accepted).length === 0) {
    // Nothing applied (a lost conflict, or no real change): the current row goes out again so the
    // desk that changed it optimistically converges back to the server's value.
    const unchanged = toContact(current);
    changes.add('contacts', unchanged.id, unchanged, unchanged.version);
    return unchanged;
  }
  // An emptied field (null) leaves the row: the DTO has no key for an absent optional field.
  const merged: Record<string, unknown> = { ...toContact(current), ...accepted };
  for (const [k, v] of Object.entries(merged)) if (v === null || v === undefined) delete merged[k];
  if (merged.kind === 'pa' && !merged.ipaCode) throw new AppError('VALIDATION', 'Per una pubblica amministrazione indica il codice IPA.');
  const { id: _i, createdAt: _c, updatedAt: _u, version: _v, kind, name, ...fields } = merged;
  const [row] = await tx
    .update(contacts)
    .set({ kind: String(kind), name: String(name), fields, updatedAt: now, version: current.version + 1 })
    .where(eq(contacts.id, id))
    .returning();
  const contact = toContact(row!);
  changes.add('contacts', contact.id, contact, contact.version);
  await recordFieldVersions(ctx, 'contacts', id, Object.keys(accepted), contact.version);
  return contact;
}

/** Applies a conflict's losing value to a contact (conflicts.resolve). */
export async function applyContactField(ctx: MutationCtx, id: string, field: string, value: unknown): Promise<void> {
  const input = value === null || value === undefined ? { id, clear: [field] } : parseInput(contactUpdateInput, { id, [field]: value });
  await updateContact({ ...ctx, baseVersions: {} }, input);
}
