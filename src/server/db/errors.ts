import { AppError } from '../../shared/contract/errors';

/** PostgreSQL error fields we look at (node-postgres and PGlite expose the same ones). */
function pgCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const direct = (err as { code?: unknown }).code;
  if (typeof direct === 'string') return direct;
  // drizzle wraps driver errors in DrizzleQueryError with the original as `cause`.
  return pgCode((err as { cause?: unknown }).cause);
}

/**
 * Turns the database's own refusals into user errors: the immutability trigger (GN001) and
 * unique violations. Anything else stays an infrastructure failure.
 */
export function mapDbError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const code = pgCode(err);
  if (code === 'GN001') return new AppError('IMMUTABLE_FIELD');
  if (code === '23505') return new AppError('CONFLICT', 'Esiste già un elemento con lo stesso identificativo.');
  return err;
}
