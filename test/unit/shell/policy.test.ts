import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY, APP_ORIGIN, CONTENT_SECURITY_POLICY, isNavigationAllowed, isTrustedSender, mainWindowOptions,
  parseShellArgs, resolveAppAsset, safeFileName, windowOpenDecision,
} from '../../../src/main/shell/policy';

describe('window options', () => {
  it('run the page sandboxed, isolated, without Node and with web security', () => {
    const prefs = mainWindowOptions('/app/dist/main/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      webSecurity: true, allowRunningInsecureContent: false, webviewTag: false,
    });
    expect(prefs.preload).toBe('/app/dist/main/preload.cjs');
  });
});

describe('navigation policy', () => {
  it('allows only our own app:// origin', () => {
    expect(isNavigationAllowed(APP_ENTRY)).toBe(true);
    expect(isNavigationAllowed(`${APP_ORIGIN}/protocollo/registra`)).toBe(true);
    for (const url of [
      'https://www.example.org/', 'http://127.0.0.1:5180/', 'file:///etc/passwd', 'app://altro/index.html',
      'app://gonfalone.evil.com/', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'about:blank', 'non un url',
    ]) expect(isNavigationAllowed(url), url).toBe(false);
  });

  it('always denies window.open', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });

  it('answers IPC only from frames of our origin', () => {
    expect(isTrustedSender(APP_ENTRY)).toBe(true);
    expect(isTrustedSender('https://attacker.example/')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows only self for scripts, styles and connections, nothing for objects and frames', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('app:// assets', () => {
  const root = path.resolve('/opt/gonfalone/dist/renderer');
  it('maps files under the renderer folder and SPA routes to index.html', () => {
    expect(resolveAppAsset(`${APP_ORIGIN}/assets/index-abc.js`, root)).toEqual({
      file: path.join(root, 'assets', 'index-abc.js'), mimeType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppAsset(`${APP_ORIGIN}/`, root)?.file).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset(`${APP_ORIGIN}/registro`, root)?.mimeType).toBe('text/html; charset=utf-8');
  });

  it('refuses other origins and any escape from the folder', () => {
    expect(resolveAppAsset('app://altro/index.html', root)).toBeNull();
    // Dot segments are resolved against the renderer folder: they can never climb out of it.
    for (const attempt of ['..%2F..%2Fetc%2Fpasswd.txt', '%2e%2e/%2e%2e/secret.db', '..%5C..%5Cwin.ini']) {
      const asset = resolveAppAsset(`${APP_ORIGIN}/${attempt}`, root);
      expect(asset === null || asset.file.startsWith(root + path.sep), attempt).toBe(true);
    }
    expect(resolveAppAsset(`${APP_ORIGIN}/..%2F..%2Fetc%2Fpasswd.txt`, root)?.file).toBe(path.join(root, 'etc', 'passwd.txt'));
    expect(resolveAppAsset(`${APP_ORIGIN}/a%00.js`, root)).toBeNull();
    expect(resolveAppAsset(`${APP_ORIGIN}/%E0%A4%A`, root)).toBeNull();
  });
});

describe('shell arguments', () => {
  it('reads --data in both forms and ignores Chromium switches', () => {
    expect(parseShellArgs(['dist/main/shell.cjs'])).toEqual({ dataDir: null });
    expect(parseShellArgs(['--no-sandbox-x', '--data', '/tmp/d'])).toEqual({ dataDir: '/tmp/d' });
    expect(parseShellArgs(['--data=/srv/gonfalone'])).toEqual({ dataDir: '/srv/gonfalone' });
  });

  it('refuses --data without a folder', () => {
    expect(() => parseShellArgs(['--data'])).toThrow(/--data/);
    expect(() => parseShellArgs(['--data', '--inspect'])).toThrow(/--data/);
  });
});

describe('safeFileName', () => {
  it('keeps names portable and ends them with the extension', () => {
    expect(safeFileName('Etichetta 2026/0000042')).toBe('Etichetta_2026_0000042.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('etc_passwd.pdf');
    expect(safeFileName('registro.pdf')).toBe('registro.pdf');
    expect(safeFileName('')).toBe('documento.pdf');
    expect(safeFileName('Città “bella”.json', '.json')).toBe('Citta_bella_.json');
  });
});
