import { z } from 'zod';
import { defineDomain, procedure } from './procedure';
import { email, requiredText, shortText, uuid } from './common';
import { ipaCode } from './setup';

/** Address book: persons, companies and public administrations. */
export const contactKinds = ['persona', 'impresa', 'pa'] as const;
export type ContactKind = (typeof contactKinds)[number];

export const contactFields = z.object({
  kind: z.enum(contactKinds),
  /** Display name: "Rossi Mario", "Edilnord S.r.l.", "Regione Lombardia". */
  name: requiredText(300),
  firstName: shortText(100).optional(),
  lastName: shortText(100).optional(),
  fiscalCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z0-9]{16}|\d{11})$/, { message: 'Codice fiscale o partita IVA non valido' })
    .optional(),
  ipaCode: ipaCode.optional(),
  pec: email.optional(),
  email: email.optional(),
  phone: shortText(40).optional(),
  address: shortText(300).optional(),
  postalCode: z.string().trim().regex(/^\d{5}$/, { message: 'CAP non valido (5 cifre)' }).optional(),
  city: shortText(100).optional(),
  province: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { message: 'Sigla provincia non valida' }).optional(),
  notes: shortText(1000).optional(),
});

export const contactCreateInput = contactFields
  .extend({
    /** Client-generated UUIDv7 so the row can exist locally before the server has it. */
    id: uuid.optional(),
    /** Create even if similar contacts exist (the UI asked the user). */
    ignoreDuplicates: z.boolean().default(false),
  })
  .refine((c) => c.kind !== 'pa' || !!c.ipaCode, { message: 'Per una pubblica amministrazione indica il codice IPA', path: ['ipaCode'] });

export const contactUpdateInput = contactFields.partial().extend({ id: uuid });

export type ContactFields = z.infer<typeof contactFields>;

export interface Contact extends ContactFields {
  id: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const directorySearchInput = z.object({
  query: z.string().max(200, { message: 'Massimo 200 caratteri' }).default(''),
  kind: z.enum(contactKinds).optional(),
  limit: z.number().int().min(1).max(200).default(20),
});

export interface DuplicateWarning {
  duplicates: Array<Pick<Contact, 'id' | 'name' | 'kind' | 'pec' | 'email' | 'fiscalCode' | 'ipaCode' | 'city'>>;
}

/** Result of create: either the contact, or the similar contacts found (nothing created). */
export type ContactCreateResult = { created: Contact; duplicates: [] } | { created: null; duplicates: DuplicateWarning['duplicates'] };

export const directoryContract = defineDomain('directory', {
  /** Autocomplete over name, PEC, e-mail, fiscal code and codice IPA. */
  'directory.search': procedure<typeof directorySearchInput, Contact[]>(directorySearchInput),
  /** One contact. */
  'directory.get': procedure<z.ZodObject<{ id: typeof uuid }>, Contact>(z.object({ id: uuid })),
  /** Creates a contact, warning about likely duplicates first. */
  'directory.create': procedure<typeof contactCreateInput, ContactCreateResult>(contactCreateInput),
  /** Edits a contact (registrations keep the snapshot they were made with). */
  'directory.update': procedure<typeof contactUpdateInput, Contact>(contactUpdateInput),
});
