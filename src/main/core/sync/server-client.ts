import { AppError, isErrorEnvelope } from '../../../shared/contract';
import type { PullResponse, PushRequest, PushResponse, ServerHealth } from '../../../shared/sync/protocol';

/**
 * Turns the opaque token a caller holds (a desk session) into the server's access token, and
 * renews it after a refusal (issue 3: short-lived access tokens with refresh).
 */
export interface CredentialResolver {
  accessToken(handle: string): Promise<string | undefined>;
  renew(handle: string): Promise<string | undefined>;
}

/**
 * Changes per pull page (`pullQuery.limit` allows up to 10,000). With the server reading the
 * next page ahead (src/server/sync/read-ahead.ts) a page is waiting as soon as the last one is
 * written, so two parsed pages share the heap: 2,000 keeps the desk well within its memory
 * budget (bench/sync-initial.ts: about 210 MB; 5,000 went past 300 MB, 2,500 came near it).
 */
export const PULL_PAGE_LIMIT = 2_000;

/**
 * HTTP client of the register server (docs/architecture.md, "HTTP surface"). Network failures
 * become OFFLINE; error answers are rebuilt from their `{code, message}` envelope.
 */
export class ServerClient {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 15_000,
  ) {}

  private credentials: CredentialResolver | undefined;

  /** Installs the desk's session store as the source of access tokens. */
  useCredentials(resolver: CredentialResolver): void {
    this.credentials = resolver;
  }

  /**
   * The server's access token for a desk token, for callers that fetch on their own (document
   * transfers); refreshed when due. A token the desk does not know is returned as it is.
   */
  async accessTokenFor(handle: string): Promise<string> {
    return (this.credentials ? await this.credentials.accessToken(handle) : handle) ?? '';
  }

  health(timeoutMs = 1500): Promise<ServerHealth> {
    return this.request<ServerHealth>('GET', '/health', { timeoutMs });
  }

  push(body: PushRequest, token: string): Promise<PushResponse> {
    return this.request<PushResponse>('POST', '/sync/push', { body, token });
  }

  /** One pull page; by default the largest the server allows (fewer round trips in a catch-up). */
  pull(q: { cursor: number; clientId: string; ackedSeq: number; limit?: number }, token: string | undefined): Promise<PullResponse> {
    const params = new URLSearchParams({ cursor: String(q.cursor), clientId: q.clientId, ackedSeq: String(q.ackedSeq), limit: String(q.limit ?? PULL_PAGE_LIMIT) });
    return this.request<PullResponse>('GET', `/sync/pull?${params}`, { token });
  }

  /** HEAD /blobs/<sha>: whether the server already has the document. */
  async hasBlob(sha256: string, token: string): Promise<boolean> {
    const res = await this.raw('HEAD', `/blobs/${sha256}`, { token });
    return res.ok;
  }

  async putBlob(sha256: string, bytes: Uint8Array, token: string): Promise<void> {
    const res = await this.raw('PUT', `/blobs/${sha256}`, { token, rawBody: bytes });
    if (!res.ok) throw await errorOf(res);
  }

  /** JSON request; `token` goes in `Authorization: Bearer`. */
  async request<T>(method: string, path: string, opts: { body?: unknown; token?: string | undefined; timeoutMs?: number } = {}): Promise<T> {
    const res = await this.raw(method, path, opts);
    if (!res.ok) throw await errorOf(res);
    return (await res.json()) as T;
  }

  /**
   * One request. A desk token is exchanged for the server's access token; a 401 renews it (the
   * refresh token) and the request is sent once more.
   */
  async raw(
    method: string,
    path: string,
    opts: { body?: unknown; rawBody?: Uint8Array; token?: string | undefined; timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<Response> {
    const handle = opts.token;
    if (!handle || !this.credentials) return this.send(method, path, opts);
    const access = await this.credentials.accessToken(handle);
    const first = await this.send(method, path, { ...opts, token: access });
    if (first.status !== 401) return first;
    const renewed = await this.credentials.renew(handle);
    if (!renewed || renewed === access) return first;
    await first.body?.cancel().catch(() => undefined);
    return this.send(method, path, { ...opts, token: renewed });
  }

  private async send(
    method: string,
    path: string,
    opts: { body?: unknown; rawBody?: Uint8Array; token?: string | undefined; timeoutMs?: number; signal?: AbortSignal },
  ): Promise<Response> {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: BodyInit | undefined;
    if (opts.rawBody) {
      headers['content-type'] = 'application/octet-stream';
      body = opts.rawBody.slice();
    } else if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    const signal = opts.signal ?? AbortSignal.timeout(opts.timeoutMs ?? this.timeoutMs);
    try {
      return await fetch(new URL(path, this.baseUrl), { method, headers, body, signal });
    } catch {
      throw new AppError('OFFLINE');
    }
  }
}

async function errorOf(res: Response): Promise<AppError> {
  const payload: unknown = await res.json().catch(() => null);
  if (isErrorEnvelope(payload)) return new AppError(payload.code, payload.message, payload.details);
  if (res.status >= 500) return new AppError('OFFLINE', `Il server del registro ha risposto con un errore (${res.status}).`);
  return new AppError('INTERNAL', `Risposta inattesa dal server del registro (${res.status}).`);
}
