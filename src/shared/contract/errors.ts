/**
 * The typed error envelope that crosses every boundary (Electron port, HTTP, register server).
 * Messages are Italian because they reach the clerk as they are.
 */

export const errorCodes = [
  'VALIDATION',
  'UNKNOWN_PROCEDURE',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'NOT_FOUND',
  'NOT_INITIALIZED',
  'ALREADY_INITIALIZED',
  'CONFLICT',
  'IMMUTABLE_FIELD',
  'INVALID_STATE',
  'OFFLINE',
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'HASH_MISMATCH',
  'VERSION_SKEW',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** The envelope: `{ code, message, details? }`. */
export interface ErrorEnvelope {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

const defaultMessages: Record<ErrorCode, string> = {
  VALIDATION: 'Alcuni dati non sono validi: controlla i campi evidenziati.',
  UNKNOWN_PROCEDURE: 'Operazione sconosciuta.',
  UNAUTHENTICATED: 'Accesso richiesto: effettua il login.',
  SESSION_EXPIRED: 'La sessione è scaduta: effettua di nuovo il login.',
  FORBIDDEN: 'Il tuo profilo non consente questa operazione.',
  RATE_LIMITED: 'Troppi tentativi falliti: riprova tra qualche minuto.',
  NOT_FOUND: 'Elemento non trovato.',
  NOT_INITIALIZED: "L'amministrazione non è ancora configurata.",
  ALREADY_INITIALIZED: "L'amministrazione è già configurata.",
  CONFLICT: 'I dati sono stati modificati nel frattempo: ricarica e riprova.',
  IMMUTABLE_FIELD:
    'Numero, data, corrispondenti, oggetto e impronte di una registrazione non sono modificabili (DPR 445/2000, art. 53).',
  INVALID_STATE: "L'operazione non è consentita nello stato attuale.",
  OFFLINE: 'Il server del registro non è raggiungibile.',
  FILE_EMPTY: 'Il file è vuoto.',
  FILE_TOO_LARGE: 'Il file supera la dimensione massima consentita.',
  HASH_MISMATCH: "L'impronta del file non corrisponde al contenuto ricevuto.",
  VERSION_SKEW: 'La versione di Gonfalone non è compatibile con il server: aggiorna il programma.',
  INTERNAL: 'Errore interno imprevisto. I dati inseriti non sono stati persi.',
};

/** HTTP status for each code, used by the web host and the register server alike. */
export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNKNOWN_PROCEDURE: 404,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  NOT_INITIALIZED: 409,
  ALREADY_INITIALIZED: 409,
  CONFLICT: 409,
  IMMUTABLE_FIELD: 422,
  INVALID_STATE: 409,
  OFFLINE: 503,
  FILE_EMPTY: 400,
  FILE_TOO_LARGE: 413,
  HASH_MISMATCH: 400,
  VERSION_SKEW: 426,
  INTERNAL: 500,
};

/** An error meant for the user: thrown by services, serialised as an envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? defaultMessages[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toEnvelope(): ErrorEnvelope {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Any thrown value as an envelope; unknown errors never leak their internals. */
export function toErrorEnvelope(err: unknown): ErrorEnvelope {
  if (err instanceof AppError) return err.toEnvelope();
  if (isErrorEnvelope(err)) return err;
  return { code: 'INTERNAL', message: defaultMessages.INTERNAL };
}

export function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { code?: unknown; message?: unknown };
  return typeof v.message === 'string' && typeof v.code === 'string' && (errorCodes as readonly string[]).includes(v.code);
}

/** Rebuilds an AppError from an envelope received over a transport. */
export function fromErrorEnvelope(envelope: ErrorEnvelope): AppError {
  return new AppError(envelope.code, envelope.message, envelope.details);
}

export function defaultMessageOf(code: ErrorCode): string {
  return defaultMessages[code];
}
