import { z } from 'zod';
import { defineDomain, procedure } from './procedure';
import { noInput, requiredText, uuid } from './common';

/**
 * Titolario di classificazione (Titolario per i Comuni, 2nd ed. 2005): seeded, editable,
 * versioned — a class is never deleted, only deactivated, because entries keep their code.
 */
export const classificationCode = z
  .string()
  .trim()
  .regex(/^[IVXL]+(\.\d{1,3}){0,2}$/, { message: 'Codice di classificazione non valido (es. I.13 o II.1)' });

export interface TitolarioNode {
  code: string;
  title: string;
  parentCode: string | null;
  active: boolean;
  version: number;
}

export const titolarioUpsertInput = z.object({
  code: classificationCode,
  title: requiredText(300),
  active: z.boolean().default(true),
});

/** Offices (UOR) to which entries are assigned. */
export interface Office {
  id: string;
  code: string;
  name: string;
  active: boolean;
  version: number;
}

export const officeUpsertInput = z.object({
  id: uuid.optional(),
  code: z.string().trim().regex(/^[A-Z0-9_]{1,16}$/, { message: 'Codice ufficio: 1–16 maiuscole, cifre o _' }),
  name: requiredText(200),
  active: z.boolean().default(true),
});

export const organisationContract = defineDomain('titolario', {
  /** The whole titolario, ordered by code. */
  'titolario.list': procedure<typeof noInput, TitolarioNode[]>(noInput),
  /** Adds or renames a class (administrator, responsabile). */
  'titolario.upsert': procedure<typeof titolarioUpsertInput, TitolarioNode>(titolarioUpsertInput),
});

export const officesContract = defineDomain('offices', {
  /** Offices of the AOO. */
  'offices.list': procedure<typeof noInput, Office[]>(noInput),
  /** Adds or edits an office (administrator). */
  'offices.upsert': procedure<typeof officeUpsertInput, Office>(officeUpsertInput),
});
