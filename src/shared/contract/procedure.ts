import { z } from 'zod';
import { AppError } from './errors';

// Zod's own messages in Italian: the clerk reads them as they are.
z.config(z.locales.it());

/**
 * A procedure of the RPC contract: a `domain.verb` name, a zod schema for its input and the
 * type of its result. Both transports (Electron port, HTTP `POST /rpc/<name>`) are generated
 * from the map of procedures, so there is no hand-kept list of channels.
 */
export interface Procedure<I extends z.ZodType, O> {
  readonly input: I;
  /** Phantom field carrying the result type; never read at run time. */
  readonly output?: O;
  /** Whether the caller must be logged in (true unless stated). */
  readonly auth: boolean;
}

export function procedure<I extends z.ZodType, O>(input: I, opts: { auth?: boolean } = {}): Procedure<I, O> {
  return { input, auth: opts.auth ?? true };
}

/** Builds a domain's map, refusing names outside the domain prefix. */
export function defineDomain<const D extends string, M extends Record<string, Procedure<z.ZodType, unknown>>>(
  domain: D,
  procedures: M,
): M {
  for (const name of Object.keys(procedures)) {
    if (!name.startsWith(`${domain}.`)) throw new Error(`La procedura ${name} non appartiene al dominio ${domain}`);
  }
  return procedures;
}

/** Merges domain maps; a duplicate name is a programming error caught at start-up. */
export function composeContract<T extends Record<string, Procedure<z.ZodType, unknown>>[]>(
  ...domains: T
): UnionToIntersection<T[number]> {
  const all: Record<string, Procedure<z.ZodType, unknown>> = {};
  for (const d of domains) {
    for (const [name, p] of Object.entries(d)) {
      if (name in all) throw new Error(`Procedura duplicata nel contratto: ${name}`);
      all[name] = p;
    }
  }
  return all as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

/** Validates input against a procedure's schema, turning zod issues into an Italian envelope. */
export function parseInput<I extends z.ZodType>(schema: I, raw: unknown): z.output<I> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = fields[0];
  const message = first
    ? `Dati non validi${first.path ? ` nel campo «${first.path}»` : ''}: ${first.message}`
    : 'Dati non validi.';
  throw new AppError('VALIDATION', message, { fields });
}
