import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startEmbeddedDesk, type EmbeddedDesk } from '../../src/main/embedded';
import { startRemoteDesk, type StartedDesk } from '../../src/main/remote';
import { createRegisterServer, type RegisterServer } from '../../src/server/app';
import { createWebHost } from '../../src/main/web/host';

/**
 * End-to-end harness: a real embedded register server (PGlite), a real desk core on SQLite and
 * the web host, each in an isolated data folder, driven by Debian's Chromium through
 * playwright-core (never a downloaded browser).
 */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RunningDesk {
  url: string;
  dataDir: string;
  embedded: EmbeddedDesk | null;
  /** Stops the embedded register server under the running desk; its data folder and port stay. */
  stopRegisterServer(): Promise<void>;
  /**
   * Starts the register server again on the same data folder and the same port, as an office
   * does after an outage: the desk keeps its server URL and finds it back by itself.
   */
  restartRegisterServer(): Promise<RegisterServer>;
  close(): Promise<void>;
}

/**
 * `serverUrl` (issue 3): a desk of a town hall, with no embedded server, talking to a register
 * server the test runs itself (`embedded` is then null).
 */
export async function startWebDesk(opts: { dataDir?: string; serverUrl?: string } = {}): Promise<RunningDesk> {
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-e2e-'));
  let embedded: EmbeddedDesk | null = null;
  let remote: StartedDesk | null = null;
  let startupError: string | null = null;
  try {
    if (opts.serverUrl) remote = await startRemoteDesk({ dataRoot: dataDir, serverUrl: opts.serverUrl });
    else embedded = await startEmbeddedDesk({ dataRoot: dataDir });
  } catch (err) {
    startupError = err instanceof Error ? err.message : String(err);
  }
  const app = await createWebHost({ desk: embedded?.desk ?? remote?.desk ?? null, staticDir: path.join(root, 'dist', 'renderer'), startupError });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  // The current register server: the embedded one, or the one a restart put in its place.
  let server: RegisterServer | null = embedded?.server ?? null;
  const requireEmbedded = (): EmbeddedDesk => {
    if (!embedded) throw new Error('Nessun server del registro incorporato: la scrivania non è partita');
    return embedded;
  };
  return {
    url,
    dataDir,
    embedded,
    async stopRegisterServer() {
      requireEmbedded();
      if (!server) return;
      const stopping = server.close();
      // The desk's SSE stream (GET /sync/events) is hijacked and never idle, so Fastify's close
      // would wait for it for ever: drop every open connection, as a stopped server does.
      server.app.server.closeAllConnections();
      await stopping;
      server = null;
    },
    async restartRegisterServer() {
      const { serverUrl } = requireEmbedded();
      if (server) throw new Error('Il server del registro è già in funzione');
      const databaseUrl = process.env.GONFALONE_SERVER_DATABASE_URL;
      // Same options as src/main/embedded.ts: the same data folder (PGlite) or the same database.
      const next = await createRegisterServer({ dataDir: path.join(dataDir, 'server'), ...(databaseUrl ? { databaseUrl } : {}) });
      await next.listen({ port: Number(new URL(serverUrl).port), host: '127.0.0.1' });
      server = next;
      return next;
    },
    async close() {
      await app.close();
      await embedded?.close();
      await remote?.close();
      // A restarted server is not the one EmbeddedDesk knows: close it too (close is idempotent).
      await server?.close();
      // A folder the harness made is the test's alone: remove it (a given one belongs to the caller).
      if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium with a persistent profile of its own. `bypassCSP` only for tests that must inject a
 * script (axe-core): the desk's Content-Security-Policy rightly refuses inline scripts.
 */
export async function launchBrowser(opts: { bypassCSP?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    acceptDownloads: true,
    bypassCSP: opts.bypassCSP ?? false,
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
    viewport: { width: 1366, height: 900 },
    // --disable-print-preview: headless Chromium crashes the page when a PDF frame calls print()
    // with print preview on (the label and daily register are printed that way in the browser).
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-print-preview',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Records every network request of the page (and of its frames) that goes anywhere but its own
 * origin; tests assert the list stays empty. Browser-internal schemes (data:, blob:, and the
 * chrome:// / chrome-extension:// pages of the built-in PDF viewer used for printing) never
 * leave the machine and are not counted; any other scheme is.
 */
export function forbidForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  const internal = /^(data|blob|about|chrome|chrome-extension|devtools):/;
  const ownOrigin = new URL(origin).origin;
  page.on('request', (req) => {
    const u = req.url();
    if (internal.test(u)) return;
    let o: string | null = null;
    try {
      o = new URL(u).origin;
    } catch {
      o = null;
    }
    if (o !== ownOrigin) foreign.push(u);
  });
  return foreign;
}
