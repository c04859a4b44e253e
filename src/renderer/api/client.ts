import type { DeskEvent, DocumentRef, InputOf, OutputOf, ProcedureName } from '../../shared/contract';
import { AppError, fromErrorEnvelope } from '../../shared/contract/errors';
import { desktopBridge, electronTransport } from './electron-transport';
import { httpTransport } from './http-transport';
import { isSessionLost } from './http-errors';
import { setToken } from './session';
import type { Transport } from './transport';

/**
 * The renderer's only way to the desk: typed by the contract, so a call site names a procedure
 * and both its input and its result are checked — no casts, no hand-kept channel list.
 */
let transport: Transport | null = null;
const sessionLostListeners = new Set<() => void>();

function current(): Transport {
  if (!transport) {
    const bridge = desktopBridge();
    transport = bridge ? electronTransport(bridge) : httpTransport();
  }
  return transport;
}

/** Replaces the transport (tests, or a host that wants a custom one). */
export function setTransport(t: Transport | null): void {
  transport = t;
}

export function transportKind(): Transport['kind'] {
  return current().kind;
}

/** Called when a call answers UNAUTHENTICATED or SESSION_EXPIRED: the app shows the login. */
export function onSessionLost(listener: () => void): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

/** Calls a procedure; throws the AppError rebuilt from the error envelope. */
export async function send<K extends ProcedureName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const reply = await current().rpc(name, input);
  if (!reply.ok) {
    const err = fromErrorEnvelope(reply.error);
    if (isSessionLost(err) && name !== 'auth.login') {
      setToken(null);
      for (const l of sessionLostListeners) l();
    }
    throw err;
  }
  if (name === 'auth.login') rememberToken(reply.data);
  return reply.data as OutputOf<K>;
}

/** Like send, but returns `{ data, error }` instead of throwing. */
export async function sendCatch<K extends ProcedureName>(
  name: K,
  input: InputOf<K>,
): Promise<{ data: OutputOf<K>; error: null } | { data: null; error: AppError }> {
  try {
    return { data: await send(name, input), error: null };
  } catch (err) {
    return { data: null, error: err instanceof AppError ? err : new AppError('INTERNAL') };
  }
}

/** Stores a document in the desk (by SHA-256) and returns its reference. */
export async function uploadFile(file: Blob, fileName: string): Promise<DocumentRef> {
  const bytes = await file.arrayBuffer();
  const reply = await current().upload(bytes, fileName, file.type || 'application/octet-stream');
  if (!reply.ok) throw fromErrorEnvelope(reply.error);
  return reply.data;
}

/** Subscribes to desk push events (data changed, sync status). */
export function subscribeEvents(listener: (event: DeskEvent) => void): () => void {
  return current().subscribe(listener);
}

/** Forgets the session locally (after auth.logout or when it expired). */
export function forgetSession(): void {
  setToken(null);
}

function rememberToken(data: unknown): void {
  if (typeof data === 'object' && data !== null && 'token' in data && typeof data.token === 'string') setToken(data.token);
}
