// The one-file CLI (dist/mtlint.cjs, run by bin/mtlint.cjs with V8's code cache) against the
// compiled modules it is bundled from (dist/cli/main.js): the same output and exit code for
// every input format and several output formats, and a code cache this Node accepts.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import vm from 'node:vm';
import { crc32 } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BIN, FIXTURES, ROOT, tempDir } from './helpers.js';

const BUNDLE = join(ROOT, 'dist', 'mtlint.cjs');
const CACHE = join(ROOT, 'dist', 'mtlint.cache');
const UNBUNDLED = `import(${JSON.stringify(join(ROOT, 'dist', 'cli', 'main.js'))}).then(async ({ main }) => { process.exitCode = await main(process.argv.slice(1)); })`;

const run = (node: string[], args: string[]) => {
  const r = spawnSync(process.execPath, [...node, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

test('npm run build made the bundle and its code cache', () => {
  assert.ok(existsSync(BUNDLE), BUNDLE);
  assert.ok(existsSync(CACHE), CACHE);
});

const inputs = ['samples/ceasefire-talks.txt', 'samples/clean-report.txt', ...['article.md', 'article.html', 'feed.rss', 'feed.atom', 'records.ndjson', 'xxe.rss'].map((f) => join(FIXTURES, 'formats', f))];

// Every input in one run per format (the refused feed among them is a file error in the report);
// the refused feed alone gives its one-line error.
for (const format of ['stylish', 'json', 'diff', 'sarif', 'ndjson']) {
  test(`bundle = modules: --format ${format} on every input format, a refused input among them`, () => {
    const args = ['--format', format, '--no-color', ...inputs];
    const bundled = run([BIN], args);
    assert.equal(bundled, run(['--input-type=module', '-e', UNBUNDLED, '--'], args), format);
    assert.is(bundled.status, 2, bundled.stderr);
  });
}

test('bundle = modules: a refused input named alone', () => {
  const args = ['--format', 'json', join(FIXTURES, 'formats', 'xxe.rss')];
  const bundled = run([BIN], args);
  assert.equal(bundled, run(['--input-type=module', '-e', UNBUNDLED, '--'], args));
  assert.equal([bundled.status, bundled.stdout], [2, '']);
  assert.match(bundled.stderr, /^mtlint: .*xxe\.rss: the feed's DOCTYPE declares entities/);
});

test('bundle = modules: --help, --version, a usage error, --list-rules', () => {
  for (const args of [['--help'], ['--version'], ['--no-such-option'], ['--list-rules']]) {
    assert.equal(run([BIN], args), run(['--input-type=module', '-e', UNBUNDLED, '--'], args), args.join(' '));
  }
});

test('the code cache is for this bundle (its time, size and CRC-32 first) and this Node (V8 accepts it)', () => {
  const bytes = readFileSync(BUNDLE);
  const saved = readFileSync(CACHE);
  const end = saved.indexOf(10);
  assert.is(saved.subarray(0, end).toString('latin1'), `${statSync(BUNDLE).mtimeMs} ${bytes.length} ${crc32(bytes)}`);
  const script = new vm.Script(Module.wrap(bytes.toString('utf8')), { filename: BUNDLE, cachedData: saved.subarray(end + 1) });
  assert.is(script.cachedDataRejected, false);
});

test('a bundle changed after its cache was made runs as changed (V8 alone would accept a cache of the same length)', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist'));
  copyFileSync(BIN, join(dir, 'bin', 'mtlint.cjs'));
  copyFileSync(CACHE, join(dir, 'dist', 'mtlint.cache'));
  for (const shared of ['package.json', 'rules', 'node_modules']) symlinkSync(join(ROOT, shared), join(dir, shared));
  copyFileSync(join(ROOT, 'dist', 'rules.json'), join(dir, 'dist', 'rules.json'));
  // Same length, other text: the code cache would still run the old text.
  writeFileSync(join(dir, 'dist', 'mtlint.cjs'), readFileSync(BUNDLE, 'utf8').replace('no problems in', 'no problemz in'));
  const r = spawnSync(process.execPath, [join(dir, 'bin', 'mtlint.cjs'), 'samples/clean-report.txt'], { cwd: ROOT, encoding: 'utf8' });
  assert.match(r.stdout, 'no problemz in 1 file', r.stderr);
});

test.run();
