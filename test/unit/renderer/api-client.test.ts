import { afterEach, describe, expect, it } from 'vitest';
import { send, sendCatch, setTransport, onSessionLost, uploadFile } from '../../../src/renderer/api/client';
import { envelopeFromHttp } from '../../../src/renderer/api/http-errors';
import { httpTransport } from '../../../src/renderer/api/http-transport';
import { effectOfEvent } from '../../../src/renderer/api/query-keys';
import { fieldErrorsOf } from '../../../src/renderer/lib/field-errors';
import { AppError, parseInput, registerInput } from '../../../src/shared/contract';
import type { Transport } from '../../../src/renderer/api/transport';

function fakeTransport(reply: (name: string, input: unknown) => Awaited<ReturnType<Transport['rpc']>>): Transport & { calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = [];
  return {
    kind: 'electron',
    calls,
    rpc: async (name, input) => {
      calls.push([name, input]);
      return reply(name, input);
    },
    upload: async (_b, fileName) => ({ ok: true, data: { sha256: 'f'.repeat(64), fileName, mimeType: 'application/pdf', size: 3, role: 'primario' } }),
    subscribe: () => () => undefined,
  };
}

afterEach(() => setTransport(null));

describe('api client', () => {
  it('returns data on success', async () => {
    const t = fakeTransport(() => ({ ok: true, data: { initialized: true, organisation: null, serverReachable: true } }));
    setTransport(t);
    const status = await send('setup.status', {});
    expect(status.initialized).toBe(true);
    expect(t.calls).toEqual([['setup.status', {}]]);
  });

  it('throws an AppError rebuilt from the envelope, and sendCatch returns it', async () => {
    setTransport(fakeTransport(() => ({ ok: false, error: { code: 'RATE_LIMITED', message: 'Troppi tentativi falliti: riprova tra qualche minuto.' } })));
    const err = await send('auth.login', { username: 'mario', password: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('RATE_LIMITED');
    const r = await sendCatch('auth.login', { username: 'mario', password: 'x' });
    expect(r.data).toBeNull();
    expect(r.error?.message).toContain('Troppi tentativi');
  });

  it('signals a lost session, but not for a failed login', async () => {
    let lost = 0;
    const off = onSessionLost(() => lost++);
    setTransport(fakeTransport(() => ({ ok: false, error: { code: 'SESSION_EXPIRED', message: 'scaduta' } })));
    await sendCatch('protocol.search', {});
    expect(lost).toBe(1);
    setTransport(fakeTransport(() => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'credenziali errate' } })));
    await sendCatch('auth.login', { username: 'mario', password: 'x' });
    expect(lost).toBe(1);
    off();
  });

  it('uploads through the transport and returns the DocumentRef', async () => {
    setTransport(fakeTransport(() => ({ ok: true, data: null })));
    const ref = await uploadFile(new Blob([new Uint8Array([1, 2, 3])]), 'lettera.pdf');
    expect(ref.fileName).toBe('lettera.pdf');
    expect(ref.sha256).toHaveLength(64);
  });
});

describe('http transport', () => {
  it('posts JSON to /rpc/<name> and maps 4xx envelopes', async () => {
    const seen: Array<{ url: string; init: RequestInit | undefined }> = [];
    const fetchFake: typeof fetch = async (url, init) => {
      seen.push({ url: String(url), init });
      return new Response(JSON.stringify({ code: 'VALIDATION', message: 'Dati non validi', details: { fields: [{ path: 'oggetto', message: 'Campo obbligatorio' }] } }), { status: 400 });
    };
    const t = httpTransport(fetchFake);
    const reply = await t.rpc('protocol.register', { oggetto: '' });
    expect(seen[0]?.url).toBe('/rpc/protocol.register');
    expect(seen[0]?.init?.method).toBe('POST');
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('VALIDATION');
  });

  it('sends uploads as octet-stream with name and type in the query', async () => {
    const seen: string[] = [];
    const fetchFake: typeof fetch = async (url, init) => {
      seen.push(String(url), String((init?.headers as Record<string, string>)['Content-Type']), String(init?.method));
      return new Response(JSON.stringify({ sha256: 'a'.repeat(64), fileName: 'è.pdf', mimeType: 'application/pdf', size: 1, role: 'primario' }), { status: 200 });
    };
    const reply = await httpTransport(fetchFake).upload(new ArrayBuffer(1), 'è a.pdf', 'application/pdf');
    expect(seen).toEqual(['/files?name=%C3%A8%20a.pdf&type=application%2Fpdf', 'application/octet-stream', 'PUT']);
    expect(reply.ok).toBe(true);
  });

  it('turns a refused connection into an Italian OFFLINE error', async () => {
    const reply = await httpTransport(async () => {
      throw new TypeError('fetch failed');
    }).rpc('sync.status', {});
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('OFFLINE');
      expect(reply.error.message).toMatch(/non sono stati persi/);
    }
  });

  it('maps non-envelope bodies by status', () => {
    expect(envelopeFromHttp(502, '<html>Bad gateway</html>').code).toBe('INTERNAL');
    expect(envelopeFromHttp(429, '').code).toBe('RATE_LIMITED');
    expect(envelopeFromHttp(401, 'x').code).toBe('UNAUTHENTICATED');
    expect(envelopeFromHttp(409, JSON.stringify({ code: 'CONFLICT', message: 'm' }))).toEqual({ code: 'CONFLICT', message: 'm' });
  });
});

describe('events and field errors', () => {
  it('maps data-changed to domain keys and sync-status to the status bar', () => {
    expect(effectOfEvent({ type: 'data-changed', domains: ['protocol', 'directory', 'protocol'] })).toEqual({ kind: 'invalidate', keys: [['protocol'], ['directory']] });
    const status = { online: false, pendingCount: 2, oldestPendingAt: null, lastSyncAt: null, lastError: 'x', rejectedCount: 0, cursor: 3 };
    expect(effectOfEvent({ type: 'sync-status', status })).toEqual({ kind: 'sync-status', status });
  });

  it('puts contract validation messages next to the fields', () => {
    let err: unknown;
    try {
      parseInput(registerInput, { direction: 'entrata', oggetto: '', correspondents: [] });
    } catch (e) {
      err = e;
    }
    const fe = fieldErrorsOf(err);
    expect(fe.oggetto).toBe('Campo obbligatorio');
    expect(fe.correspondents).toBe('Indica almeno un corrispondente');
    expect(fieldErrorsOf(new AppError('OFFLINE'))).toEqual({});
  });
});
