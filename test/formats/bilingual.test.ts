// The bilingual inputs against fixtures: two files aligned by paragraphs (--source), XLIFF 1.2 and
// 2.0, TMX, TSV with named columns, NDJSON with a source: the exact line:col and text of every
// source-aware finding in the file the user owns, fixes and diffs that edit the translation only
// (and apply with git apply), inline markup kept, and bad input refused with one line and exit 2.

import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fix, lint, type LintOptions } from '../../src/index.js';
import { computeLineStarts, positionAt } from '../../src/text/lines.js';
import { cli, FIXTURES, tempDir } from '../helpers.js';

const DIR = join(FIXTURES, 'source');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

/** `line:col ruleId "text" [article]` of each source-aware finding of the library API. */
function described(source: string, options: LintOptions): string[] {
  const starts = computeLineStarts(source);
  return lint(source, options)
    .filter((f) => f.ruleId.startsWith('source/'))
    .map((f) => {
      assert.is(source.slice(f.start, f.end), f.text, "a finding's text is the source slice");
      const p = positionAt(starts, f.start);
      return `${p.line}:${p.column} ${f.ruleId} "${f.text}"${f.article !== undefined ? ` [${f.article}]` : ''}`;
    });
}

/** The library, --fix and --format diff + git apply all turn `name` into `expected`. */
async function assertFixes(name: string, expected: string, args: string[] = []): Promise<void> {
  const dir = tempDir('mtlint-bilingual-');
  for (const f of [name, 'talks.ru.txt']) copyFileSync(join(DIR, f), join(dir, f));
  const diff = await cli(['--format', 'diff', ...args, name], { cwd: dir });
  assert.is(diff.code, 1, diff.stderr);
  writeFileSync(join(dir, 'fix.patch'), diff.stdout);
  const git = spawnSync('git', ['apply', 'fix.patch'], { cwd: dir, encoding: 'utf8' });
  assert.is(git.status, 0, git.stderr);
  assert.is(readFileSync(join(dir, name), 'utf8'), expected, 'the diff applied with git apply');
  copyFileSync(join(DIR, name), join(dir, name));
  await cli(['--fix', ...args, name], { cwd: dir });
  assert.is(readFileSync(join(dir, name), 'utf8'), expected, '--fix in place');
}

test('two files: the original aligned by paragraphs; findings and fixes in the translation only', async () => {
  const original = read('talks.ru.txt');
  const article = read('talks.en.txt');
  assert.equal(described(article, { source: original }), [
    '3:28 source/changed-number "15 million"',
    '5:1 source/misspelled-name "Lavor"',
    '5:1 source/missing-link "Lavor also said that the talks would continue in Istanbul. Details are on the ministry\'s website."',
    '5:1 source/missing-number "Lavor also said that the talks would continue in Istanbul. Details are on the ministry\'s website."',
    '7:1 source/untranslated "Делегации встретятся снова на следующей неделе."',
  ]);
  // Without the original the source-aware rules say nothing.
  assert.equal(described(article, {}), []);
  const fixed = article.replace('Lavor', 'Lavrov');
  assert.is(fix(article, { source: original }).output, fixed, 'the safe fix');
  assert.ok(fix(article, { source: original, level: 'suggest' }).output.includes('1.5 million tonnes'), 'the suggestion');
  await assertFixes('talks.en.txt', fixed, ['--source', 'talks.ru.txt']);
});

test('two files: a paragraph left out is reported where it is missing, and its neighbours still align', () => {
  const original = read('talks.ru.txt');
  const article = read('talks.en.txt').replace(/According to the ministry[^\n]*\n\n/, '');
  const found = described(article, { source: original });
  assert.ok(found.includes('3:1 source/missing-paragraph ""'), found.join('\n'));
  // The paragraph after the gap is still compared with its own source: the misspelling is found there.
  assert.ok(found.includes('3:1 source/misspelled-name "Lavor"'), found.join('\n'));
  assert.not.ok(found.some((f) => f.includes('changed-number')), 'no number compared across the gap');
});

test('XLIFF 1.2: targets checked against their sources, inline markup mapped, fixes written into <target>', async () => {
  const source = read('talks.xlf');
  assert.equal(described(source, { filename: 'talks.xlf' }), [
    '11:57 source/changed-number "15 million"',
    '15:17 source/misspelled-name "Lavor"',
    '15:78 source/missing-paragraph ""',
  ]);
  const expected = source.replace('<target>Lavor also', '<target>Lavrov also');
  assert.is(fix(source, { filename: 'talks.xlf' }).output, expected);
  // The suggestion is written inside the <g> element, the entity and the <x/> placeholder kept.
  const suggested = fix(source, { filename: 'talks.xlf', level: 'suggest' }).output;
  assert.ok(suggested.includes('<g id="b1">1.5 million</g>'), suggested);
  assert.ok(suggested.includes('continue &amp; end soon.<x id="x1"/></target>'));
  await assertFixes('talks.xlf', expected);
});

test('XLIFF 2.0: each segment a unit, srcLang read', async () => {
  const source = read('talks2.xlf');
  assert.equal(described(source, { filename: 'talks2.xlf' }), ['11:29 source/changed-number "15 million"', '17:17 source/misspelled-name "Lavor"']);
  await assertFixes('talks2.xlf', source.replace('<target>Lavor also', '<target>Lavrov also'));
});

test('TMX: the header srclang variant is the source, the English one the target; codes in <bpt> skipped', async () => {
  const source = read('memory.tmx');
  assert.equal(described(source, { filename: 'memory.tmx' }), [
    '7:41 source/number-format "880.000"',
    '11:31 source/untranslated "Die Regierung hat am Montag beschlossen, die Maßnahmen zu verlängern."',
    '15:114 source/changed-number "10"',
  ]);
  await assertFixes('memory.tmx', source.replace('More than 880.000 companies', 'More than 880,000 companies'));
});

test('TSV: columns by name (or --source-column / --target-column), the target cell fixed in place', async () => {
  const source = read('pairs.tsv');
  assert.equal(described(source, { filename: 'pairs.tsv' }), [
    '2:91 source/changed-number "15,000"',
    // (An address written differently is one finding, on the translation's form.)
    '3:37 source/added-link "str@kd.ru"',
  ]);
  assert.is(fix(source, { filename: 'pairs.tsv', level: 'suggest' }).output, source.replace('15,000 servicemen', '1,500 servicemen'));
  // Other column names, named on the command line.
  const renamed = source.replace('id\tsource\ttarget', 'id\tru\ten');
  assert.equal(described(renamed, { filename: 'pairs.tsv', columns: { source: 'ru', target: 'en' } }), described(source, { filename: 'pairs.tsv' }));
  const dir = tempDir('mtlint-tsv-');
  writeFileSync(join(dir, 'p.tsv'), renamed);
  const missing = await cli(['p.tsv'], { cwd: dir });
  assert.is(missing.code, 2);
  assert.match(missing.stderr, /^mtlint: p\.tsv:1: no source column \(name one source, src, original, or give --source-column; the header has id, ru, en\)\n$/);
  const named = await cli(['--source-column', 'ru', '--target-column', 'en', '--format', 'json', 'p.tsv'], { cwd: dir });
  assert.is(named.code, 1);
  assert.is((JSON.parse(named.stdout) as { files: { findings: unknown[] }[] }).files[0].findings.length, 2);
});

test('NDJSON: a record with a source is checked against it; one without is checked as English only', async () => {
  const source = read('records.ndjson');
  assert.equal(described(source, { filename: 'records.ndjson' }), ['1:185 source/misspelled-name "Lavor" [a1]', '2:96 source/number-format "4,6" [a2]']);
  const fixed = fix(source, { filename: 'records.ndjson' }).output;
  assert.ok(fixed.includes('\\n\\nLavrov further stated'), fixed);
  assert.ok(fixed.includes('It had 4.6 million clients'));
  // Streamed (--format ndjson) like any NDJSON, with the same findings.
  const dir = tempDir('mtlint-ndjson-');
  copyFileSync(join(DIR, 'records.ndjson'), join(dir, 'r.ndjson'));
  const out = await cli(['--format', 'ndjson', 'r.ndjson'], { cwd: dir });
  const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; findings: { ruleId: string }[] });
  assert.equal(
    lines.map((l) => `${l.id}: ${l.findings.map((f) => f.ruleId).join(', ')}`),
    ['a1: source/misspelled-name', 'a2: source/number-format', 'a3: calques/position-holder'],
  );
});

test('--format ndjson: a bilingual file is one line, or one per named document (TSV doc column)', async () => {
  const dir = tempDir('mtlint-bil-ndjson-');
  copyFileSync(join(DIR, 'talks.xlf'), join(dir, 't.xlf'));
  writeFileSync(join(dir, 'd.tsv'), 'doc\tsource\ttarget\nd1\tЛавров прибыл.\tLavrov arrived.\nd2\tВывезено 1,5 млн тонн.\t15 million tonnes were shipped.\n');
  const out = await cli(['--format', 'ndjson', 't.xlf', 'd.tsv'], { cwd: dir });
  const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { path: string; id?: string; findings: { ruleId: string }[] });
  assert.equal(
    lines.map((l) => `${l.path}${l.id !== undefined ? ` ${l.id}` : ''}: ${l.findings.map((f) => f.ruleId).join(', ')}`),
    ['t.xlf: source/changed-number, source/misspelled-name, source/missing-paragraph', 'd.tsv d1: ', 'd.tsv d2: source/changed-number'],
  );
});

test('--source-lang names the language an input does not declare', () => {
  // Without a language, "1.500" in a short Latin-script source is read as the guess reads it; with de, as German.
  const text = 'The 1.500 employees were told on Monday.';
  const source = 'Die 1.500 Mitarbeiter wurden am Montag informiert.';
  const found = (lang?: string) => lint(text, { source, sourceLang: lang }).filter((f) => f.ruleId === 'source/number-format').map((f) => f.fix?.text);
  assert.equal(found('de'), ['1,500']);
  // In Chinese "1.500" is a decimal: nothing to fix.
  assert.equal(found('zh'), []);
});

test('bad input: one line naming the file, exit 2', async () => {
  const dir = tempDir('mtlint-bad-');
  const cases: [string, string, RegExp][] = [
    ['broken.xlf', '<xliff version="1.2"><file><body><trans-unit id="1"><source>a</source>', /^mtlint: broken\.xlf:1:\d+: not well-formed XML: unclosed tag: trans-unit\n$/],
    ['bomb.xlf', '<!DOCTYPE xliff [<!ENTITY a "aaaa">]><xliff version="1.2"><file><body/></file></xliff>', /^mtlint: bomb\.xlf: the file's DOCTYPE declares entities; refused \(mtlint never expands DTD entities\)\n$/],
    ['notx.xlf', '<html><body/></html>', /^mtlint: notx\.xlf: not an XLIFF file \(the root element is <html>\)\n$/],
    ['short.tsv', 'source\ttarget\nonly one cell\n', /^mtlint: short\.tsv:2: expected 2 tab-separated cells, found 1\n$/],
  ];
  for (const [name, text, message] of cases) {
    writeFileSync(join(dir, name), text);
    const r = await cli([name], { cwd: dir });
    assert.is(r.code, 2, name);
    assert.match(r.stderr, message);
  }
  copyFileSync(join(DIR, 'talks.en.txt'), join(dir, 'a.txt'));
  copyFileSync(join(DIR, 'talks.xlf'), join(dir, 't.xlf'));
  const two = await cli(['--source', 'a.txt', 'a.txt', 't.xlf'], { cwd: dir });
  assert.is(two.code, 2);
  assert.is(two.stderr, 'mtlint: --source goes with exactly one input file (the translation of that original)\n');
  const bilingual = await cli(['--source', 'a.txt', 't.xlf'], { cwd: dir });
  assert.is(bilingual.code, 2);
  assert.match(bilingual.stderr, /^mtlint: t\.xlf: an original \(--source\) goes with one article/);
  const absent = await cli(['--source', 'nothere.txt', 'a.txt'], { cwd: dir });
  assert.is(absent.code, 2);
  assert.match(absent.stderr, /^mtlint: nothere\.txt: /);
});

test('an .xml file that is XLIFF or TMX is read as such', () => {
  const xliff = read('talks.xlf');
  assert.equal(
    lint(xliff, { filename: 'job.xml' }).filter((f) => f.ruleId.startsWith('source/')).map((f) => f.ruleId),
    lint(xliff, { filename: 'talks.xlf' }).filter((f) => f.ruleId.startsWith('source/')).map((f) => f.ruleId),
  );
  const tmx = read('memory.tmx');
  assert.ok(lint(tmx, { filename: 'tm.xml' }).some((f) => f.ruleId === 'source/number-format'));
});

test.run();
