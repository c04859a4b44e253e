import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startEmbeddedDesk, type EmbeddedDesk } from '../../src/main/embedded';
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
  close(): Promise<void>;
}

export async function startWebDesk(opts: { dataDir?: string } = {}): Promise<RunningDesk> {
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-e2e-'));
  let embedded: EmbeddedDesk | null = null;
  let startupError: string | null = null;
  try {
    embedded = await startEmbeddedDesk({ dataRoot: dataDir });
  } catch (err) {
    startupError = err instanceof Error ? err.message : String(err);
  }
  const app = await createWebHost({ desk: embedded?.desk ?? null, staticDir: path.join(root, 'dist', 'renderer'), startupError });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    dataDir,
    embedded,
    async close() {
      await app.close();
      await embedded?.close();
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
