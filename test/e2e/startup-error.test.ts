import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { E2eWorld } from './support';
import { StartupErrorPage } from './pages/StartupErrorPage';

/**
 * A desk whose database file is not Gonfalone's (a text file, another program's SQLite) must
 * show a clear Italian error screen and never touch the file: it may be the only copy of
 * somebody's data (STYLE.md: "a start-up-error test", as Actual does).
 */
const folders: string[] = [];
afterAll(() => {
  for (const f of folders) fs.rmSync(f, { recursive: true, force: true });
});

/** A data folder whose desk database (<data>/desk/gonfalone.db) is written by `make`. */
function dataFolderWith(make: (file: string) => void): { dataDir: string; file: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-e2e-bad-'));
  folders.push(dataDir);
  fs.mkdirSync(path.join(dataDir, 'desk'));
  const file = path.join(dataDir, 'desk', 'gonfalone.db');
  make(file);
  return { dataDir, file };
}

async function expectErrorScreen(dataDir: string, file: string, messagePattern: RegExp): Promise<void> {
  const before = fs.readFileSync(file);
  const statBefore = fs.statSync(file);
  const world = await E2eWorld.start({ dataDir });
  try {
    expect(world.desk.embedded).toBeNull();
    const b = await world.browser();
    await world.open(b.page);
    const screen = new StartupErrorPage(b.page);
    await screen.heading().waitFor();
    const message = await screen.message();
    expect(message).toMatch(messagePattern);
    expect(message).toContain('Il file dei dati non è stato modificato');
    // Nothing else is offered: no setup, no login.
    expect(await b.page.getByRole('heading', { name: 'Configurazione iniziale' }).count()).toBe(0);
    expect(await b.page.getByRole('button', { name: 'Accedi' }).count()).toBe(0);
    // Even a direct call answers with the same Italian error, not a crash.
    const res = await fetch(`${world.url}/rpc/setup.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(((await res.json()) as { message: string }).message).toMatch(messagePattern);
    expect(b.foreign).toEqual([]);
  } finally {
    await world.close();
  }
  // The bytes are exactly those found, and no journal was left next to the file.
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  expect(fs.statSync(file).mtimeMs).toBe(statBefore.mtimeMs);
  expect(fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith('gonfalone.db'))).toEqual(['gonfalone.db']);
}

describe('start-up with a bad desk database', () => {
  it('shows the error screen for a text file and leaves it untouched', async () => {
    const { dataDir, file } = dataFolderWith((f) => fs.writeFileSync(f, 'Appunti della segreteria: non è un database.\n'.repeat(200)));
    await expectErrorScreen(dataDir, file, /gonfalone\.db/);
  });

  it("shows the error screen for another application's SQLite database and leaves it untouched", async () => {
    const { dataDir, file } = dataFolderWith((f) => {
      const db = new Database(f);
      db.exec("CREATE TABLE fatture (id INTEGER PRIMARY KEY, cliente TEXT, totale REAL); INSERT INTO fatture VALUES (1, 'Rossi', 12.5);");
      db.close();
    });
    await expectErrorScreen(dataDir, file, /altra applicazione/);
  });
});
