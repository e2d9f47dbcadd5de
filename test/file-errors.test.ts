// One unreadable input does not lose the report (issue 19, item 6): among several inputs, a file
// that cannot be read is a file error in every output format, the other files are checked,
// reported and fixed, and the exit code is 2 at the end; a file named alone keeps its one-line
// error; in an NDJSON file or stream a line that is not a record is an error naming its line and
// the records after it are still checked (and fixed, the bad line copied through).

import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, FIXTURES, mtlint, tempDir } from './helpers.js';

const GOOD = 'Lavrov said the Moscow holder had changed.\n';

/** good.txt, a feed whose DOCTYPE declares entities (refused), a file that is not UTF-8, and zz.txt after them. */
function mixed(): string {
  const dir = tempDir('mtlint-errors-');
  writeFileSync(join(dir, 'good.txt'), GOOD);
  copyFileSync(join(FIXTURES, 'formats', 'xxe.rss'), join(dir, 'refused.rss'));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
  writeFileSync(join(dir, 'zz.txt'), 'The the talks went on.\n');
  return dir;
}

const REFUSED = "the feed's DOCTYPE declares entities; refused (mtlint never expands DTD entities)";
const UNDECODABLE = 'not valid UTF-8 (convert it to UTF-8 first)';

function xml(text: string): { name: string; attributes: Record<string, string> }[] {
  const out: { name: string; attributes: Record<string, string> }[] = [];
  const p = new SaxesParser();
  p.on('opentag', (t) => out.push({ name: t.name, attributes: { ...(t.attributes as Record<string, string>) } }));
  p.write(text).close();
  return out;
}

test('stylish: the other files are reported, each bad one named with its reason, exit 2', async () => {
  const r = await cli(['.'], { cwd: mixed() });
  assert.is(r.code, 2);
  assert.match(r.stdout, /good\.txt:1:13 +error +Use `Moscow's position`/);
  assert.match(r.stdout, /zz\.txt:1:1 +error +Delete the repeated word/);
  assert.ok(r.stdout.includes(`  refused.rss  error    ${REFUSED}\n`), r.stdout);
  assert.ok(r.stdout.includes(`  latin1.txt  error    ${UNDECODABLE}\n`), r.stdout);
  assert.match(r.stdout, /✖ 2 file errors\n$/);
});

test('json, sarif, junit, checkstyle, github, ndjson: the file errors in the report, the other files checked', async () => {
  const dir = mixed();
  const run = async (format: string) => {
    const r = await cli(['--format', format, '.'], { cwd: dir });
    assert.is(r.code, 2, format);
    // Machine formats keep stdout for the report; the errors are also said on stderr.
    assert.ok(r.stderr.includes(`mtlint: refused.rss: ${REFUSED}\n`), r.stderr);
    return r.stdout;
  };
  const json = JSON.parse(await run('json'));
  assert.equal(json.files.map((f: { path: string }) => f.path), ['good.txt', 'latin1.txt', 'refused.rss', 'zz.txt']);
  assert.equal(json.files[1].errors, [{ message: UNDECODABLE }]);
  assert.equal(json.files[2].errors, [{ message: REFUSED }]);
  assert.is(json.files[0].findings.length, 1);
  assert.is(json.files[3].findings.length, 1);

  const sarif = JSON.parse(await run('sarif'));
  const inv = sarif.runs[0].invocations[0];
  assert.is(inv.executionSuccessful, false);
  assert.equal(
    inv.toolExecutionNotifications.map((n: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => [n.locations[0].physicalLocation.artifactLocation.uri, n.message.text]),
    [['latin1.txt', UNDECODABLE], ['refused.rss', REFUSED]],
  );
  assert.is(sarif.runs[0].results.length, 2);

  const junit = xml(await run('junit'));
  const errors = junit.filter((e) => e.name === 'error');
  assert.equal(errors.map((e) => e.attributes.message), [UNDECODABLE, REFUSED]);
  assert.is(junit.find((e) => e.name === 'testsuites')!.attributes.errors, '2');

  const cs = xml(await run('checkstyle'));
  assert.equal(cs.filter((e) => e.name === 'error' && e.attributes.source === 'mtlint.file-error').map((e) => e.attributes.message), [UNDECODABLE, REFUSED]);
  assert.is(cs.filter((e) => e.name === 'error').length, 4);

  const gh = (await run('github')).trimEnd().split('\n');
  assert.ok(gh.includes(`::error file=refused.rss,title=file error::${REFUSED}`), gh.join('\n'));
  assert.is(gh.length, 4);

  const nd = (await run('ndjson')).trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(nd.map((x) => x.path), ['good.txt', 'latin1.txt', 'refused.rss', 'zz.txt']);
  assert.equal(nd[2], { path: 'refused.rss', error: REFUSED });
});

test('--fix: the readable files are fixed and said so, a file that cannot be written is a file error, exit 2', async () => {
  const dir = mixed();
  writeFileSync(join(dir, 'locked.txt'), GOOD);
  chmodSync(join(dir, 'locked.txt'), 0o444);
  const r = await cli(['--fix', '.'], { cwd: dir });
  assert.is(r.code, 2);
  assert.is(readFileSync(join(dir, 'good.txt'), 'utf8'), "Lavrov said Moscow's position had changed.\n");
  assert.is(readFileSync(join(dir, 'zz.txt'), 'utf8'), 'The talks went on.\n');
  assert.is(readFileSync(join(dir, 'locked.txt'), 'utf8'), GOOD);
  assert.equal(readFileSync(join(dir, 'latin1.txt')), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
  assert.ok(r.stdout.includes('  locked.txt  error    cannot write fix, the file is read-only (file left unchanged)\n'), r.stdout);
  // The file that was not written is reported as it still is.
  assert.match(r.stdout, /locked\.txt:1:13 +error +Use `Moscow's position`/);
  assert.ok(r.stderr.includes('fixed 1 problem in good.txt\n'), r.stderr);
});

test('a bad file named alone: its one-line error, nothing on stdout, exit 2', async () => {
  const dir = mixed();
  for (const format of ['stylish', 'sarif']) {
    const r = await cli(['--format', format, 'refused.rss'], { cwd: dir });
    assert.is(r.code, 2);
    assert.is(r.stdout, '');
    assert.is(r.stderr, `mtlint: refused.rss: ${REFUSED}\n`);
  }
});

const RECORDS = [
  '{"id":"a","text":"Lavrov said the Moscow holder had changed."}',
  '{"id":"b","text": oops}',
  '{"id":"c","text":"The the talks went on."}',
  '',
].join('\n');
const BAD_LINE = `not valid JSON (Unexpected token 'o', ..."","text": oops}" is not valid JSON)`;

test('NDJSON: a line that is not a record is an error naming its line; the records after it are checked', async () => {
  const dir = tempDir('mtlint-errors-');
  writeFileSync(join(dir, 'x.ndjson'), RECORDS);
  // Streamed (--format ndjson): an error line in its place.
  const nd = await cli(['--format', 'ndjson', 'x.ndjson'], { cwd: dir });
  assert.is(nd.code, 2);
  const lines = nd.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.map((l) => [l.line, l.id, l.error, l.findings?.length]), [[1, 'a', undefined, 1], [2, undefined, BAD_LINE, undefined], [3, 'c', undefined, 1]]);
  assert.is(nd.stderr, `mtlint: x.ndjson:2: ${BAD_LINE}\n`);
  // Read whole (other formats): the same.
  const json = await cli(['--format', 'json', 'x.ndjson'], { cwd: dir });
  assert.is(json.code, 2);
  const file = JSON.parse(json.stdout).files[0];
  assert.equal(file.errors, [{ line: 2, message: BAD_LINE }]);
  assert.equal(file.findings.map((f: { article: string }) => f.article), ['a', 'c']);
  // Standard input, streamed.
  const piped = mtlint(['--format', 'ndjson', '--input-format', 'ndjson', '-'], { input: RECORDS });
  assert.is(piped.code, 2);
  assert.is(piped.stdout.trimEnd().split('\n').length, 3);
});

test('NDJSON --fix: the other records fixed, the bad line copied through unchanged, exit 2', async () => {
  const fixed = ['{"id":"a","text":"Lavrov said Moscow\'s position had changed."}', '{"id":"b","text": oops}', '{"id":"c","text":"The talks went on."}', ''].join('\n');
  for (const format of ['ndjson', 'stylish']) {
    const dir = tempDir('mtlint-errors-');
    writeFileSync(join(dir, 'x.ndjson'), RECORDS);
    const r = await cli(['--fix', '--format', format, 'x.ndjson'], { cwd: dir });
    assert.is(r.code, 2, format);
    assert.is(readFileSync(join(dir, 'x.ndjson'), 'utf8'), fixed, format);
  }
});

test.run();
