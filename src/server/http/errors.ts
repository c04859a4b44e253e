import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, httpStatusOf, toErrorEnvelope, type ErrorEnvelope } from '../../shared/contract/errors';
import { mapDbError } from '../db/errors';

/** Fastify's own refusals (bad JSON, wrong content type, body too large) as Italian envelopes. */
function fromFastifyError(err: FastifyError): ErrorEnvelope | null {
  if (err.validation) return { code: 'VALIDATION', message: 'Richiesta non valida: controlla i dati inviati.' };
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'FILE_TOO_LARGE', message: 'La richiesta supera la dimensione massima consentita.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'VALIDATION', message: 'Tipo di contenuto non supportato: invia JSON.' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'VALIDATION', message: 'Il corpo della richiesta è vuoto.' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'VALIDATION', message: 'Il corpo della richiesta non è JSON valido.' };
    default:
      break;
  }
  if (err instanceof SyntaxError) return { code: 'VALIDATION', message: 'Il corpo della richiesta non è JSON valido.' };
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return { code: 'VALIDATION', message: 'Richiesta non valida.' };
  }
  return null;
}

/** Every error answers `{code, message}` with the status of its code; unknown routes too. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const mapped = mapDbError(err);
    const envelope = mapped instanceof AppError ? mapped.toEnvelope() : (fromFastifyError(err) ?? toErrorEnvelope(err));
    if (envelope.code === 'INTERNAL') req.log.error({ err }, 'errore interno');
    void reply.code(httpStatusOf[envelope.code]).send(envelope);
  });
  app.setNotFoundHandler((req, reply) => {
    const isApi = req.url.startsWith('/api/');
    const envelope: ErrorEnvelope = isApi
      ? { code: 'UNKNOWN_PROCEDURE', message: 'Operazione sconosciuta.' }
      : { code: 'NOT_FOUND', message: `Percorso sconosciuto: ${req.method} ${req.url.split('?')[0]}` };
    void reply.code(httpStatusOf[envelope.code]).send(envelope);
  });
}
