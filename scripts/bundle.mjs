// Bundles the compiled CLI (dist/cli/main.js and what it imports from dist/) into one file,
// dist/mtlint.cjs, and records V8's code cache for it, dist/mtlint.cache, from a run on a
// sample: bin/mtlint.cjs then loads one file whose functions need no compiling (start-up ≈ 50 ms
// less than loading ~60 modules). Packages stay outside (node_modules), except the few modules of
// `natural` that the names code loads in every run (string similarity, with `underscore`): they are
// bundled too, still loaded on first use, so that they are compiled from the cache as well.
// Run by `npm run build`, which also has it bundle the review page's script and style
// (src/serve/page/) for the browser.
//
// The bundle is CommonJS so that it can be compiled with a code cache (vm.Script); modules that
// read import.meta.url see the bundle's own URL, and MTLINT_BUNDLE tells those that must know.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'mtlint.cjs');
const cache = join(root, 'dist', 'mtlint.cache');
rmSync(cache, { force: true });

/** Packages bundled in: natural's similarity modules and what they require. */
const BUNDLED = ['natural', 'underscore'];
const dependencies = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies);

/**
 * names/similarity.js loads natural's modules through createRequire(import.meta.url) (lazily, as an ES
 * module must); esbuild bundles only calls of the free `require`, so that line is dropped here.
 */
const bundleNatural = {
  name: 'bundle-natural',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]names[\\/]similarity\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const line = 'const require = createRequire(import.meta.url);';
      if (source.split(line).length !== 2) throw new Error(`${args.path}: expected one "${line}" (in nat())`);
      return { contents: source.replace(line, ''), loader: 'js' };
    });
  },
};

await build({
  entryPoints: [join(root, 'dist', 'cli', 'main.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: dependencies.filter((d) => !BUNDLED.includes(d)).flatMap((d) => [d, `${d}/*`]),
  // As Node resolves them for require().
  conditions: ['node'],
  plugins: [bundleNatural],
  // import() of a package becomes require() (Node ≥ 20.19 requires ES modules): no dynamic import inside vm.Script.
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': 'import_meta_url', MTLINT_BUNDLE: 'true' },
  banner: { js: "const import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

// The review page's script and style (mtlint serve): one file each in dist/serve/, for the browser;
// `diff` (jsdiff) is bundled in for the page's word-level view of the changes.
await build({
  entryPoints: ['page.ts', 'page.css'].map((f) => join(root, 'src', 'serve', 'page', f)),
  outdir: join(root, 'dist', 'serve'),
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
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
