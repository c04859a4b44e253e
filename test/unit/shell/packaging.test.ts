import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// js-yaml and ajv come with electron-builder (devDependency); its own JSON schema is the judge.
const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, '../../..');

describe('packaging', () => {
  const config = require('js-yaml').load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));

  it('electron-builder.yml is valid for the installed electron-builder', () => {
    const Ajv = require('ajv').default;
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('ships the app, unpacks native modules and targets Windows NSIS, AppImage and deb', () => {
    expect(config.appId).toBe('it.comune.gonfalone');
    expect(config.productName).toBe('Gonfalone');
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'drizzle/**/*', 'package.json']));
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**/*', 'node_modules/@electric-sql/pglite/**/*']));
    expect(config.npmRebuild).toBe(true);
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, installerLanguages: ['it_IT'] });
    expect(config.linux.target.map((t: { target: string }) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/@/);
  });

  it('has a 512×512 PNG icon', () => {
    const png = readFileSync(path.join(root, 'build', 'icon.png'));
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
  });

  it('package.json points Electron at the bundle and never rebuilds natives at install', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/main/shell.cjs');
    expect(JSON.stringify(pkg.scripts)).not.toMatch(/install-app-deps|electron-rebuild/);
  });
});
