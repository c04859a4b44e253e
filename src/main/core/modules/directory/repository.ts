import { eq, or } from 'drizzle-orm';
import { AppError, type Contact, type ContactKind } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { contacts } from '../../db/schema';
import { contactFromRow, normaliseName } from '../../db/rows';
import { duplicateKeysOf, isLikelyDuplicate, type DuplicateKeys } from './duplicates';

export function getContact(db: Db, id: string): Contact {
  const row = db.select().from(contacts).where(eq(contacts.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Contatto non trovato in rubrica.');
  return contactFromRow(row);
}

/** Candidates by indexed keys, then the exact rule of `isLikelyDuplicate`. */
export function findDuplicates(db: Db, keys: DuplicateKeys): Contact[] {
  const conds = [eq(contacts.normName, keys.normName)];
  if (keys.fiscalCode) conds.push(eq(contacts.fiscalCode, keys.fiscalCode));
  if (keys.pec) conds.push(eq(contacts.pec, keys.pec));
  if (keys.email) conds.push(eq(contacts.email, keys.email));
  if (keys.ipaCode) conds.push(eq(contacts.ipaCode, keys.ipaCode));
  return db
    .select()
    .from(contacts)
    .where(or(...conds))
    .limit(20)
    .all()
    .map(contactFromRow)
    .filter((c) => isLikelyDuplicate(keys, duplicateKeysOf(c)));
}

/**
 * Autocomplete: names starting with the text first (index range on the normalised name), then
 * names containing it and PEC, e-mail, fiscal code or IPA code starting with it.
 */
export function searchContacts(db: Db, query: string, kind: ContactKind | undefined, limit: number): Contact[] {
  const sqlite = db.$client;
  const q = normaliseName(query);
  const raw = query.trim().toLowerCase();
  const kindSql = kind ? 'AND kind = @kind' : '';
  if (!q && !raw) {
    return (sqlite.prepare(`SELECT id FROM contacts WHERE 1=1 ${kindSql} ORDER BY norm_name LIMIT @limit`).all({ kind, limit }) as Array<{ id: string }>).map((r) => getContact(db, r.id));
  }
  const like = (s: string) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const ids = sqlite
    .prepare(
      `SELECT id, 0 AS rank, norm_name FROM contacts WHERE norm_name >= @q AND norm_name < @qEnd ${kindSql}
       UNION ALL
       SELECT id, 1 AS rank, norm_name FROM contacts WHERE (norm_name LIKE @contains ESCAPE '\\' OR pec LIKE @raw ESCAPE '\\' OR email LIKE @raw ESCAPE '\\'
         OR lower(fiscal_code) LIKE @raw ESCAPE '\\' OR lower(ipa_code) LIKE @raw ESCAPE '\\') ${kindSql}
       ORDER BY rank, norm_name LIMIT @fetch`,
    )
    .all({ q, qEnd: `${q}\uffff`, contains: `%${like(q)}`, raw: like(raw), kind, fetch: limit * 2 }) as Array<{ id: string }>;
  const seen = new Set<string>();
  const out: Contact[] = [];
  for (const { id } of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(getContact(db, id));
    if (out.length >= limit) break;
  }
  return out;
}
