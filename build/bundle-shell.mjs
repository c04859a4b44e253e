// Bundles the Electron main process and the preload into CommonJS files under dist/main.
// Native and WASM-carrying packages stay external: electron-builder ships them from node_modules
// (asarUnpack) and rebuilds better-sqlite3 for Electron on the packaging machine.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const external = ['electron', 'better-sqlite3', '@electric-sql/pglite', '@electric-sql/pglite/*', 'pg-native'];

/**
 * CommonJS has no import.meta: each source file that uses `import.meta.url` (to find drizzle/
 * migrations relative to itself) gets the URL its source path would have inside the app folder,
 * so `../../../drizzle/server` still lands on <app>/drizzle/server, also inside app.asar.
 */
const importMetaUrl = {
  name: 'import-meta-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.tsx?$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const rel = path.relative(root, args.path).split(path.sep).join('/');
      const url = `require('node:url').pathToFileURL(require('node:path').join(__dirname, '..', '..', ${JSON.stringify(rel)})).href`;
      return { contents: source.replaceAll('import.meta.url', `(${url})`), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external,
  sourcemap: true,
  logLevel: 'info',
  plugins: [importMetaUrl],
};

await build({ ...common, entryPoints: [path.join(root, 'src/main/shell/main.ts')], outfile: path.join(root, 'dist/main/shell.cjs') });
// The preload runs sandboxed: it may require only `electron`, so it bundles everything else.
await build({ ...common, entryPoints: [path.join(root, 'src/main/shell/preload.ts')], outfile: path.join(root, 'dist/main/preload.cjs') });
