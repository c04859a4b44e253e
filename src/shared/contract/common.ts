import { z } from 'zod';

/**
 * Building blocks shared by the domain schemas. Limits are generous for real mail but bounded:
 * an overlong field is refused with a clear message instead of reaching the database.
 */

export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
  message: 'Identificativo non valido',
});

export const shortText = (max = 200) => z.string().trim().max(max, { message: `Massimo ${max} caratteri` });
export const requiredText = (max = 200) =>
  z.string().trim().min(1, { message: 'Campo obbligatorio' }).max(max, { message: `Massimo ${max} caratteri` });

/** A calendar date `YYYY-MM-DD` that really exists (2025-02-30 is refused). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Data non valida (formato AAAA-MM-GG)' })
  .refine(isRealDate, { message: 'Data inesistente' });

export const isoDateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s), {
  message: 'Data e ora non valide',
});

export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { message: 'Impronta SHA-256 non valida' });

export const email = z
  .string()
  .trim()
  .max(254, { message: 'Massimo 254 caratteri' })
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: 'Indirizzo e-mail non valido' });

export const year = z.number().int().min(1900).max(2999);

export function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (!y || !m || !d) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** A generated document (label, daily register): small enough to travel as base64. */
export interface GeneratedFile {
  fileName: string;
  mimeType: string;
  sha256: string;
  base64: string;
}

/** Input of procedures that take no arguments (extra keys are ignored). */
export const noInput = z.object({});
