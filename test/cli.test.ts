// The command line end to end: exit codes, json shape, the diff applies with `git apply` and
// equals `--fix --stdout`, --fix writes in place keeping BOM and CRLF, bad input gets one line
// on stderr and exit 2.

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BIN, cli, mtlint, ROOT, tempDir } from './helpers.js';

const ARTICLE = [
  'Lavrov said the Moscow holder had changed since then.',
  '',
  'Speaking to Russian country television, he said the talks would go on.',
  '',
  'Leave a Reply',
  '',
].join('\n');

function tmpFile(name: string, content: string | Buffer): { dir: string; path: string } {
  const dir = tempDir('mtlint-cli-');
  const path = join(dir, name);
  writeFileSync(path, content);
  return { dir, path };
}

test('exit 1 with findings, 0 on clean text, and the stylish format names file:line:col', async () => {
  const { dir } = tmpFile('a.txt', ARTICLE);
  const r = mtlint(['a.txt'], { cwd: dir });
  assert.is(r.code, 1);
  assert.match(r.stdout, /a\.txt:1:13\s+error\s+Use `Moscow's position` rather than `the Moscow holder`/);
  assert.match(r.stdout, /\[-the Moscow holder-\]\{\+Moscow's position\+\}/);
  assert.match(r.stdout, /3 problems \(3 errors, 0 warnings, 0 info\)/);
  const clean = tmpFile('b.txt', 'Lavrov said Moscow’s position had not changed.\n');
  const c = mtlint(['b.txt'], { cwd: clean.dir });
  assert.is(c.code, 0);
  assert.is(c.stderr, '');
});

test('json output has the documented shape', async () => {
  const { dir } = tmpFile('a.txt', ARTICLE);
  const r = (await cli(['--format', 'json', 'a.txt'], { cwd: dir }));
  const data = JSON.parse(r.stdout);
  assert.is(data.version, 1);
  assert.is(data.files[0].path, 'a.txt');
  const f = data.files[0].findings[0];
  assert.equal(Object.keys(f), [
    'ruleId', 'kind', 'severity', 'confidence', 'start', 'end', 'line', 'column', 'endLine', 'endColumn',
    'text', 'message', 'fix', 'suggestions',
  ]);
  assert.equal([f.ruleId, f.start, f.end, f.line, f.column, f.text], ['calques/position-holder', 12, 29, 1, 13, 'the Moscow holder']);
  assert.equal(f.fix, { start: 12, end: 29, text: "Moscow's position" });
  assert.equal(ARTICLE.slice(f.start, f.end), f.text);
});

test('the diff applies with git apply and equals --fix --stdout', async () => {
  const { dir } = tmpFile('a.txt', ARTICLE);
  const diff = (await cli(['--format', 'diff', 'a.txt'], { cwd: dir }));
  assert.match(diff.stdout, /^diff --git a\/a\.txt b\/a\.txt\n--- a\/a\.txt\n\+\+\+ b\/a\.txt\n@@ /);
  const fixed = (await cli(['--fix', '--stdout', 'a.txt'], { cwd: dir }));
  writeFileSync(join(dir, 's.patch'), diff.stdout);
  const git = spawnSync('git', ['apply', 's.patch'], { cwd: dir, encoding: 'utf8' });
  assert.is(git.status, 0, git.stderr);
  assert.is(readFileSync(join(dir, 'a.txt'), 'utf8'), fixed.stdout);
  assert.is(fixed.stdout, "Lavrov said Moscow's position had changed since then.\n\nSpeaking to Russian state television, he said the talks would go on.\n");
});

test('a diff with a path that climbs out (../x.txt): plain git apply rejects it, --unsafe-paths applies it from the same directory', async () => {
  const dir = tempDir('mtlint-cli-');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'x.txt'), 'The the talks.\n');
  const diff = (await cli(['--format', 'diff', '../x.txt'], { cwd: join(dir, 'sub') }));
  writeFileSync(join(dir, 'sub', 's.patch'), diff.stdout);
  const plain = spawnSync('git', ['apply', 's.patch'], { cwd: join(dir, 'sub'), encoding: 'utf8' });
  assert.is.not(plain.status, 0);
  assert.match(plain.stderr, /invalid path '\.\.\/x\.txt'/);
  const unsafe = spawnSync('git', ['apply', '--unsafe-paths', 's.patch'], { cwd: join(dir, 'sub'), encoding: 'utf8' });
  assert.is(unsafe.status, 0, unsafe.stderr);
  assert.is(readFileSync(join(dir, 'x.txt'), 'utf8'), 'The talks.\n');
});

test('--fix writes in place, keeps BOM, CRLF and file mode; a second run changes nothing', async () => {
  const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE.replace(/\n/g, '\r\n'))]);
  const { dir, path } = tmpFile('a.txt', crlf);
  chmodSync(path, 0o640);
  const r = (await cli(['--fix', 'a.txt'], { cwd: dir }));
  assert.is(r.code, 0, r.stdout + r.stderr);
  const bytes = readFileSync(path);
  assert.equal([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.is(bytes.subarray(3).toString('utf8'), "Lavrov said Moscow's position had changed since then.\r\n\r\nSpeaking to Russian state television, he said the talks would go on.\r\n");
  assert.is((statSync(path).mode & 0o777).toString(8), '640');
  (await cli(['--fix', 'a.txt'], { cwd: dir }));
  assert.equal(readFileSync(path), bytes, 'idempotent');
});

test('stdin is read with -, and --fix on stdin prints the text', async () => {
  const r = mtlint(['--format', 'json', '--stdin-filename', 'story.txt', '-'], { input: ARTICLE });
  assert.is(JSON.parse(r.stdout).files[0].path, 'story.txt');
  const f = mtlint(['--fix', '-'], { input: 'The the talks.' });
  assert.is(f.stdout, 'The talks.');
});

test('a reader that leaves early (`mtlint … | head`) is no error: no message, the findings\' exit code', () => {
  const { dir } = tmpFile('a.txt', ARTICLE.repeat(300));
  // The reader (a subshell) closes its end of the shell's pipe before the report is written.
  const shell = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" a.txt --format json 2>err.txt | (exec 0<&-; sleep 0.3); echo "\${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8' });
  assert.is(shell.stdout.trim(), '1');
  assert.is(readFileSync(join(dir, 'err.txt'), 'utf8'), '');
});

test('--fail-on and --max-warnings set the exit code', async () => {
  const { dir } = tmpFile('w.txt', 'After that the Ukrainian party did not plan to retaliate.\n');
  assert.is((await cli(['w.txt'], { cwd: dir })).code, 0, 'only a warning');
  assert.is((await cli(['--fail-on', 'warning', 'w.txt'], { cwd: dir })).code, 1);
  assert.is((await cli(['--max-warnings', '0', 'w.txt'], { cwd: dir })).code, 1);
  assert.is((await cli(['--max-warnings', '1', 'w.txt'], { cwd: dir })).code, 0);
});

test('directories are searched for .txt and .md files', async () => {
  const { dir } = tmpFile('a.txt', ARTICLE);
  writeFileSync(join(dir, 'b.md'), 'Russian country television said so.\n');
  writeFileSync(join(dir, 'c.json'), '{"text": "the Moscow holder"}');
  const data = JSON.parse((await cli(['--format', 'json', '.'], { cwd: dir })).stdout);
  assert.equal(data.files.map((f: { path: string }) => f.path), ['a.txt', 'b.md']);
});

test('bad input: one line on stderr and exit 2', async () => {
  const cases: [string[], RegExp][] = [
    [['no-such-file.txt'], /no-such-file\.txt: no such file or directory/],
    [['--format', 'xml', 'x.txt'], /^mtlint: Invalid values: Argument: format, Given: "xml", Choices: /],
    [['--stdout', 'x.txt'], /--stdout goes with --fix/],
    [['--rule', 'nope/nothing', 'x.txt'], /no rule or pack named nope\/nothing/],
    [[], /no input/],
    // An option at the end without its value is named, not taken for a missing file.
    [['--baseline'], /--baseline needs a value/],
    [['x.txt', '--config'], /--config needs a value/],
  ];
  const { dir } = tmpFile('x.txt', 'fine\n');
  for (const [args, re] of cases) {
    const r = (await cli(args, { cwd: dir }));
    assert.is(r.code, 2, args.join(' '));
    assert.match(r.stderr, re);
    assert.is(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
  }
  const bin = tmpFile('b.txt', Buffer.from([0x41, 0, 0x42]));
  assert.match((await cli(['b.txt'], { cwd: bin.dir })).stderr, /binary file/);
  const bad = tmpFile('u.txt', Buffer.from([0x41, 0xc3, 0x28]));
  const r = (await cli(['--fix', 'u.txt'], { cwd: bad.dir }));
  assert.is(r.code, 2);
  assert.match(r.stderr, /not valid UTF-8/);
  assert.equal(readFileSync(bad.path), Buffer.from([0x41, 0xc3, 0x28]), 'undecodable file untouched');
});

test('-h and --help print the options, aligned and wrapped, and exit 0; -v and --version the version', async () => {
  const help = await cli(['-h']);
  assert.is(help.code, 0);
  assert.is((await cli(['--help'])).stdout, help.stdout);
  assert.is((await cli(['x.txt', '--help', '--fix'])).stdout, help.stdout);
  const lines = help.stdout.trimEnd().split('\n');
  const column = lines.find((l) => l.startsWith('  -f, --format'))!.search(/output format/);
  for (const l of lines.slice(lines.indexOf('Options:') + 1)) {
    assert.ok(l.length <= 80, `at most 80 columns: ${l}`);
    // An option at the left, its description (or the description's next line) at one column.
    assert.ok(l.slice(column - 2, column) === '  ' && l[column] !== ' ', `description at column ${column}: ${l}`);
    assert.not.match(l, /\S\[(?:choices|string|boolean|number|default)/);
  }
  for (const o of ['-h, --help', '-v, --version', '--exit-zero', '--no-inline-config', '--no-ignore']) assert.ok(help.stdout.includes(o), o);
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  assert.is((await cli(['-v'])).stdout, `${version}\n`);
  assert.is((await cli(['--version'])).stdout, `${version}\n`);
});

test('--exit-zero: exit 0 with findings, so a patch pipeline goes on; 2 still when an input cannot be read', () => {
  const { dir } = tmpFile('a.txt', ARTICLE);
  const pipeline = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" --format diff --exit-zero a.txt > s.patch && git apply s.patch`], { cwd: dir, encoding: 'utf8' });
  assert.is(pipeline.status, 0, pipeline.stderr);
  assert.is(readFileSync(join(dir, 'a.txt'), 'utf8'), "Lavrov said Moscow's position had changed since then.\n\nSpeaking to Russian state television, he said the talks would go on.\n");
  writeFileSync(join(dir, 'b.txt'), ARTICLE);
  assert.is(mtlint(['--exit-zero', '--format', 'sarif', 'b.txt'], { cwd: dir }).code, 0);
  assert.is(mtlint(['b.txt'], { cwd: dir }).code, 1);
  writeFileSync(join(dir, 'u.txt'), Buffer.from([0xc3, 0x28]));
  assert.is(mtlint(['--exit-zero', 'b.txt', 'u.txt'], { cwd: dir }).code, 2);
});

test('--fix says on stderr what it did: not with --stdout, not with machine formats, not when nothing changed', async () => {
  const { dir } = tmpFile('a.txt', ARTICLE);
  for (const name of ['b.txt', 'c.txt', 'd.txt', 'e.txt']) writeFileSync(join(dir, name), ARTICLE);
  const r = await cli(['--fix', 'a.txt'], { cwd: dir });
  assert.is(r.stderr, 'fixed 3 problems in a.txt\n');
  assert.is((await cli(['--fix', 'a.txt'], { cwd: dir })).stderr, '');
  assert.is((await cli(['--fix', '--stdout', 'b.txt'], { cwd: dir })).stderr, '');
  assert.is((await cli(['--fix', '--format', 'json', 'c.txt'], { cwd: dir })).stderr, '');
  assert.is(readFileSync(join(dir, 'c.txt'), 'utf8'), readFileSync(join(dir, 'a.txt'), 'utf8'), 'written all the same');
  const one = tmpFile('x.txt', 'The the talks.\n');
  assert.is((await cli(['--fix', 'x.txt'], { cwd: one.dir })).stderr, 'fixed 1 problem in x.txt\n');
  assert.is((await cli(['--fix', 'e.txt', 'd.txt'], { cwd: dir })).stderr, 'fixed 3 problems in e.txt\nfixed 3 problems in d.txt\n');
});

test('`mtlint .` in the project folder reports every file and ends with exit 2 naming the refused fixture', async () => {
  const r = await cli(['.']);
  assert.is(r.code, 2);
  assert.ok(r.stdout.includes("  test/fixtures/formats/xxe.rss  error    the feed's DOCTYPE declares entities; refused"), r.stdout.slice(-2000));
  assert.match(r.stdout, /^samples\/ceasefire-talks\.txt$/m);
  assert.match(r.stdout, /✖ \d+ file errors?\n$/);
});

test('an empty file has zero findings', async () => {
  const { dir } = tmpFile('e.txt', '');
  const r = (await cli(['--format', 'json', 'e.txt'], { cwd: dir }));
  assert.is(r.code, 0);
  assert.equal(JSON.parse(r.stdout).files[0].findings, []);
});

test.run();
