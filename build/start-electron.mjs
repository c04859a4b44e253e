// `npm start` (after `npm run build`): launches Electron on dist/main/shell.cjs. Electron's
// binary is skipped at install on machines without access to GitHub (ELECTRON_SKIP_BINARY_DOWNLOAD):
// try its installer once, and if that fails explain the alternative instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');

function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

if (!existsSync(electronDir)) fail('il pacchetto electron non è installato', 'the electron package is not installed');
let binary = electronBinary();
if (!binary) {
  console.log('Electron non è ancora scaricato: provo una volta con node_modules/electron/install.js …');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  // The downloader's stack trace helps nobody at the desk: keep only its first line.
  const res = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'], env, encoding: 'utf8' });
  binary = electronBinary();
  if (!binary && res.stderr) console.error(res.stderr.split('\n').find((l) => l.trim()) ?? '');
}
if (!binary) fail('non è possibile scaricare Electron su questa macchina', 'Electron cannot be downloaded on this machine');

const entry = path.join(root, 'dist', 'main', 'shell.cjs');
if (!existsSync(entry)) fail('manca dist/main/shell.cjs: esegui prima `npm run build`', 'dist/main/shell.cjs is missing: run `npm run build` first');
const child = spawn(binary, [entry, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));

function fail(it, en) {
  console.error(
    `\nGonfalone: ${it}.\n` +
      'La stessa scrivania funziona nel browser: `npm run web` (poi apri l’indirizzo mostrato, su 127.0.0.1).\n\n' +
      `Gonfalone: ${en}.\n` +
      'The same desk runs in a browser: `npm run web` (then open the address it prints, on 127.0.0.1).\n',
  );
  process.exit(1);
}
