/**
 * Case (pratica) types and the term rule of each, as seeded for a new AOO. Every value is
 * editable by an administrator (issue 4): the table below is the legal default from
 * /work/shared/reference/DOMAIN.md, not a constraint.
 */

export const caseTypeCodes = [
  'istanza',
  'petizione',
  'segnalazione',
  'accesso_documentale',
  'accesso_civico_semplice',
  'accesso_civico_generalizzato',
  'interrogazione',
  'patrocinio',
  'invito',
  'udienza',
  'altro',
] as const;

export type CaseTypeCode = (typeof caseTypeCodes)[number];

/** What the administration's silence means once the term has passed. */
export type SilenceMeaning = 'nessuno' | 'rigetto' | 'assenso';

export interface CaseTypeRule {
  code: CaseTypeCode;
  /** Italian display name, e.g. 'Accesso civico generalizzato'. */
  name: string;
  /** Calendar days from receipt; null = no legal term (invito, altro). */
  termDays: number | null;
  silence: SilenceMeaning;
  /** Longest legal suspension for controinteressati; null = no cap. */
  maxSuspensionDays: number | null;
  legalBasis: string;
  active: boolean;
}

export const silenceLabels: Record<SilenceMeaning, string> = {
  nessuno: 'Nessun effetto',
  rigetto: 'Silenzio-rigetto',
  assenso: 'Silenzio-assenso',
};

/** The seeded types. */
export const defaultCaseTypes: readonly CaseTypeRule[] = [
  // Silence on a generic istanza is inadempimento (to be challenged), not a decision: art. 20
  // silenzio-assenso applies only to some procedures, so the administrator sets it per type.
  { code: 'istanza', name: 'Istanza', termDays: 30, silence: 'nessuno', maxSuspensionDays: null, legalBasis: 'L. 241/1990 art. 2', active: true },
  // The term of a petition is the municipal Statute's (TUEL art. 8 c.3): 30 days is the usual value.
  { code: 'petizione', name: 'Petizione', termDays: 30, silence: 'nessuno', maxSuspensionDays: null, legalBasis: 'D.lgs 267/2000 art. 8; Statuto comunale', active: true },
  { code: 'segnalazione', name: 'Segnalazione / reclamo', termDays: 30, silence: 'nessuno', maxSuspensionDays: null, legalBasis: 'Regolamento comunale URP', active: true },
  // Art. 25 c.4: after 30 days the request is understood as refused.
  { code: 'accesso_documentale', name: 'Accesso documentale', termDays: 30, silence: 'rigetto', maxSuspensionDays: null, legalBasis: 'L. 241/1990 art. 25; DPR 184/2006', active: true },
  // Controinteressati exist only "fuori dei casi di pubblicazione obbligatoria" (D.lgs 33/2013
  // art. 5 c.5), i.e. for generalised access: simple access has nothing to suspend for.
  { code: 'accesso_civico_semplice', name: 'Accesso civico semplice', termDays: 30, silence: 'nessuno', maxSuspensionDays: null, legalBasis: 'D.lgs 33/2013 art. 5 c.1 e c.6', active: true },
  { code: 'accesso_civico_generalizzato', name: 'Accesso civico generalizzato', termDays: 30, silence: 'nessuno', maxSuspensionDays: 10, legalBasis: 'D.lgs 33/2013 art. 5 c.2, c.5 e c.6', active: true },
  // Not peremptory; local rules may allow one extension of 10 days.
  { code: 'interrogazione', name: 'Interrogazione consiliare', termDays: 30, silence: 'nessuno', maxSuspensionDays: null, legalBasis: 'D.lgs 267/2000 art. 43 c.3', active: true },
  { code: 'patrocinio', name: 'Richiesta di patrocinio', termDays: 30, silence: 'nessuno', maxSuspensionDays: null, legalBasis: 'Regolamento comunale sul patrocinio', active: true },
  { code: 'invito', name: 'Invito al Sindaco', termDays: null, silence: 'nessuno', maxSuspensionDays: null, legalBasis: 'Nessun termine di legge', active: true },
  { code: 'udienza', name: 'Richiesta di udienza col Sindaco', termDays: 30, silence: 'nessuno', maxSuspensionDays: null, legalBasis: 'Prassi della segreteria (termine configurabile)', active: true },
  { code: 'altro', name: 'Altro', termDays: null, silence: 'nessuno', maxSuspensionDays: null, legalBasis: 'Nessun termine di legge', active: true },
];

/** The rule for a code among the configured ones (falls back to the seeded default). */
export function caseTypeRule(code: CaseTypeCode, rules: readonly CaseTypeRule[] = defaultCaseTypes): CaseTypeRule {
  const found = rules.find((r) => r.code === code) ?? defaultCaseTypes.find((r) => r.code === code);
  if (!found) throw new RangeError(`Tipo di pratica sconosciuto: ${code}`);
  return found;
}

export function isCaseTypeCode(value: string): value is CaseTypeCode {
  return (caseTypeCodes as readonly string[]).includes(value);
}

export interface CaseSettings {
  /** Whether a term ending on a Sunday or holiday moves to the next working day (unverified: a setting). */
  moveOnHoliday: boolean;
  /** The patron saint's day, 'MM-DD' (e.g. '12-07', Sant'Ambrogio in Milan); null = none. */
  patronDay: string | null;
  /** A term is "in scadenza" when at most this many days remain. */
  dueSoonDays: number;
  /** Municipal rule: a patronage request arrives 10–45 days before the event. */
  patronageMinDaysBefore: number;
  patronageMaxDaysBefore: number;
}

export const defaultCaseSettings: CaseSettings = {
  moveOnHoliday: false,
  patronDay: null,
  dueSoonDays: 7,
  patronageMinDaysBefore: 10,
  patronageMaxDaysBefore: 45,
};
