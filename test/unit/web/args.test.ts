import { describe, expect, it } from 'vitest';
import { parseHostArgs } from '../../../src/main/web/args';

describe('npm run web arguments', () => {
  const defaults = { port: 5180, dataDir: '/tmp/d' };
  it('reads --port, --data and --demo in both spellings', () => {
    expect(parseHostArgs(['--port', '6000', '--data=/x', '--demo'], defaults)).toEqual({ port: 6000, dataDir: '/x', demo: true });
    expect(parseHostArgs([], defaults)).toEqual({ port: 5180, dataDir: '/tmp/d', demo: false });
  });
  it('refuses unknown options and bad ports with an Italian message', () => {
    expect(() => parseHostArgs(['--prot', '1'], defaults)).toThrow(/Opzione sconosciuta/);
    expect(() => parseHostArgs(['--port', 'abc'], defaults)).toThrow(/Porta non valida/);
    expect(() => parseHostArgs(['--data'], defaults)).toThrow(/Manca il valore/);
  });
});
