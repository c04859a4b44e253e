import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRegisterServer, type RegisterServer } from '../../../src/server/app';
import type { ServerHealth } from '../../../src/shared/sync/protocol';

let server: RegisterServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  server = undefined;
  dir = undefined;
});

/** A self-signed certificate for 127.0.0.1, made by openssl for this test only. */
function selfSigned(folder: string): { cert: Buffer; key: Buffer } {
  const cert = path.join(folder, 'cert.pem');
  const key = path.join(folder, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { cert: readFileSync(cert), key: readFileSync(key) };
}

function getJson(url: string, ca: Buffer): Promise<{ status: number; body: unknown; protocol: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ca }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), protocol: new URL(url).protocol }));
    });
    req.on('error', reject);
  });
}

describe('optional TLS', () => {
  it('answers over https with the given certificate and key, verified by the client', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'gonfalone-tls-'));
    const tls = selfSigned(dir);
    server = await createRegisterServer({ dailyRegisterJob: false, tls });
    const url = await server.listen({ port: 0 });
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await getJson(`${url}/health`, tls.cert);
    expect(res.status).toBe(200);
    expect((res.body as ServerHealth).ok).toBe(true);
    // A client that does not trust the certificate is refused by TLS itself.
    await expect(new Promise((resolve, reject) => https.get(`${url}/health`, resolve).on('error', reject))).rejects.toThrow();
  });
});
