import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDesk, StartupError } from '../../../src/main/core/desk';

const dirs: string[] = [];
function dataDirWith(bytes?: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-startup-'));
  dirs.push(dir);
  if (bytes) fs.writeFileSync(path.join(dir, 'gonfalone.db'), bytes);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const offline = 'http://127.0.0.1:9';

describe('start-up with a bad data file', () => {
  it('refuses a text file, naming it, and leaves it untouched', async () => {
    const bytes = Buffer.from('Questo non è un database.\n'.repeat(100));
    const dir = dataDirWith(bytes);
    const file = path.join(dir, 'gonfalone.db');
    const err = await openDesk({ dataDir: dir, serverUrl: offline, live: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as StartupError).message).toContain(file);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['gonfalone.db']);
  });

  it("refuses another application's SQLite database and leaves it untouched", async () => {
    const dir = dataDirWith();
    const file = path.join(dir, 'gonfalone.db');
    const foreign = new Database(file);
    foreign.exec("CREATE TABLE fatture (id INTEGER PRIMARY KEY, totale REAL); INSERT INTO fatture VALUES (1, 12.5);");
    foreign.close();
    const before = fs.readFileSync(file);
    const err = await openDesk({ dataDir: dir, serverUrl: offline, live: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as StartupError).message).toMatch(/altra applicazione/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a truncated Gonfalone database', async () => {
    const dir = dataDirWith();
    const desk = await openDesk({ dataDir: dir, serverUrl: offline, live: false });
    await desk.close();
    const file = path.join(dir, 'gonfalone.db');
    const whole = fs.readFileSync(file);
    const broken = Buffer.concat([whole.subarray(0, 100), Buffer.alloc(4096 - 100, 0xff)]);
    fs.writeFileSync(file, broken);
    for (const f of fs.readdirSync(dir)) if (f.endsWith('-wal') || f.endsWith('-shm')) fs.rmSync(path.join(dir, f));
    await expect(openDesk({ dataDir: dir, serverUrl: offline, live: false })).rejects.toBeInstanceOf(StartupError);
    expect(fs.readFileSync(file).equals(broken)).toBe(true);
  });

  it('opens again a desk it created', async () => {
    const dir = dataDirWith();
    await (await openDesk({ dataDir: dir, serverUrl: offline, live: false })).close();
    const desk = await openDesk({ dataDir: dir, serverUrl: offline, live: false });
    expect(desk.dataDir).toBe(dir);
    await desk.close();
  });
});
