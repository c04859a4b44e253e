import { describe, expect, it } from 'vitest';
import { parseHostArgs } from '../../../src/main/web/args';
import { parseShellArgs } from '../../../src/main/shell/policy';
import { parseServerUrl } from '../../../src/main/remote-config';

describe('npm run web arguments', () => {
  const defaults = { port: 5180, dataDir: '/tmp/d' };
  it('reads --port, --data and --demo in both spellings', () => {
    expect(parseHostArgs(['--port', '6000', '--data=/x', '--demo'], defaults)).toEqual({ port: 6000, dataDir: '/x', demo: true, serverUrl: null });
    expect(parseHostArgs([], defaults)).toEqual({ port: 5180, dataDir: '/tmp/d', demo: false, serverUrl: null });
  });
  it('reads --server URL and --server=URL as the register server origin', () => {
    expect(parseHostArgs(['--server', 'https://protocollo.comune.example.it:8443/'], defaults).serverUrl).toBe('https://protocollo.comune.example.it:8443');
    expect(parseHostArgs(['--server=http://10.0.0.5:8787', '--port', '0'], defaults)).toEqual({ port: 0, dataDir: '/tmp/d', demo: false, serverUrl: 'http://10.0.0.5:8787' });
  });
  it('refuses unknown options, bad ports and bad server addresses with an Italian message', () => {
    expect(() => parseHostArgs(['--prot', '1'], defaults)).toThrow(/Opzione sconosciuta/);
    expect(() => parseHostArgs(['--port', 'abc'], defaults)).toThrow(/Porta non valida/);
    expect(() => parseHostArgs(['--data'], defaults)).toThrow(/Manca il valore/);
    expect(() => parseHostArgs(['--server'], defaults)).toThrow(/Manca il valore di --server/);
    expect(() => parseHostArgs(['--server', '--demo'], defaults)).toThrow(/Manca il valore di --server/);
    expect(() => parseHostArgs(['--server', 'protocollo.comune.it'], defaults)).toThrow(/Indirizzo del server del registro non valido/);
  });
});

describe('register server address', () => {
  it('keeps only the origin of http and https addresses', () => {
    expect(parseServerUrl(' https://Protocollo.Comune.example.it ')).toBe('https://protocollo.comune.example.it');
    expect(parseServerUrl('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787');
    expect(parseServerUrl('https://host:443')).toBe('https://host');
  });
  it('refuses other schemes, credentials and paths (the desk calls absolute paths)', () => {
    expect(() => parseServerUrl('ftp://host')).toThrow(/deve iniziare con https:\/\//);
    expect(() => parseServerUrl('https://user:pw@host')).toThrow(/nome utente o password/);
    expect(() => parseServerUrl('https://host/gonfalone')).toThrow(/senza percorso: https:\/\/host/);
    expect(() => parseServerUrl('https://host/?x=1')).toThrow(/senza percorso/);
    expect(() => parseServerUrl('')).toThrow(/non valido/);
  });
});

describe('Electron shell arguments', () => {
  it('reads --server in both forms, or GONFALONE_SERVER_URL, next to --data', () => {
    expect(parseShellArgs(['app', '--server', 'https://reg.example.it', '--data=/d'])).toEqual({ dataDir: '/d', serverUrl: 'https://reg.example.it' });
    expect(parseShellArgs(['--server=http://10.1.1.1:8787/']).serverUrl).toBe('http://10.1.1.1:8787');
    expect(parseShellArgs([], { GONFALONE_SERVER_URL: 'https://env.example.it' }).serverUrl).toBe('https://env.example.it');
    // The command line wins over the environment; an empty variable means "not set".
    expect(parseShellArgs(['--server', 'https://a.example.it'], { GONFALONE_SERVER_URL: 'https://b.example.it' }).serverUrl).toBe('https://a.example.it');
    expect(parseShellArgs([], { GONFALONE_SERVER_URL: '' })).toEqual({ dataDir: null, serverUrl: undefined });
  });
  it('refuses --server without a value or with a bad address', () => {
    expect(() => parseShellArgs(['--server'])).toThrow(/Manca il valore di --server/);
    expect(() => parseShellArgs(['--server', '--inspect'])).toThrow(/--server/);
    expect(() => parseShellArgs([], { GONFALONE_SERVER_URL: 'registro' })).toThrow(/non valido/);
  });
});
