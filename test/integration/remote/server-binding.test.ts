import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StartupError } from '../../../src/main/core/errors';
import { chooseDeskServer, startDesk, type StartedDesk } from '../../../src/main/remote';
import { REMOTE_CONFIG_FILE } from '../../../src/main/remote-config';
import type { DeviceIdentity } from '../../../src/shared/contract';
import { startTestServer, type TestServer } from '../server/harness';
import { createEnrollmentCode, loginOn, tempDataRoot } from './helpers';

/** The desk remembers its register server next to its database (desk/server.json). */
let desks: StartedDesk[] = [];
let t: TestServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  for (const d of desks.splice(0)) await d.close();
  await t?.close();
  t = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function open(dataRoot: string, serverUrl?: string): Promise<StartedDesk> {
  const d = await startDesk({ dataRoot, serverUrl: serverUrl ?? null });
  desks.push(d);
  return d;
}

function startupErrorOf(fn: () => unknown): StartupError {
  let caught: unknown = null;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(StartupError);
  return caught as StartupError;
}

describe('the remembered register server', () => {
  it('reconnects to the same server on the next start without --server, still enrolled', async () => {
    t = await startTestServer({ requireDevice: true });
    const root = tempDataRoot(dirs);
    const first = await open(root, `${t.url}/`);
    await first.desk.call('devices.enroll', { enrollmentCode: await createEnrollmentCode(t, 'SEGR01') }, {});
    await first.close();
    desks = [];
    const saved = JSON.parse(fs.readFileSync(path.join(root, 'desk', REMOTE_CONFIG_FILE), 'utf8')) as { serverUrl: string };
    expect(saved.serverUrl).toBe(t.url);

    const again = await open(root);
    expect([again.mode, again.serverUrl, again.server]).toEqual(['remote', t.url, null]);
    expect(fs.existsSync(path.join(root, 'server'))).toBe(false);
    expect((await again.desk.call('devices.identity', {}, {})) as DeviceIdentity).toMatchObject({ enrolled: true, deviceCode: 'SEGR01' });
    expect((await loginOn(again, t, 'protocollista')).user.username).toBe('protocollista');
    // The same URL given again is fine.
    expect(chooseDeskServer({ dataRoot: root, serverUrl: t.url })).toEqual({ mode: 'remote', serverUrl: t.url, remember: false });
  });

  it('refuses to move a desk to another server or an embedded folder to a server, touching nothing', async () => {
    const remoteRoot = tempDataRoot(dirs);
    fs.mkdirSync(path.join(remoteRoot, 'desk'));
    const file = path.join(remoteRoot, 'desk', REMOTE_CONFIG_FILE);
    fs.writeFileSync(file, JSON.stringify({ serverUrl: 'https://registro.comune-a.it', connectedAt: '2026-03-02T08:00:00.000Z' }));
    const moved = startupErrorOf(() => chooseDeskServer({ dataRoot: remoteRoot, serverUrl: 'https://registro.comune-b.it' }));
    expect(moved.message).toMatch(/collegata al server del registro https:\/\/registro\.comune-a\.it.*altra cartella dati/);
    expect(chooseDeskServer({ dataRoot: remoteRoot })).toEqual({ mode: 'remote', serverUrl: 'https://registro.comune-a.it', remember: false });

    const embeddedRoot = tempDataRoot(dirs);
    const embedded = await open(embeddedRoot);
    expect(embedded.mode).toBe('embedded');
    expect(embedded.server).not.toBeNull();
    await embedded.close();
    desks = [];
    const refused = startupErrorOf(() => chooseDeskServer({ dataRoot: embeddedRoot, serverUrl: 'https://registro.comune-a.it' }));
    expect(refused.message).toMatch(/server del registro integrato/);
    expect(fs.existsSync(path.join(embeddedRoot, 'desk', REMOTE_CONFIG_FILE))).toBe(false);
  });

  it('stops with a clear Italian error on a damaged file and leaves it as it is', async () => {
    const root = tempDataRoot(dirs);
    fs.mkdirSync(path.join(root, 'desk'));
    const file = path.join(root, 'desk', REMOTE_CONFIG_FILE);
    for (const [content, why] of [
      ['{"serverUrl": "https://reg', /non è un JSON valido/],
      [JSON.stringify({ serverUrl: 'ftp://registro', connectedAt: '2026-03-02T08:00:00Z' }), /deve iniziare con https/],
      [JSON.stringify({ url: 'https://registro' }), /serverUrl/],
    ] as const) {
      fs.writeFileSync(file, content);
      const err = startupErrorOf(() => chooseDeskServer({ dataRoot: root }));
      expect(err.message).toMatch(/file di collegamento al server del registro è danneggiato/);
      expect(err.message).toMatch(why);
      expect(err.filePath).toBe(file);
      expect(fs.readFileSync(file, 'utf8')).toBe(content);
    }
    // startDesk reports the same error instead of starting an embedded server over it.
    await expect(startDesk({ dataRoot: root })).rejects.toBeInstanceOf(StartupError);
    expect(fs.existsSync(path.join(root, 'server'))).toBe(false);
  });
});
