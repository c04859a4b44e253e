import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Runs the real esbuild bundle of the shell in plain Node with a stand-in `electron` module
 * (fixtures/fake-electron.cjs): proves the bundle starts the embedded register server and the
 * desk from its own folder (migrations found without import.meta), answers RPC over IPC, serves
 * the renderer with a CSP header and reports a corrupt database without touching it.
 */
const root = path.resolve(__dirname, '../../..');
const fake = path.join(__dirname, 'fixtures', 'fake-electron.cjs');
let app: string;

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'build', 'bundle-shell.mjs')], { cwd: root, stdio: 'pipe' });
  // A throw-away app folder: the bundle, a renderer page, and links to node_modules and drizzle.
  app = mkdtempSync(path.join(tmpdir(), 'gonfalone-shell-'));
  mkdirSync(path.join(app, 'dist', 'main'), { recursive: true });
  mkdirSync(path.join(app, 'dist', 'renderer'), { recursive: true });
  copyFileSync(path.join(root, 'dist', 'main', 'shell.cjs'), path.join(app, 'dist', 'main', 'shell.cjs'));
  writeFileSync(path.join(app, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Gonfalone</title>');
  symlinkSync(path.join(root, 'node_modules'), path.join(app, 'node_modules'));
  symlinkSync(path.join(root, 'drizzle'), path.join(app, 'drizzle'));
});

afterAll(() => rmSync(app, { recursive: true, force: true }));

function runShell(dataDir: string) {
  // The server's PGlite folder parent is created up front (see report: server should mkdir -p).
  mkdirSync(path.join(dataDir, 'server'), { recursive: true });
  const out = spawnSync(process.execPath, ['-r', fake, path.join(app, 'dist', 'main', 'shell.cjs'), '--data', dataDir], {
    cwd: app, encoding: 'utf8', timeout: 90_000,
  });
  const line = out.stdout.split('\n').find((l) => l.startsWith('REPORT '));
  if (!line) throw new Error(`Nessun report dalla shell:\n${out.stdout}\n${out.stderr}`);
  return JSON.parse(line.slice(7));
}

describe('bundled Electron shell (fake electron)', () => {
  it('starts the embedded desk and answers the contract over IPC, securely', () => {
    const data = mkdtempSync(path.join(tmpdir(), 'gonfalone-data-'));
    const r = runShell(data);
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.loadedUrl).toBe('app://gonfalone/index.html');
    expect(r.windows[0].webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(r.ipc.setupStatus).toEqual({ ok: true, data: { initialized: false, organisation: null, serverReachable: true } });
    expect(r.ipc.unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    expect(r.ipc.foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(r.navigationToOtherOriginPrevented).toBe(true);
    expect(r.windowOpen).toEqual({ action: 'deny' });
    expect(r.permissionGranted).toBe(false);
    expect(r.index.status).toBe(200);
    expect(r.index.csp).toContain("default-src 'self'");
    expect(r.missing).toBe(404);
    expect(r.menu.map((m: { label: string }) => m.label)).toEqual(['File', 'Modifica', 'Visualizza', 'Aiuto']);
    expect(r.menu[3].items).toContain('Scorciatoie da tastiera');
    rmSync(data, { recursive: true, force: true });
  });

  it('shows a clear error and leaves a corrupt desk database untouched', () => {
    const data = mkdtempSync(path.join(tmpdir(), 'gonfalone-data-'));
    mkdirSync(path.join(data, 'desk'), { recursive: true });
    const db = path.join(data, 'desk', 'gonfalone.db');
    const garbage = Buffer.from('questo non è un database SQLite '.repeat(200));
    writeFileSync(db, garbage);
    const r = runShell(data);
    expect(r.exitCode).toBe(1);
    expect(r.windows).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('Gonfalone non può avviarsi');
    expect(r.errors[0]).toContain('Il file non è stato modificato');
    expect(readFileSync(db).equals(garbage)).toBe(true);
    rmSync(data, { recursive: true, force: true });
  });
});
