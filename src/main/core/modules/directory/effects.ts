import { eq } from 'drizzle-orm';
import { contacts } from '../../db/schema';
import { contactFromRow, contactToRow } from '../../db/rows';
import type { ContactFields } from '../../../../shared/contract';
import type { EffectContext } from '../../write/context';

export type ContactCreateArgs = ContactFields & { id: string };
export type ContactUpdateArgs = Partial<ContactFields> & { id: string };

/** Local effect of directory.create: the contact exists at once, the server confirms later. */
export function createContactEffect(args: ContactCreateArgs, { db, now }: EffectContext): void {
  const existing = db.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, args.id)).get();
  if (existing) return;
  db.insert(contacts).values(contactToRow({ ...args, createdAt: now, updatedAt: now, version: 0 })).run();
}

/** Local effect of directory.update. */
export function updateContactEffect(args: ContactUpdateArgs, { db, now }: EffectContext): void {
  const row = db.select().from(contacts).where(eq(contacts.id, args.id)).get();
  if (!row) return;
  const merged = { ...contactFromRow(row), ...stripUndefined(args), updatedAt: now };
  db.update(contacts).set(contactToRow(merged)).where(eq(contacts.id, args.id)).run();
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
