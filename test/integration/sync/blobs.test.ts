import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobStore } from '../../../src/main/core/blobs/store';
import { openLocalDatabase } from '../../../src/main/core/db/open';
import { uploadBlob } from '../../../src/main/core/sync/blob-transfer';
import { AppError, type GeneratedFile, type RegisterResult } from '../../../src/shared/contract';
import { createDesks, type Desks, type TestDesk } from './desks';
import { registration } from './fixtures';

let t: Desks;
let a: TestDesk;
let b: TestDesk;
beforeEach(async () => {
  t = await createDesks(2);
  [a, b] = t.desks as [TestDesk, TestDesk];
  await a.login('protocollista');
  await b.login('segreteria');
});
afterEach(async () => {
  await t.close();
});

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
function document(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}

async function put(token: string, digest: string, body: Uint8Array, range?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' };
  if (range) headers['content-range'] = range;
  return fetch(`${t.server.url}/blobs/${digest}`, { method: 'PUT', headers, body: body.slice() });
}

describe('documents: resumable upload, download on demand', () => {
  it('the server takes a document in parts, tells where to resume, and verifies the impronta at the end', async () => {
    const token = await t.server.login('protocollista');
    const bytes = document(300_000, 7);
    const digest = sha(bytes);
    expect((await put(token, digest, bytes.subarray(0, 100_000), 'bytes 0-99999/300000')).status).toBe(202);
    const head = await fetch(`${t.server.url}/blobs/${digest}`, { method: 'HEAD', headers: { authorization: `Bearer ${token}` } });
    expect(head.status).toBe(404);
    expect(head.headers.get('upload-offset')).toBe('100000');
    const wrong = await put(token, digest, bytes.subarray(200_000), 'bytes 200000-299999/300000');
    expect(wrong.status).toBe(409);
    expect(((await wrong.json()) as { details: { received: number } }).details.received).toBe(100_000);
    expect((await put(token, digest, bytes.subarray(100_000, 200_000), 'bytes 100000-199999/300000')).status).toBe(202);
    expect((await put(token, digest, bytes.subarray(200_000), 'bytes 200000-299999/300000')).status).toBe(201);
    const back = await fetch(`${t.server.url}/blobs/${digest}`, { headers: { authorization: `Bearer ${token}` } });
    expect(sha(new Uint8Array(await back.arrayBuffer()))).toBe(digest);

    const liar = document(1000, 9);
    const claimed = sha(document(1000, 10));
    expect((await put(token, claimed, liar.subarray(0, 500), 'bytes 0-499/1000')).status).toBe(202);
    const last = await put(token, claimed, liar.subarray(500), 'bytes 500-999/1000');
    expect(((await last.json()) as { code: string }).code).toBe('HASH_MISMATCH');
  });

  it('a desk resumes an interrupted upload from where the server stopped, sending no part twice', async () => {
    const bytes = document(2_500_000, 3);
    const digest = sha(bytes);
    const token = await t.server.login('protocollista');
    const part = 1_000_000;
    a.faults.inject('drop-response', { path: '/blobs/', method: 'PUT' }); // part 1 arrives, its answer is lost
    const err = await uploadBlob('http://desk0.sync.test/', digest, bytes, token, part).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('OFFLINE');
    await uploadBlob('http://desk0.sync.test/', digest, bytes, token, part);
    expect(a.faults.requests.filter((r) => r.startsWith('PUT')).length).toBe(3);
    const head = await fetch(`${t.server.url}/blobs/${digest}`, { method: 'HEAD', headers: { authorization: `Bearer ${token}` } });
    expect(head.headers.get('content-length')).toBe(String(bytes.length));
  });

  it('a registered document is downloaded on demand by another desk, and not for who may not see it', async () => {
    const bytes = document(50_000, 11);
    const doc = await a.desk.putFile(bytes, 'lettera.pdf', 'application/pdf');
    const open = await a.call<RegisterResult>('protocol.register', { ...registration(), primaryDocument: doc }, 'protocollista');
    const secret = await a.desk.putFile(document(40_000, 12), 'esposto.pdf', 'application/pdf');
    await a.call('protocol.register', { ...registration('Esposto riservato', { riservato: true }), primaryDocument: secret }, 'protocollista');
    await t.syncAll();
    expect(open.entry.documents[0]?.sha256).toBe(doc.sha256);
    expect(fs.existsSync(path.join(b.dataDir, 'blobs', doc.sha256.slice(0, 2), doc.sha256))).toBe(false);
    const file = await b.call<GeneratedFile>('documents.open', { sha256: doc.sha256 }, 'segreteria');
    expect(file).toMatchObject({ fileName: 'lettera.pdf', mimeType: 'application/pdf', sha256: doc.sha256 });
    expect(sha(Buffer.from(file.base64, 'base64'))).toBe(doc.sha256);
    expect(fs.existsSync(path.join(b.dataDir, 'blobs', doc.sha256.slice(0, 2), doc.sha256))).toBe(true);
    // Second time from the local store: no new download.
    const gets = () => b.faults.requests.filter((r) => r === `GET /blobs/${doc.sha256}`).length;
    const before = gets();
    await b.call('documents.open', { sha256: doc.sha256 }, 'segreteria');
    expect(gets()).toBe(before);

    const refused = await b.call('documents.open', { sha256: secret.sha256 }, 'segreteria').then(() => null, (e: unknown) => e);
    expect((refused as AppError).code).toBe('NOT_FOUND');
    const direct = await fetch(`${t.server.url}/blobs/${secret.sha256}`, { headers: { authorization: `Bearer ${await t.server.login('segreteria')}` } });
    expect(direct.status).toBe(404);
  });
});

describe('download budget', () => {
  it('evicts the least recently used downloaded documents, never those created on this desk', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-budget-'));
    const db = openLocalDatabase(':memory:');
    try {
      const store = new BlobStore(dir, db);
      const mine = store.put(document(300, 1));
      const d1 = store.putDownloaded(document(100, 2), '2026-01-01T10:00:00Z', 250);
      const d2 = store.putDownloaded(document(100, 3), '2026-01-01T10:01:00Z', 250);
      store.touch(d1, '2026-01-01T10:02:00Z');
      const d3 = store.putDownloaded(document(100, 4), '2026-01-01T10:03:00Z', 250);
      expect(store.read(d2)).toBeNull(); // least recently used
      expect(store.read(d1)).not.toBeNull();
      expect(store.read(d3)).not.toBeNull();
      expect(store.read(mine)).not.toBeNull(); // created here: outside the budget
      expect(store.downloadedBytes()).toBe(200);
    } finally {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
