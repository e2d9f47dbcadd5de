// Configuration files (found upward, or --config), rule selection and severity, ignore globs and
// .mtlintignore, inline suppression comments, and baselines — through the command line, with
// every mistake reported as one line naming the file and key and exit 2.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadConfig } from '../src/config/config.js';
import { lint } from '../src/index.js';
import { cli, mtlint, tempDir } from './helpers.js';

const TEXT = 'Lavrov said the Moscow holder had changed. The the talks went on.\n';

/** A temporary project: `files` written (folders created), returns its folder. */
function project(files: Record<string, string>): string {
  const dir = tempDir('mtlint-config-');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const rulesOf = (stdout: string): string[] => JSON.parse(stdout).files.flatMap((f: { findings: { ruleId: string; severity: string }[] }) => f.findings.map((x) => `${x.ruleId}:${x.severity}`));

test('the configuration is found upward from the working folder: severity, rules off, packs', async () => {
  const dir = project({
    'mtlint.config.json': JSON.stringify({ rules: { 'calques/position-holder': 'warning', repetition: 'off' } }),
    'docs/news/a.txt': TEXT,
  });
  const r = (await cli(['--format', 'json', 'a.txt'], { cwd: join(dir, 'docs/news') }));
  assert.equal(rulesOf(r.stdout), ['calques/position-holder:warning']);
  assert.is(r.code, 0, 'a warning does not fail');
  // Without the configuration both rules report errors.
  assert.equal(rulesOf((await cli(['--format', 'json', '--no-config', 'a.txt'], { cwd: join(dir, 'docs/news') })).stdout), [
    'calques/position-holder:error',
    'repetition/repeated-word:error',
  ]);
});

test('.mtlintrc.yaml and .mtlintrc.json; --config names a file; packs select, a rule setting beats its pack', async () => {
  const yaml = project({ '.mtlintrc.yaml': 'packs: [repetition]\n', 'a.txt': TEXT });
  assert.equal(rulesOf((await cli(['--format', 'json', 'a.txt'], { cwd: yaml })).stdout), ['repetition/repeated-word:error']);
  const json = project({ '.mtlintrc.json': '{"rules": {"calques": "info", "calques/position-holder": "warning"}}', 'a.txt': TEXT });
  assert.equal(rulesOf((await cli(['--format', 'json', 'a.txt'], { cwd: json })).stdout), ['calques/position-holder:warning', 'repetition/repeated-word:error']);
  const named = project({ 'conf/house.yaml': 'rules:\n  repetition/repeated-word: info\n', 'a.txt': TEXT });
  assert.equal(rulesOf((await cli(['--format', 'json', '--config', 'conf/house.yaml', 'a.txt'], { cwd: named })).stdout), [
    'calques/position-holder:error',
    'repetition/repeated-word:info',
  ]);
});

test('configuration mistakes: one line naming the file, line and key; exit 2', async () => {
  const cases: [Record<string, string>, string][] = [
    [{ 'mtlint.config.json': '{\n  "rules": {},\n  "bogus": 1\n}\n' }, 'mtlint.config.json:3: bogus: unknown key (expected one of style, packs, rules, ignore, ruleDirs, audit)'],
    [{ 'mtlint.config.json': '{\n  "audit": {\n    "hold": "high"\n  }\n}\n' }, 'mtlint.config.json:3: audit.hold: expected a number ≥ 0'],
    [{ 'mtlint.config.json': '{\n  "audit": {"clean": 1}\n}\n' }, 'mtlint.config.json:2: audit.clean: unknown key (expected review or hold)'],
    [{ '.mtlintrc.yaml': 'packs: [calques]\nrules:\n  calques/position-holder: loud\n' }, '.mtlintrc.yaml:3: rules.calques/position-holder: expected one of off, on, error, warning, info'],
    [{ '.mtlintrc.yaml': 'rules:\n  calques/nothing: off\n' }, '.mtlintrc.yaml:2: rules.calques/nothing: no rule or pack of that name (see mtlint --list-rules)'],
    [{ '.mtlintrc.json': '{"packs": ["calques", "nope"]}' }, '.mtlintrc.json:1: packs: no rule or pack named nope'],
    [{ '.mtlintrc.json': '{"ignore": "drafts/**"}' }, '.mtlintrc.json:1: ignore: expected a list of non-empty strings'],
    [{ '.mtlintrc.json': '{"style": "nyt"}' }, '.mtlintrc.json:1: style: expected one of ap, reuters, bbc'],
    [{ '.mtlintrc.json': '{"rules": {,}}' }, '.mtlintrc.json:1: invalid JSON: ValueExpected'],
    [{ '.mtlintrc.yaml': 'rules: [a\n' }, '.mtlintrc.yaml:2: invalid YAML'],
  ];
  for (const [files, message] of cases) {
    const dir = project({ ...files, 'a.txt': TEXT });
    const r = (await cli(['a.txt'], { cwd: dir }));
    assert.is(r.code, 2, message);
    assert.ok(r.stderr.startsWith(`mtlint: ${join(dir, message)}`), `${r.stderr} ≠ ${message}`);
    assert.is(r.stderr.trim().split('\n').length, 1);
  }
  const two = project({ 'mtlint.config.json': '{}', '.mtlintrc.yaml': '{}', 'a.txt': TEXT });
  assert.match((await cli(['a.txt'], { cwd: two })).stderr, /more than one configuration file \(mtlint\.config\.json, \.mtlintrc\.yaml\); keep one/);
  const missing = project({ 'a.txt': TEXT });
  assert.match((await cli(['--config', 'none.json', 'a.txt'], { cwd: missing })).stderr, /^mtlint: none\.json: cannot read the configuration file: no such file\n$/);
});

test('loadConfig resolves ruleDirs against the file and records key lines', async () => {
  const dir = project({ 'c/.mtlintrc.yaml': 'ruleDirs: [house]\nignore:\n  - "*.draft.md"\n' });
  const c = loadConfig(join(dir, 'c/.mtlintrc.yaml'));
  assert.equal(c.ruleDirs, [join(dir, 'c/house')]);
  assert.equal(c.ignore, ['*.draft.md']);
  assert.is(c.lines.ignore, 2);
});

test('ignore globs in the configuration and .mtlintignore; a named ignored file is skipped with a note; --no-ignore', async () => {
  const dir = project({
    '.mtlintrc.json': '{"ignore": ["drafts/**"]}',
    '.mtlintignore': '# generated\n*.gen.md\n',
    'a.txt': TEXT,
    'drafts/b.txt': TEXT,
    'notes/c.gen.md': TEXT,
    'notes/d.md': TEXT,
  });
  const paths = (stdout: string) => JSON.parse(stdout).files.map((f: { path: string }) => f.path);
  assert.equal(paths((await cli(['--format', 'json', '.'], { cwd: dir })).stdout), ['a.txt', 'notes/d.md']);
  assert.equal(paths((await cli(['--format', 'json', '--no-ignore', '.'], { cwd: dir })).stdout), ['a.txt', 'drafts/b.txt', 'notes/c.gen.md', 'notes/d.md']);
  const named = (await cli(['--format', 'json', 'drafts/b.txt', 'a.txt'], { cwd: dir }));
  assert.equal(paths(named.stdout), ['a.txt']);
  assert.is(named.stderr, "mtlint: drafts/b.txt is ignored (.mtlintignore or the configuration's ignore; --no-ignore checks it)\n");
  // A folder whose files are all ignored is not an error.
  const all = (await cli(['drafts'], { cwd: dir }));
  assert.is(all.code, 0, all.stderr);
});

test('inline comments in Markdown and HTML: disable, enable, disable-next-line, disable-line, with rules or packs', async () => {
  const md = [
    'Lavrov said the Moscow holder had changed.', // 1: reported
    '<!-- mtlint-disable-next-line calques -->',
    'Again the Moscow holder. The the end.', // 3: only the repeated word
    '',
    '<!-- mtlint-disable repetition/repeated-word -- a quoted transcript -->',
    'The the transcript and the Moscow holder.', // 6: only the calque
    '<!-- mtlint-enable -->',
    '',
    'The the end.', // 9: reported
    '',
    'Russian country television said so. <!-- mtlint-disable-line -->', // 11: none
    '',
  ].join('\n');
  const lines = (format: 'markdown' | 'html', src: string, inline = true) =>
    lint(src, { format, inlineConfig: inline }).map((f) => `${src.slice(0, f.start).split('\n').length} ${f.ruleId}`);
  assert.equal(lines('markdown', md), ['1 calques/position-holder', '3 repetition/repeated-word', '6 calques/position-holder', '9 repetition/repeated-word']);
  assert.is(lines('markdown', md, false).length, 7, '--no-inline-config: everything');
  const html = md.split('\n').map((l) => (l.startsWith('<!--') || l === '' ? l : `<p>${l}</p>`)).join('\n');
  assert.equal(lines('html', html), ['1 calques/position-holder', '3 repetition/repeated-word', '6 calques/position-holder', '9 repetition/repeated-word']);
  // A comment inside a code block is code, not a directive.
  assert.equal(lines('markdown', '```\n<!-- mtlint-disable -->\n```\n\nThe the end.\n'), ['5 repetition/repeated-word']);
});

test('a suppression comment naming no known rule is an error naming file and line; --no-inline-config skips the check', async () => {
  const dir = project({ 'a.md': 'Fine.\n\n<!-- mtlint-disable calques/nothing -->\nThe the end.\n' });
  const r = (await cli(['a.md'], { cwd: dir }));
  assert.is(r.code, 2);
  assert.is(r.stderr, 'mtlint: a.md:3: mtlint-disable names no rule or pack `calques/nothing` (see mtlint --list-rules)\n');
  assert.is((await cli(['--no-inline-config', 'a.md'], { cwd: dir })).code, 1);
});

test('baseline: recorded findings are not reported again, edits elsewhere keep it valid, new findings are reported', async () => {
  const dir = project({ 'a.txt': TEXT, 'b.md': '# Notes\n\nRussian country television said so.\n' });
  const w = (await cli(['--write-baseline', 'mtlint-baseline.json', '.'], { cwd: dir }));
  assert.is(w.code, 0, w.stderr);
  assert.is(w.stderr, 'mtlint: recorded 3 findings in mtlint-baseline.json\n');
  const data = JSON.parse(readFileSync(join(dir, 'mtlint-baseline.json'), 'utf8'));
  assert.equal(data.findings.map((f: { path: string; ruleId: string; count: number; text: string }) => [f.path, f.ruleId, f.count, f.text]), [
    ['a.txt', 'calques/position-holder', 1, 'the Moscow holder'],
    ['a.txt', 'repetition/repeated-word', 1, 'The the'],
    ['b.md', 'calques/state-media', 1, 'country television'],
  ]);
  const clean = (await cli(['--baseline', 'mtlint-baseline.json', '.'], { cwd: dir }));
  assert.is(clean.code, 0, clean.stdout);
  // Edits elsewhere (a new first paragraph, more text after) keep the recorded findings matched;
  // a new occurrence is reported.
  writeFileSync(join(dir, 'a.txt'), `A new first paragraph.\n\n${TEXT}\nMore text. Later the Moscow holder changed again.\n`);
  const r = (await cli(['--format', 'json', '--baseline', 'mtlint-baseline.json', '.'], { cwd: dir }));
  assert.is(r.code, 1);
  const found = JSON.parse(r.stdout).files.flatMap((f: { path: string; findings: { ruleId: string; line: number }[] }) => f.findings.map((x) => `${f.path}:${x.line} ${x.ruleId}`));
  assert.equal(found, ['a.txt:5 calques/position-holder']);
  // Changing the flagged sentence itself makes its finding new.
  writeFileSync(join(dir, 'b.md'), '# Notes\n\nOn Monday Russian country television said so.\n');
  assert.is(JSON.parse((await cli(['--format', 'json', '--baseline', 'mtlint-baseline.json', 'b.md'], { cwd: dir })).stdout).files[0].findings.length, 1);
  const bad = (await cli(['--baseline', 'nope.json', 'a.txt'], { cwd: dir }));
  assert.is(bad.stderr, 'mtlint: nope.json: no such baseline file (create it with --write-baseline)\n');
});

test.run();
