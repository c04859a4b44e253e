import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/contract';
import type { DocumentRef } from '../../../src/shared/contract/protocol';
import { createDeskPort, type DeskPort } from '../../../src/main/shell/desk-port';

/** A desk that records the token of each call and logs in "mario". */
function fakeDesk() {
  const calls: Array<{ name: string; token: string | undefined }> = [];
  const desk: DeskPort = {
    async call(name, input, ctx) {
      calls.push({ name, token: ctx.token });
      if (name === 'auth.login') return { token: 'segreto-123', user: { username: 'mario' }, expiresAt: '2026-11-03T20:00:00Z' };
      if (name === 'protocol.get' && !ctx.token) throw new AppError('UNAUTHENTICATED');
      if (name === 'protocol.search' && ctx.token) throw new AppError('SESSION_EXPIRED');
      return { echo: input };
    },
    async putFile(bytes, fileName, mimeType): Promise<DocumentRef> {
      return { sha256: 'a'.repeat(64), fileName, mimeType, size: bytes.byteLength, role: 'allegato' };
    },
  };
  return { desk, calls };
}

describe('createDeskPort', () => {
  it('keeps the session token in main and never hands it to the page', async () => {
    const { desk, calls } = fakeDesk();
    const port = createDeskPort(desk);
    const login = await port.rpc('auth.login', { username: 'mario', password: 'x' });
    expect(login).toEqual({ ok: true, data: { token: '', user: { username: 'mario' }, expiresAt: '2026-11-03T20:00:00Z' } });
    expect(JSON.stringify(login)).not.toContain('segreto-123');
    await port.rpc('protocol.get', { id: 'x' });
    expect(calls.at(-1)).toEqual({ name: 'protocol.get', token: 'segreto-123' });
    await port.rpc('auth.logout', {});
    expect(await port.rpc('protocol.get', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(calls.at(-1)).toEqual({ name: 'protocol.get', token: undefined });
  });

  it('forgets the token when the session expired', async () => {
    const { desk, calls } = fakeDesk();
    const port = createDeskPort(desk);
    await port.rpc('auth.login', {});
    expect(await port.rpc('protocol.search', {})).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
    await port.rpc('system.info', {});
    expect(calls.at(-1)).toEqual({ name: 'system.info', token: undefined });
  });

  it('refuses names outside the contract without reaching the desk', async () => {
    const { desk, calls } = fakeDesk();
    const port = createDeskPort(desk);
    for (const name of ['fs.readFile', '__proto__', 'constructor', 42, null]) {
      const reply = await port.rpc(name, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    }
    expect(calls).toHaveLength(0);
  });

  it('uploads only for a logged-in user and only real bytes', async () => {
    const { desk } = fakeDesk();
    const port = createDeskPort(desk);
    const bytes = new TextEncoder().encode('%PDF-1.7 prova').buffer;
    expect(await port.upload(bytes, 'a.pdf', 'application/pdf')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await port.rpc('auth.login', {});
    expect(await port.upload('non binario', 'a.pdf', 'application/pdf')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await port.upload(bytes, 'a.pdf', 'application/pdf')).toEqual({
      ok: true, data: { sha256: 'a'.repeat(64), fileName: 'a.pdf', mimeType: 'application/pdf', size: 14, role: 'allegato' },
    });
  });

  it('turns unexpected errors into the INTERNAL envelope without leaking internals', async () => {
    const port = createDeskPort({
      call: async () => { throw new Error('SQLITE_CORRUPT at /home/x/db'); },
      putFile: async () => { throw new Error('boom'); },
    });
    const reply = await port.rpc('system.info', {});
    expect(reply.ok).toBe(false);
    expect(JSON.stringify(reply)).not.toContain('SQLITE_CORRUPT');
  });
});
