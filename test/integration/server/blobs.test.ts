import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, registerArgs, type TestServer, type ErrorBody } from './harness';
import type { PushResponse } from '../../../src/shared/sync/protocol';
import type { RegisterResult } from '../../../src/shared/contract/protocol';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function put(url: string, token: string, hash: string, body: Uint8Array, contentType = 'application/pdf') {
  const res = await fetch(`${url}/blobs/${hash}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, body: Buffer.from(body) });
  return { status: res.status, body: (await res.json()) as ErrorBody & { size?: number } };
}

describe('/blobs/:sha256', () => {
  it('stores a document once by its fingerprint and serves it back', async () => {
    t = await startTestServer();
    const token = await t.login('protocollista');
    const bytes = new TextEncoder().encode('%PDF-1.7 lettera del cittadino');
    const hash = sha(bytes);
    expect((await put(t.url, token, hash, bytes)).status).toBe(201);
    expect((await put(t.url, token, hash, bytes, 'application/json')).status).toBe(201);
    const head = await fetch(`${t.url}/blobs/${hash}`, { method: 'HEAD', headers: { authorization: `Bearer ${token}` } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(bytes.length));
    const got = await fetch(`${t.url}/blobs/${hash}`, { headers: { authorization: `Bearer ${token}` } });
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);

    const c = new TestClient(t.url, token);
    const res = await c.push<PushResponse>([
      c.mutation('protocol.register', registerArgs({ primaryDocument: { sha256: hash, fileName: 'lettera.pdf', mimeType: 'application/pdf', size: bytes.length } })),
    ]);
    expect((res.body.results[0]!.result as RegisterResult).entry.documents).toEqual([
      { sha256: hash, fileName: 'lettera.pdf', mimeType: 'application/pdf', size: bytes.length, role: 'primario' },
    ]);
  });

  it('refuses a body whose hash differs, an empty body and an oversized one', async () => {
    t = await startTestServer({ maxBlobBytes: 1024 });
    const token = await t.login('protocollista');
    const bytes = new TextEncoder().encode('contenuto');
    const wrong = await put(t.url, token, sha(new TextEncoder().encode('altro')), bytes);
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('HASH_MISMATCH');
    const empty = await put(t.url, token, sha(new Uint8Array()), new Uint8Array());
    expect(empty.body.code).toBe('FILE_EMPTY');
    const big = new Uint8Array(4096).fill(7);
    const tooLarge = await put(t.url, token, sha(big), big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('FILE_TOO_LARGE');
    const missing = await fetch(`${t.url}/blobs/${sha(bytes)}`, { method: 'HEAD', headers: { authorization: `Bearer ${token}` } });
    expect(missing.status).toBe(404);
    const badName = await put(t.url, token, 'zz', bytes);
    expect(badName.body.code).toBe('VALIDATION');
    const anon = await fetch(`${t.url}/blobs/${sha(bytes)}`, { method: 'PUT', body: Buffer.from(bytes) });
    expect(anon.status).toBe(401);
  });
});
