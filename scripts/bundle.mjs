// Bundles the compiled CLI (dist/cli/main.js and what it imports from dist/) into one file,
// dist/mtlint.cjs, and records V8's code cache for it, dist/mtlint.cache, from a run on a
// sample: bin/mtlint.cjs then loads one file whose functions need no compiling (start-up ≈ 50 ms
// less than loading ~60 modules). Packages stay outside (node_modules). Run by `npm run build`.
//
// The bundle is CommonJS so that it can be compiled with a code cache (vm.Script); modules that
// read import.meta.url see the bundle's own URL, and MTLINT_BUNDLE tells those that must know.

import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'mtlint.cjs');
const cache = join(root, 'dist', 'mtlint.cache');
rmSync(cache, { force: true });
buildSync({
  entryPoints: [join(root, 'dist', 'cli', 'main.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  // import() of a package becomes require() (Node ≥ 20.19 requires ES modules): no dynamic import inside vm.Script.
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': 'import_meta_url', MTLINT_BUNDLE: 'true' },
  banner: { js: "const import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

// The code cache: the functions a typical run compiles, recorded after running on a sample.
const sample = join(root, 'samples', 'ceasefire-talks.txt');
const run = spawnSync(process.execPath, [join(root, 'bin', 'mtlint.cjs'), ...(existsSync(sample) ? [sample] : ['--version'])], {
  env: { ...process.env, MTLINT_WRITE_CODE_CACHE: cache },
  encoding: 'utf8',
});
if (run.status !== 0 && run.status !== 1) throw new Error(`bundle check failed (exit ${run.status}): ${run.stderr}`);
if (!existsSync(cache)) throw new Error('no code cache written');
