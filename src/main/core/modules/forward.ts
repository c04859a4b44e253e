import type { OutputOf, ProcedureName } from '../../../shared/contract';
import type { DeskContext, DeskDeps } from '../deps';

/**
 * Online-only procedures (users, daily register) live on the register server: forwarded to
 * `POST /api/<name>` with the caller's token. Unreachable server → OFFLINE.
 */
export function forward<K extends ProcedureName>(d: DeskDeps, name: K, input: unknown, ctx: DeskContext): Promise<OutputOf<K>> {
  return d.client.request<OutputOf<K>>('POST', `/api/${name}`, { body: input, token: ctx.token });
}
