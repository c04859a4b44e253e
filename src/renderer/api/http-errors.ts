import { AppError, isErrorEnvelope, type ErrorEnvelope } from '../../shared/contract/errors';

/**
 * Turns an HTTP answer of the web host into the contract's error envelope. The host answers
 * 4xx/5xx with `{code, message, details?}`; anything else (a proxy page, an empty body) must
 * still reach the clerk as a clear Italian message, never as a raw parse error.
 */
export function envelopeFromHttp(status: number, bodyText: string): ErrorEnvelope {
  let parsed: unknown = null;
  try {
    parsed = bodyText ? JSON.parse(bodyText) : null;
  } catch {
    parsed = null;
  }
  if (isErrorEnvelope(parsed)) return parsed;
  if (status === 401) return { code: 'UNAUTHENTICATED', message: 'Accesso richiesto: effettua il login.' };
  if (status === 413) return { code: 'FILE_TOO_LARGE', message: 'Il file supera la dimensione massima consentita.' };
  if (status === 429) return { code: 'RATE_LIMITED', message: 'Troppi tentativi: riprova tra qualche minuto.' };
  return { code: 'INTERNAL', message: `Risposta inattesa dal programma (HTTP ${status}). I dati inseriti non sono stati persi.` };
}

/** A failed fetch (connection refused, host stopped) as an error the form can show. */
export function networkError(): AppError {
  return new AppError('OFFLINE', 'Il servizio locale di Gonfalone non risponde: controlla che il programma sia avviato. I dati inseriti non sono stati persi.');
}

/** Whether an error means the session is gone and the login screen must come back. */
export function isSessionLost(err: unknown): boolean {
  return err instanceof AppError && (err.code === 'UNAUTHENTICATED' || err.code === 'SESSION_EXPIRED');
}
