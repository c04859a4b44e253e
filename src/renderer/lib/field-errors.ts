import { AppError } from '../../shared/contract/errors';

export type FieldErrors = Record<string, string>;

/**
 * The per-field messages of a VALIDATION error (`details.fields[{path, message}]`), keyed by
 * the first path segments so "correspondents.0.newContact.pec" can be shown next to the
 * correspondents field as well as next to the exact input.
 */
export function fieldErrorsOf(err: unknown): FieldErrors {
  if (!(err instanceof AppError) || err.code !== 'VALIDATION') return {};
  const details = err.details;
  if (typeof details !== 'object' || details === null || !('fields' in details) || !Array.isArray(details.fields)) return {};
  const out: FieldErrors = {};
  for (const f of details.fields as unknown[]) {
    if (typeof f !== 'object' || f === null) continue;
    const path = 'path' in f && typeof f.path === 'string' ? f.path : '';
    const message = 'message' in f && typeof f.message === 'string' ? f.message : '';
    if (!message) continue;
    const segments = path.split('.');
    for (let i = segments.length; i >= 1; i--) {
      const key = segments.slice(0, i).join('.');
      if (!(key in out)) out[key] = message;
    }
    if (path === '' && !('' in out)) out[''] = message;
  }
  return out;
}

/** The message of any error, for banners. */
export function errorMessage(err: unknown): string {
  if (err instanceof AppError) return err.message;
  return 'Errore imprevisto. I dati inseriti non sono stati persi.';
}
