import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { StartupError } from '../core/errors';
import { startDesk, type StartedDesk } from '../remote';
import { ipcChannels } from './channels';
import { createDeskPort } from './desk-port';
import { installMenu } from './menu';
import * as policy from './policy';

/** Electron main process: window, IPC and native calls only; all logic lives in the core. */
const rendererDir = path.join(__dirname, '..', 'renderer');
let win: BrowserWindow | null = null;
let started: StartedDesk | null = null;
protocol.registerSchemesAsPrivileged([{ scheme: policy.APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', () => win?.show());
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  const args = policy.parseShellArgs(process.argv.slice(1), process.env), dataRoot = args.dataDir ?? app.getPath('userData');
  harden();
  // Desk core in <dataRoot>/desk; embedded register server in <dataRoot>/server unless remote (docs/architecture.md).
  started = await startDesk({ dataRoot: path.resolve(dataRoot), serverUrl: args.serverUrl ?? null, appVersion: app.getVersion() });
  const port = createDeskPort(started.desk);
  const trusted = (e: IpcMainInvokeEvent) => policy.isTrustedSender(e.senderFrame?.url);
  const refused = { ok: false, error: { code: 'FORBIDDEN', message: 'Origine non autorizzata.' } } as const;
  ipcMain.handle(ipcChannels.rpc, (e, name: unknown, input: unknown) => (trusted(e) ? port.rpc(name, input) : refused));
  ipcMain.handle(ipcChannels.upload, (e, b: unknown, n: unknown, t: unknown) => (trusted(e) ? port.upload(b, n, t) : refused));
  ipcMain.handle(ipcChannels.print, (e, b64: unknown, title: unknown) => trusted(e) && printPdf(String(b64), String(title)));
  ipcMain.handle(ipcChannels.save, (e, b64: unknown, name: unknown) => trusted(e) && saveFile(String(b64), String(name)));
  started.desk.onEvent((event) => win?.webContents.send(ipcChannels.event, event));
  installMenu(() => win, { dev: !app.isPackaged, dataDir: dataRoot });
  win = new BrowserWindow(policy.mainWindowOptions(path.join(__dirname, 'preload.cjs')));
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => (win = null));
  await win.loadURL(policy.APP_ENTRY);
}

/** Serves the renderer from app:// with a CSP header; denies navigation, popups and permissions. */
function harden(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  protocol.handle(policy.APP_SCHEME, async (request) => {
    const asset = policy.resolveAppAsset(request.url, rendererDir);
    const res = asset ? await net.fetch(pathToFileURL(asset.file).toString()) : null;
    if (!asset || !res?.ok) return new Response('Non trovato', { status: 404 });
    const headers = { 'Content-Type': asset.mimeType, 'Content-Security-Policy': policy.CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
    return new Response(res.body, { headers });
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => policy.isNavigationAllowed(url) || event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(policy.windowOpenDecision);
  });
}

/** Writes the PDF to a private temp folder and hands it to the system viewer to print. */
async function printPdf(base64: string, title: string): Promise<void> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'gonfalone-stampa-')), policy.safeFileName(title));
  await writeFile(file, Buffer.from(base64, 'base64'));
  const error = await shell.openPath(file);
  if (error) throw new Error(`Impossibile aprire il PDF per la stampa: ${error}`);
}

async function saveFile(base64: string, suggestedName: string): Promise<boolean> {
  const defaultPath = path.join(app.getPath('documents'), policy.safeFileName(suggestedName, path.extname(suggestedName) || '.pdf'));
  const result = await dialog.showSaveDialog({ defaultPath, title: 'Salva documento' });
  if (result.canceled || !result.filePath) return false;
  await writeFile(result.filePath, Buffer.from(base64, 'base64'));
  return true;
}

let closing = false;
app.on('before-quit', (event) => {
  if (closing || !started) return;
  // Close the databases cleanly (SQLite WAL, PGlite) before the process goes.
  event.preventDefault();
  closing = true;
  void started.close().finally(() => app.quit());
});
app.on('window-all-closed', () => app.quit());

/** A corrupt or foreign database (StartupError) is reported and left exactly as it is. */
function fail(err: unknown): void {
  const detail = err instanceof StartupError ? `${err.message}\n\nFile: ${err.filePath}\nIl file non è stato modificato.` : String(err instanceof Error ? err.message : err);
  dialog.showErrorBox('Gonfalone non può avviarsi', detail);
  app.exit(1);
}
