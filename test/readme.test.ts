// The README: its library example runs against the built package (imported as 'mtlint') and
// prints what the README says; every command-line option, output format, input format and
// configuration key is documented; the first lines are the two commands.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { KEYS } from '../src/config/config.js';
import { INPUT_FORMATS } from '../src/io/formats/index.js';
import { FORMATTERS } from '../src/report/index.js';
import { mtlint, ROOT, tempDir } from './helpers.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

test('the README starts with the two commands', () => {
  assert.ok(README.startsWith('# mtlint\n\n```sh\nnpm ci && npx mtlint samples/ceasefire-talks.txt\nnpm test\n```\n'));
});

test('the sample output is what the first command prints', () => {
  const block = /<!-- sample output[^\n]*-->\n```text\n([\s\S]*?)```/.exec(README);
  assert.ok(block, 'the README has its sample output block');
  const r = mtlint(['samples/ceasefire-talks.txt']);
  assert.is(r.code, 1);
  assert.is(block![1], r.stdout);
  // And what --fix says it did.
  const said = /`--fix` then says on stderr what it did \(`(fixed \d+ problems in samples\/ceasefire-talks\.txt)`\)/.exec(README);
  assert.ok(said, 'the README quotes what --fix says');
  const dir = tempDir('mtlint-readme-');
  mkdirSync(join(dir, 'samples'));
  copyFileSync(join(ROOT, 'samples', 'ceasefire-talks.txt'), join(dir, 'samples', 'ceasefire-talks.txt'));
  assert.is(mtlint(['--fix', 'samples/ceasefire-talks.txt'], { cwd: dir }).stderr, `${said![1]}\n`);
});

test('the README says how to run mtlint outside the clone, and not with npx elsewhere', () => {
  assert.match(README, /npm link/);
  assert.match(README, /npm pack && npm install -g/);
});

test('the library example runs and prints what the README shows', () => {
  const lib = README.slice(README.indexOf('## Library'));
  const code = /```js\n([\s\S]*?)```/.exec(lib)![1];
  const printed = /prints\s*\n\s*```text\n([\s\S]*?)```/.exec(lib)![1];
  assert.ok(code.includes("from 'mtlint'"));
  // Inside the package folder, 'mtlint' resolves to the package itself (its "exports").
  const file = join(ROOT, '.test-build', 'readme-example.mjs');
  writeFileSync(file, code);
  const r = spawnSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8' });
  assert.is(r.stderr, '');
  assert.is(r.stdout, printed);
});

test('every option, format and configuration key is documented', () => {
  const help = mtlint(['--help']).stdout;
  const options = [...help.matchAll(/^ {2,6}(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]);
  assert.ok(options.length > 20, help);
  // In the options table (a boolean that is on by default may be documented as its --no- form).
  const documented = (o: string) => [o, `--no-${o.slice(2)}`].some((x) => new RegExp(`^\\|[^|\\n]*(?:\`|, )${x}[\\s\`]`, 'm').test(README));
  for (const o of options) assert.ok(documented(o), `README documents ${o}`);
  for (const f of Object.keys(FORMATTERS)) assert.ok(README.includes(`| \`${f}\` |`), `README documents the ${f} format`);
  for (const f of INPUT_FORMATS) assert.ok(README.includes(`| \`${f}\` |`), `README documents the ${f} input format`);
  for (const k of KEYS) assert.ok(README.includes(`| \`${k}\` |`), `README documents the ${k} configuration key`);
  for (const code of [0, 1, 2]) assert.ok(README.includes(`| ${code} |`));
});

test.run();
