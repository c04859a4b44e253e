import path from 'node:path';
import { parseServerUrl } from '../remote-config';

/**
 * The pure, testable rules of the Electron shell (no `electron` import): window settings,
 * navigation policy, CSP, the app:// origin that serves the renderer, and argument parsing.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://gonfalone';
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Only our own origin: no remote scripts, styles, frames or connections (data: for CSS icons). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self' data:",
  "connect-src 'self'", "object-src 'none'", "frame-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

/** The main window; webPreferences per ARCHITECTURE.md ("shell") and Electron's security checklist. */
export const mainWindowOptions = (preload: string) => ({
  width: 1366, height: 860, minWidth: 1024, minHeight: 640, show: false, title: 'Gonfalone', backgroundColor: '#ffffff',
  webPreferences: {
    preload, sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false,
    webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, navigateOnDragDrop: false, spellcheck: false,
  },
});

/** Navigation is allowed only inside our own origin (reloads, SPA paths); never elsewhere. */
export function isNavigationAllowed(url: string): boolean {
  try {
    return isAppUrl(new URL(url)) && url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

// Node gives custom schemes an opaque origin ("null"), Electron a real one: compare the parts.
const isAppUrl = (u: URL) => u.protocol === `${APP_SCHEME}:` && u.host === 'gonfalone' && !u.username && !u.password;

/** window.open and target=_blank are always refused. */
export const windowOpenDecision = (): { action: 'deny' } => ({ action: 'deny' });

/** IPC is answered only for frames of our own origin. */
export const isTrustedSender = (frameUrl: string | undefined): boolean => !!frameUrl && isNavigationAllowed(frameUrl);

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.map': 'application/json',
};

/**
 * Maps an app:// URL to a file of the built renderer; null for other hosts or paths escaping
 * the folder. Paths without an extension are SPA routes and get index.html.
 */
export function resolveAppAsset(url: string, rootDir: string): { file: string; mimeType: string } | null {
  let rel: string;
  try {
    const parsed = new URL(url);
    if (!isAppUrl(parsed)) return null;
    rel = decodeURIComponent(parsed.pathname);
  } catch {
    return null; // malformed URL or %-escape
  }
  if (rel.includes('\0')) return null;
  if (rel === '/' || path.posix.extname(rel) === '') rel = '/index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${path.posix.normalize(rel)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return { file, mimeType: mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream' };
}

/**
 * `--data DIR` (portable use, tests) and `--server URL` (issue 3: a town hall's register server;
 * GONFALONE_SERVER_URL stands for it), each also as `--flag=value`; Chromium switches are ignored.
 */
export function parseShellArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): { dataDir: string | null; serverUrl: string | undefined } {
  const value = (flag: string, what: string): string | undefined => {
    const i = argv.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
    const v = i < 0 ? undefined : argv[i]!.startsWith(`${flag}=`) ? argv[i]!.slice(flag.length + 1) : argv[i + 1];
    if (i >= 0 && (!v || v.startsWith('--'))) throw new Error(`Manca il valore di ${flag} (${what})`);
    return v;
  };
  const server = value('--server', 'indirizzo del server del registro') ?? (env.GONFALONE_SERVER_URL || undefined);
  return { dataDir: value('--data', 'cartella dei dati') ?? null, serverUrl: server === undefined ? undefined : parseServerUrl(server) };
}

/** A temp file name for a PDF to print, safe on every file system. */
export function safeFileName(title: string, ext = '.pdf'): string {
  const base = title.normalize('NFKD').replace(/[^\w.-]+/g, '_').replace(/^[._]+|_+$/g, '').slice(0, 80) || 'documento';
  return base.toLowerCase().endsWith(ext) ? base : `${base}${ext}`;
}
