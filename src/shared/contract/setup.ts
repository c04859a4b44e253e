import { z } from 'zod';
import { defineDomain, procedure } from './procedure';
import { noInput, requiredText } from './common';

/** Codice IPA of an administration: letters, digits and underscore (indicepa.gov.it). */
export const ipaCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_]{2,20}$/, { message: 'Codice IPA non valido (2–20 lettere, cifre o _)' });

export const aooCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_]{1,20}$/, { message: 'Codice AOO non valido (1–20 lettere, cifre o _)' });

export const registerCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_]{1,16}$/, { message: 'Codice registro non valido (1–16 lettere, cifre o _)' });

export const username = z
  .string()
  .trim()
  .regex(/^[a-z0-9._-]{3,40}$/, { message: 'Nome utente: 3–40 caratteri minuscoli, cifre, punto, trattino' });

/** Passwords: long enough to matter, bounded so hashing cannot be abused. */
export const password = z
  .string()
  .min(10, { message: 'La password deve avere almeno 10 caratteri' })
  .max(200, { message: 'Massimo 200 caratteri' });

export const setupInitializeInput = z.object({
  administration: z.object({ name: requiredText(200), ipaCode }),
  aoo: z.object({ code: aooCode, name: requiredText(200) }),
  registerCode,
  admin: z.object({ username, fullName: requiredText(120), password }),
});
export type SetupInitializeInput = z.infer<typeof setupInitializeInput>;

export interface Organisation {
  administrationName: string;
  ipaCode: string;
  aooCode: string;
  aooName: string;
  registerCode: string;
}

export interface SetupStatus {
  initialized: boolean;
  organisation: Organisation | null;
  /** Whether the register server answered; the desk works on its local copy when false. */
  serverReachable: boolean;
}

export const setupContract = defineDomain('setup', {
  /** Whether the administration is configured (first-run screen otherwise). */
  'setup.status': procedure<typeof noInput, SetupStatus>(noInput, { auth: false }),
  /** First run: administration, AOO, register and first administrator. */
  'setup.initialize': procedure<typeof setupInitializeInput, SetupStatus>(setupInitializeInput, { auth: false }),
});
