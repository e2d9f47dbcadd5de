#!/usr/bin/env node
// Entry point: runs the CLI and exits with its code once output is flushed (and, in a worker
// thread of the bundled CLI, serves the pool). The CLI is the
// one-file bundle dist/mtlint.cjs (scripts/bundle.mjs), compiled with V8's code cache when the
// cache matches this Node; without the bundle, the compiled modules in dist/. CommonJS, like the
// bundle: Node then never starts its ES module loader for a plain run (≈ 10 ms).
'use strict';
const { existsSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

// A reader that stops early (`mtlint … | head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const dist = join(__dirname, '..', 'dist');
const bundle = join(dist, 'mtlint.cjs');
const cache = join(dist, 'mtlint.cache');

/**
 * The bundle's exports. V8 checks a code cache only against the source's length, so the cache
 * file starts with a line naming the bundle it was made from: its modification time, size and
 * CRC-32. The cache is used when the bundle still has that time and size (nothing wrote it since
 * the build), else when its CRC-32 is the same (an installed package: npm gives every file a new
 * time). A cache from another Node version is rejected by V8 and the bundle compiled as usual.
 */
function loadBundle() {
  const bytes = readFileSync(bundle);
  const source = bytes.toString('utf8');
  const cachedData = cacheFor(bytes);
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(bundle), module, bundle, dist);
  // npm run build records the cache after a run on a sample (scripts/bundle.mjs).
  const out = process.env.MTLINT_WRITE_CODE_CACHE;
  if (out) {
    process.on('exit', () => {
      const head = `${statSync(bundle).mtimeMs} ${bytes.length} ${require('node:zlib').crc32(bytes)}\n`;
      writeFileSync(out, Buffer.concat([Buffer.from(head, 'latin1'), script.createCachedData()]));
    });
  }
  return module.exports;
}

/** The code cache recorded for this bundle, else undefined. */
function cacheFor(bytes) {
  if (!existsSync(cache)) return undefined;
  const saved = readFileSync(cache);
  const end = saved.indexOf(10);
  const [mtime, size, crc] = saved.subarray(0, Math.max(end, 0)).toString('latin1').split(' ');
  const same = (String(statSync(bundle).mtimeMs) === mtime && String(bytes.length) === size) || String(require('node:zlib').crc32(bytes)) === crc;
  return end > 0 && same ? saved.subarray(end + 1) : undefined;
}

// The pool starts its workers with this flag (src/batch/pool.ts), so a plain run need not load node:worker_threads.
const worker = process.argv.includes('--mtlint-worker') ? require('node:worker_threads') : undefined;
if (worker && !worker.isMainThread && worker.workerData?.mtlintWorker) {
  // A worker of the pool (--jobs) started by the bundled CLI.
  loadBundle().serveWorker();
} else {
  const cli = existsSync(bundle) ? Promise.resolve(loadBundle()) : import('../dist/cli/main.js');
  cli
    .then(({ main }) => main(process.argv.slice(2)))
    .then((code) => {
      // End the process once the output is flushed: left to end when its event loop is empty, it
      // would first run V8's collector tasks (a scavenge and a full collection, ≈ 10 ms) on a heap
      // about to be discarded.
      process.exitCode = code;
      process.stdout.write('', () => process.stderr.write('', () => process.exit()));
    });
}
