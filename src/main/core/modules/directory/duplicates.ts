import type { ContactFields } from '../../../../shared/contract';
import { normaliseName } from '../../db/rows';

/** The keys two contacts are "the same" by: fiscal code, PEC, e-mail, IPA code, normalised name. */
export interface DuplicateKeys {
  fiscalCode: string | null;
  pec: string | null;
  email: string | null;
  ipaCode: string | null;
  normName: string;
}

export function duplicateKeysOf(c: Pick<ContactFields, 'name' | 'fiscalCode' | 'pec' | 'email' | 'ipaCode'>): DuplicateKeys {
  return {
    fiscalCode: c.fiscalCode?.trim().toUpperCase() || null,
    pec: c.pec?.trim().toLowerCase() || null,
    email: c.email?.trim().toLowerCase() || null,
    ipaCode: c.ipaCode?.trim() || null,
    normName: normaliseName(c.name),
  };
}

/** Whether a stored contact is a likely duplicate of a new one ("Rossi  Mario" = "rossi mario"). */
export function isLikelyDuplicate(a: DuplicateKeys, b: DuplicateKeys): boolean {
  return (
    (!!a.fiscalCode && a.fiscalCode === b.fiscalCode) ||
    (!!a.pec && a.pec === b.pec) ||
    (!!a.email && a.email === b.email) ||
    (!!a.ipaCode && a.ipaCode.toLowerCase() === b.ipaCode?.toLowerCase()) ||
    (!!a.normName && a.normName === b.normName)
  );
}
