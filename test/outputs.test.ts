// The machine formats (sarif, github, checkstyle, junit, ndjson), NDJSON streaming, --changed-only
// against a git base, and --progress.

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { progress, wantProgress } from '../src/cli/progress.js';
import { escapeData, escapeProperty } from '../src/report/github.js';
import { BIN, cli, FIXTURES, mtlint, tempDir } from './helpers.js';

const TEXT = 'Lavrov said the Moscow holder had changed.\n\nThe the talks went on.\n';

function fixtureDir(): string {
  const dir = tempDir('mtlint-outputs-');
  writeFileSync(join(dir, 'a.txt'), TEXT);
  copyFileSync(join(FIXTURES, 'formats', 'feed.rss'), join(dir, 'feed.rss'));
  writeFileSync(join(dir, 'clean.txt'), 'Nothing here.\n');
  return dir;
}

/** Elements of a well-formed XML document (throws if it is not), as name + attributes. */
function xmlElements(xml: string): { name: string; attributes: Record<string, string>; text: string }[] {
  const out: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const p = new SaxesParser();
  p.on('opentag', (t) => out.push({ name: t.name, attributes: { ...(t.attributes as Record<string, string>) }, text: '' }));
  p.on('text', (t) => out.length > 0 && (out[out.length - 1].text += t));
  p.on('cdata', (t) => out.length > 0 && (out[out.length - 1].text += t));
  p.write(xml).close();
  return out;
}

test('sarif: 2.1.0, rule metadata, located results with fixes, feed items as logical locations', async () => {
  const dir = fixtureDir();
  const r = await cli(['--format', 'sarif', 'a.txt', 'feed.rss', 'clean.txt'], { cwd: dir });
  assert.is(r.code, 1);
  const log = JSON.parse(r.stdout);
  assert.is(log.version, '2.1.0');
  const run = log.runs[0];
  assert.is(run.tool.driver.name, 'mtlint');
  assert.is(run.columnKind, 'utf16CodeUnits');
  assert.equal(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri), ['a.txt', 'feed.rss', 'clean.txt']);
  const rules = run.tool.driver.rules;
  const first = run.results[0];
  assert.is(rules[first.ruleIndex].id, first.ruleId);
  assert.is(rules[first.ruleIndex].defaultConfiguration.level, 'error');
  assert.ok(rules[first.ruleIndex].help.text.includes('Source: '));
  assert.equal(first.locations[0].physicalLocation.region, { startLine: 1, startColumn: 13, endLine: 1, endColumn: 30, snippet: { text: 'the Moscow holder' } });
  assert.equal(first.fixes[0].artifactChanges[0].replacements, [
    { deletedRegion: { startLine: 1, startColumn: 13, endLine: 1, endColumn: 30 }, insertedContent: { text: "Moscow's position" } },
  ]);
  const item = run.results.find((x: { locations: { logicalLocations?: unknown }[] }) => x.locations[0].logicalLocations);
  assert.equal(item.locations[0].logicalLocations, [{ name: 'talks-1', kind: 'object' }]);
  assert.is(item.locations[0].physicalLocation.artifactLocation.uri, 'feed.rss');
  assert.is(run.results.length, 6);
});

test('github: workflow commands with line/col ranges, escaped as the Actions toolkit does', async () => {
  const dir = fixtureDir();
  copyFileSync(join(dir, 'a.txt'), join(dir, 'odd, name: 100%.txt'));
  const r = await cli(['--format', 'github', 'odd, name: 100%.txt', 'feed.rss'], { cwd: dir });
  const lines = r.stdout.trimEnd().split('\n');
  assert.is(lines[0], "::error file=odd%2C name%3A 100%25.txt,line=1,col=13,endLine=1,endColumn=30,title=calques/position-holder::Use `Moscow's position` rather than `the Moscow holder`: “holder” is a literal rendering of “position”. (fix: `Moscow's position`)");
  assert.is(lines[2], "::error file=feed.rss,line=11,col=42,endLine=11,endColumn=59,title=calques/position-holder (talks-1)::Use `Moscow's position` rather than `the Moscow holder`: “holder” is a literal rendering of “position”. (fix: `Moscow's position`)");
  assert.is(lines.length, 6);
  assert.is(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
  assert.is(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
});

test('checkstyle and junit: well-formed XML with a file/suite per input', async () => {
  const dir = fixtureDir();
  const cs = xmlElements((await cli(['--format', 'checkstyle', 'a.txt', 'feed.rss', 'clean.txt'], { cwd: dir })).stdout);
  assert.equal(cs.filter((e) => e.name === 'file').map((e) => e.attributes.name), ['a.txt', 'feed.rss', 'clean.txt']);
  const errors = cs.filter((e) => e.name === 'error');
  assert.is(errors.length, 6);
  assert.equal(errors[0].attributes, {
    line: '1',
    column: '13',
    severity: 'error',
    message: "Use `Moscow's position` rather than `the Moscow holder`: “holder” is a literal rendering of “position”.",
    source: 'calques/position-holder',
  });
  assert.ok(errors[2].attributes.message.endsWith('[talks-1]'));
  const ju = xmlElements((await cli(['--format', 'junit', 'a.txt', 'feed.rss', 'clean.txt'], { cwd: dir })).stdout);
  assert.equal(ju[0].attributes, { name: 'mtlint', tests: '7', failures: '6', errors: '0' });
  assert.equal(ju.filter((e) => e.name === 'testsuite').map((e) => [e.attributes.name, e.attributes.failures]), [['a.txt', '2'], ['feed.rss', '4'], ['clean.txt', '0']]);
  const failure = ju.find((e) => e.name === 'failure')!;
  assert.is(failure.attributes.type, 'error');
  assert.ok(failure.text.startsWith('a.txt:1:13 error Use'));
});

test('ndjson: a line per file, per feed item (clean ones too) and per NDJSON record', async () => {
  const dir = fixtureDir();
  copyFileSync(join(FIXTURES, 'formats', 'records.ndjson'), join(dir, 'records.ndjson'));
  const r = await cli(['--format', 'ndjson', 'a.txt', 'feed.rss', 'records.ndjson'], { cwd: dir });
  const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.map((l) => [l.path, l.line, l.id, l.findings.length]), [
    ['a.txt', undefined, undefined, 2],
    ['feed.rss', undefined, 'talks-1', 1],
    ['feed.rss', undefined, 'https://news.example/tv', 3],
    ['feed.rss', undefined, 'https://news.example/clean', 0],
    ['records.ndjson', 1, 'a1', 2],
    ['records.ndjson', 3, '2', 2],
    ['records.ndjson', 4, 'line 4', 0],
  ]);
  const f = lines[4].findings[0];
  assert.equal([f.ruleId, f.line, f.column, f.textStart, f.textEnd, f.text], ['calques/position-holder', 1, 32, 12, 29, 'the Moscow holder']);
});

test('ndjson in and out with --fix: the file is replaced with the corrected records, results are printed', async () => {
  const dir = tempDir('mtlint-outputs-');
  copyFileSync(join(FIXTURES, 'formats', 'records.ndjson'), join(dir, 'records.ndjson'));
  const r = await cli(['--fix', '--format', 'ndjson', 'records.ndjson'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.is(readFileSync(join(dir, 'records.ndjson'), 'utf8'), readFileSync(join(FIXTURES, 'formats', 'records.fixed.ndjson'), 'utf8'));
  assert.equal(r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).findings.length), [0, 0, 0]);
  const out = await cli(['--fix', '--stdout', '--format', 'ndjson', join(FIXTURES, 'formats', 'records.ndjson')], { cwd: dir });
  assert.is(out.stdout, readFileSync(join(FIXTURES, 'formats', 'records.fixed.ndjson'), 'utf8'));
});

test('ndjson in and out streams: each result is written before the next record is read', async () => {
  const child = spawn(process.execPath, [BIN, '--input-format', 'ndjson', '--format', 'ndjson', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const nl = out.indexOf('\n');
        if (nl < 0) return false;
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        child.stdout.off('data', onData);
        resolve(line);
        return true;
      };
      const onData = (d: Buffer) => {
        out += d;
        check();
      };
      if (!check()) child.stdout.on('data', onData);
      child.once('exit', () => reject(new Error(`exited early: ${err}`)));
    });
  // A watchdog, not a timing assertion: a reader that waits for the end of input would hang here.
  const watchdog = setTimeout(() => child.kill(), 60_000);
  child.stdin.write('{"id":"x1","text":"Lavrov said the Moscow holder had changed."}\n');
  const first = JSON.parse(await nextLine());
  assert.equal([first.id, first.findings.length], ['x1', 1]);
  child.stdin.write('{"id":"x2","text":"Clean."}\n');
  const second = JSON.parse(await nextLine());
  assert.equal([second.id, second.findings.length], ['x2', 0]);
  child.stdin.end();
  const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));
  clearTimeout(watchdog);
  assert.is(code, 1, err);
});

test('--changed-only reports only findings on lines changed against --base (untracked files count as changed)', async () => {
  const dir = tempDir('mtlint-git-');
  const git = (...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' });
    assert.is(r.status, 0, r.stderr);
    return r.stdout;
  };
  git('init', '-q');
  writeFileSync(join(dir, 'a.md'), '# Talks\n\nLavrov said the Moscow holder had changed.\n\nFine text.\n');
  git('add', '.');
  git('commit', '-qm', 'base');
  const base = git('rev-parse', 'HEAD').trim();
  writeFileSync(join(dir, 'a.md'), '# Talks\n\nLavrov said the Moscow holder had changed.\n\nFine text. The the end.\n');
  git('commit', '-qam', 'change');
  writeFileSync(join(dir, 'new.txt'), 'Russian country television said so.\n');
  writeFileSync(join(dir, '.gitignore'), 'ignored.txt\n');
  writeFileSync(join(dir, 'ignored.txt'), 'The the end.\n');
  const found = (stdout: string) => JSON.parse(stdout).files.flatMap((f: { path: string; findings: { line: number; ruleId: string }[] }) => f.findings.map((x) => `${f.path}:${x.line} ${x.ruleId}`));
  assert.equal(found((await cli(['--format', 'json', '--changed-only', '--base', base, '.'], { cwd: dir })).stdout), [
    'a.md:5 repetition/repeated-word',
    'ignored.txt:1 repetition/repeated-word',
    'new.txt:1 calques/state-media',
  ]);
  // Against HEAD (the default) only the files git does not track changed.
  assert.equal(found((await cli(['--format', 'json', '--changed-only', '.'], { cwd: dir })).stdout), [
    'ignored.txt:1 repetition/repeated-word',
    'new.txt:1 calques/state-media',
  ]);
  assert.equal(found((await cli(['--format', 'json', '.'], { cwd: dir })).stdout).length, 4);
  // Standard input is not a file git knows: all of it counts.
  assert.is(JSON.parse(mtlint(['--format', 'json', '--changed-only', '-'], { cwd: dir, input: 'The the end.\n' }).stdout).files[0].findings.length, 1);
  const bad = await cli(['--changed-only', '--base', 'no-such-ref', '.'], { cwd: dir });
  assert.is(bad.code, 2);
  assert.is(bad.stderr, 'mtlint: --base no-such-ref: no such git revision\n');
});

test('--progress: on stderr for batches in the stylish format, never with machine formats', () => {
  const dir = fixtureDir();
  const r = mtlint(['--progress', 'a.txt', 'clean.txt'], { cwd: dir });
  assert.is(r.stderr, '[1/2] a.txt\n[2/2] clean.txt\n');
  assert.ok(r.stdout.startsWith('a.txt\n'));
  const j = mtlint(['--progress', '--format', 'json', 'a.txt', 'clean.txt'], { cwd: dir });
  assert.is(j.stderr, '');
  JSON.parse(j.stdout);
  // Automatic only on a terminal, and only for people's formats and batches.
  assert.is(wantProgress({ human: true, files: 2, flag: undefined, stderrIsTTY: true }), true);
  assert.is(wantProgress({ human: true, files: 2, flag: undefined, stderrIsTTY: false }), false);
  assert.is(wantProgress({ human: false, files: 9, flag: true, stderrIsTTY: true }), false);
  assert.is(wantProgress({ human: true, files: 9, flag: false, stderrIsTTY: true }), false);
  assert.is(wantProgress({ human: true, files: 1, flag: true, stderrIsTTY: true }), false);
  const written: string[] = [];
  const tty = { isTTY: true, columns: 20, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
  const bar = progress(2, tty);
  bar.tick('a-rather-long-file-name.txt');
  bar.done();
  assert.equal(written, ['\r\u001b[K[1/2] a-rather-lon…', '\r\u001b[K']);
});

test.run();
