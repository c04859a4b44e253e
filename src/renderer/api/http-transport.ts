import type { DeskEvent } from '../../shared/contract';
import type { RpcReply } from '../../shared/contract/bridge';
import { envelopeFromHttp, networkError } from './http-errors';
import { getToken } from './session';
import type { Transport, UploadReply } from './transport';

/** HTTP to the web host on the same origin: POST /rpc/<name>, PUT /files, GET /events (SSE). */
export function httpTransport(fetchImpl: typeof fetch = (...a) => fetch(...a)): Transport {
  const authHeaders = (): Record<string, string> => {
    const token = getToken();
    return token ? { Authorization: `Bearer ${token}` } : {};
  };

  async function request(url: string, init: RequestInit): Promise<RpcReply> {
    let res: Response;
    try {
      res = await fetchImpl(url, init);
    } catch {
      return { ok: false, error: networkError().toEnvelope() };
    }
    const text = await res.text();
    if (!res.ok) return { ok: false, error: envelopeFromHttp(res.status, text) };
    try {
      return { ok: true, data: text ? (JSON.parse(text) as unknown) : null };
    } catch {
      return { ok: false, error: envelopeFromHttp(500, '') };
    }
  }

  return {
    kind: 'http',
    rpc: (name, input) =>
      request(`/rpc/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...authHeaders() },
        body: JSON.stringify(input ?? {}),
      }),
    upload: async (bytes, fileName, mimeType) => {
      const url = `/files?name=${encodeURIComponent(fileName)}&type=${encodeURIComponent(mimeType || 'application/octet-stream')}`;
      // The host parses uploads only as application/octet-stream; the real type goes in the query.
      const reply = await request(url, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream', ...authHeaders() }, body: bytes });
      return reply as UploadReply;
    },
    subscribe: (listener) => {
      const token = getToken();
      if (!token || typeof EventSource === 'undefined') return () => undefined;
      // EventSource cannot send headers: the host accepts the token in the query (loopback only).
      const source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (msg: MessageEvent<string>) => {
        try {
          listener(JSON.parse(msg.data) as DeskEvent);
        } catch {
          /* a malformed event is ignored: polling of sync.status still keeps the bar right */
        }
      };
      return () => source.close();
    },
  };
}
