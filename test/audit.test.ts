// `mtlint audit`: scores and bands, roll-ups, thresholds from the configuration and the command
// line, the inputs (feeds under their channel title, NDJSON under --source-field, dates), the CSV,
// NDJSON and JSON shapes, and the exit codes — on feeds and NDJSON written here and in samples/audit/.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Audit, TopK, type ArticleRow } from '../src/audit/rollup.js';
import { bandOf, countWords, DEFAULT_THRESHOLDS, kindOf, MIN_SCORED_WORDS, scoreArticle } from '../src/audit/score.js';
import { normalizeDate, sourceName } from '../src/audit/read.js';
import { csvField } from '../src/audit/format/csv.js';
import { CSV_COLUMNS } from '../src/audit/format/records.js';
import { mtLikelihood } from '../src/audit/mt-likelihood.js';
import { progressLine } from '../src/audit/progress.js';
import { lint } from '../src/index.js';
import { mtlint, ROOT, tempDir } from './helpers.js';

const SEED_LIKE = readFileSync(join(ROOT, 'samples', 'ceasefire-talks.txt'), 'utf8');
const CLEAN = readFileSync(join(ROOT, 'samples', 'clean-report.txt'), 'utf8');

test('score: weighted findings per 1,000 words, short articles scored as MIN_SCORED_WORDS long', () => {
  const f = (severity: 'error' | 'warning' | 'info', confidence: number, ruleId = 'calques/x') => ({ ruleId, kind: 'phrase', severity, confidence, start: 0, end: 1, text: 'x', message: '', fix: null, suggestions: [] });
  const words500 = Array(500).fill('word').join(' ');
  const s = scoreArticle(words500, [f('error', 1), f('warning', 0.5, 'spinner/t')], DEFAULT_THRESHOLDS);
  assert.is(s.words, 500);
  assert.is(s.score, 2.6); // 1000 × (1 + 0.6 × 0.5) / 500
  assert.is(s.kinds.calques, 1);
  assert.is(s.kinds.spinner, 1);
  assert.is(s.band, 'review');
  const short = scoreArticle('Ten words here and no more than ten words here.', [f('error', 1)], DEFAULT_THRESHOLDS);
  assert.is(short.score, Math.round((1000 / MIN_SCORED_WORDS) * 100) / 100);
  assert.is(bandOf(DEFAULT_THRESHOLDS.hold, DEFAULT_THRESHOLDS), 'hold');
  assert.is(bandOf(DEFAULT_THRESHOLDS.review - 0.01, DEFAULT_THRESHOLDS), 'clean');
  assert.is(kindOf('house/whatever'), 'other');
  assert.is(countWords("Kyiv’s Russian-Ukrainian talks, 2-1 — done."), 4 + 1);
});

test('score: the seed-like sample is held, the clean sample is clean', () => {
  const seed = scoreArticle(SEED_LIKE, lint(SEED_LIKE), DEFAULT_THRESHOLDS);
  const clean = scoreArticle(CLEAN, lint(CLEAN), DEFAULT_THRESHOLDS);
  assert.is(seed.band, 'hold');
  assert.is(clean.band, 'clean');
  assert.is(clean.findings, 0);
});

const row = (seq: number, source: string, score: number, band: ArticleRow['band'], extra: Partial<ArticleRow> = {}): ArticleRow => ({
  seq,
  source,
  id: `a${seq}`,
  title: `t${seq}`,
  date: '',
  words: 100,
  score,
  band,
  findings: score > 0 ? 1 : 0,
  mt: 0.5,
  kinds: { calques: score > 0 ? 1 : 0, names: 0, quotes: 0, repetition: 0, residue: 0, script: 0, spinner: 0, styles: 0, other: 0 },
  ...extra,
});

test('roll-ups: per source and in all, shares, dominant kinds, days, worst list bounded', () => {
  const audit = new Audit(2);
  audit.add(row(0, 'b', 0, 'clean', { date: '2026-04-12T06:00:00.000Z' }));
  audit.add(row(1, 'a', 9, 'hold', { date: '2026-04-12T07:00:00.000Z' }));
  audit.add(row(2, 'a', 3, 'review', { date: '2026-04-13T00:00:00.000Z', mt: 0.9 }));
  audit.add(row(3, 'a', 9, 'hold'));
  const s = audit.summary();
  assert.equal(
    s.sources.map((x) => x.name),
    ['a', 'b'],
  );
  const a = s.sources[0];
  assert.is(a.articles, 3);
  assert.equal(a.bands, { clean: 0, review: 1, hold: 2 });
  assert.is(Math.round(a.share('hold') * 1000), 667);
  assert.equal(a.dominantKinds(), ['calques']);
  assert.is(Math.round(a.meanMt * 100), 63);
  // Ties keep input order.
  assert.equal(
    a.worst.list().map((w) => w.id),
    ['a1', 'a3'],
  );
  assert.is(s.total.articles, 4);
  assert.equal(s.days, [
    { day: '2026-04-12', bands: { clean: 1, review: 0, hold: 1 } },
    { day: '2026-04-13', bands: { clean: 0, review: 1, hold: 0 } },
  ]);
  const top = new TopK<{ score: number; seq: number }>(3);
  for (let i = 0; i < 1000; i++) top.add({ score: i % 97, seq: i });
  assert.equal(
    top.list().map((x) => x.score),
    [96, 96, 96],
  );
  assert.not.ok(top.admits(10));
});

test('inputs: a URL names its host, dates become ISO 8601', () => {
  assert.is(sourceName('https://www.reuters.com/world/europe/x'), 'reuters.com');
  assert.is(sourceName('Reuters'), 'Reuters');
  assert.is(normalizeDate('Sun, 12 Apr 2026 08:15:00 GMT'), '2026-04-12T08:15:00.000Z');
  assert.is(normalizeDate(1775980800), '2026-04-12T08:00:00.000Z');
  assert.is(normalizeDate('last Tuesday'), 'last Tuesday');
  assert.is(csvField('a,"b"'), '"a,""b"""');
  assert.is(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
});

test('MT likelihood: in [0, 1], and short texts are pulled toward 0.5', () => {
  const p = mtLikelihood(SEED_LIKE);
  assert.ok(p >= 0 && p <= 1);
  assert.ok(Math.abs(mtLikelihood('Talks resume.') - 0.5) < 0.1);
});

function ndjsonOf(records: Record<string, unknown>[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

test('cli: NDJSON with --source-field url, CSV shape, exit 1 when an article is held', () => {
  const dir = tempDir();
  writeFileSync(
    join(dir, 'export.ndjson'),
    ndjsonOf([
      { id: 'r1', url: 'https://www.bulletin.example/a', date: '2026-04-12', text: SEED_LIKE },
      { id: 'r2', url: 'https://citytimes.example/b', text: CLEAN },
      { id: 'r3', url: 'https://citytimes.example/c', text: CLEAN },
    ]),
  );
  const r = mtlint(['audit', '--format', 'csv', '--source-field', 'url', 'export.ndjson'], { cwd: dir });
  assert.is(r.code, 1, r.stderr);
  const lines = r.stdout.trimEnd().split('\r\n');
  assert.is(lines[0], CSV_COLUMNS.join(','));
  const cells = lines.map((l) => l.split(','));
  const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
  assert.equal(
    cells.slice(1).map((c) => [c[col('record')], c[col('source')], c[col('id')], c[col('band')]]),
    [
      ['article', 'bulletin.example', 'r1', 'hold'],
      ['article', 'citytimes.example', 'r2', 'clean'],
      ['article', 'citytimes.example', 'r3', 'clean'],
      ['source', 'bulletin.example', '', ''],
      ['source', 'citytimes.example', '', ''],
      ['total', 'all sources', '', ''],
    ],
  );
  const citytimes = cells[5];
  assert.is(citytimes[col('articles')], '2');
  assert.is(citytimes[col('clean_share')], '1');
  assert.is(cells[1][col('date')], '2026-04-12T00:00:00.000Z');
  // Every row has every column.
  for (const c of cells) assert.is(c.length >= CSV_COLUMNS.length, true);
});

test('cli: exit 0 when nothing is held; thresholds from the configuration and the command line', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'export.ndjson'), ndjsonOf([{ id: 'r1', text: SEED_LIKE }]));
  const held = mtlint(['audit', '--format', 'ndjson', 'export.ndjson'], { cwd: dir });
  assert.is(held.code, 1);
  const score = (JSON.parse(held.stdout.split('\n')[0]) as { score: number }).score;
  writeFileSync(join(dir, '.mtlintrc.json'), JSON.stringify({ audit: { review: score + 1, hold: score + 2 } }));
  const relaxed = mtlint(['audit', '--format', 'ndjson', 'export.ndjson'], { cwd: dir });
  assert.is(relaxed.code, 0, relaxed.stderr);
  assert.is((JSON.parse(relaxed.stdout.split('\n')[0]) as { band: string }).band, 'clean');
  const flag = mtlint(['audit', '--format', 'ndjson', '--review', '1', '--hold', String(score), 'export.ndjson'], { cwd: dir });
  assert.is(flag.code, 1);
  writeFileSync(join(dir, '.mtlintrc.json'), JSON.stringify({ audit: { review: 5, hold: 2 } }));
  const bad = mtlint(['audit', 'export.ndjson'], { cwd: dir });
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /audit\.review: must not be above audit\.hold/);
});

test('cli: exit 2 with one line on bad input', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'bad.ndjson'), '{"id": "ok", "text": "Fine."}\n{"id": 2, "text": \n');
  const r = mtlint(['audit', 'bad.ndjson'], { cwd: dir });
  assert.is(r.code, 2);
  assert.match(r.stderr, /^mtlint: bad\.ndjson:2: not valid JSON/);
  assert.is(r.stderr.trim().split('\n').length, 1);
  const missing = mtlint(['audit', 'nope.rss'], { cwd: dir });
  assert.is(missing.code, 2);
  const opt = mtlint(['audit', '--fix', 'bad.ndjson'], { cwd: dir });
  assert.is(opt.code, 2);
  assert.match(opt.stderr, /--fix is not an audit option/);
  const fmt = mtlint(['audit', '--format', 'sarif', 'bad.ndjson'], { cwd: dir });
  assert.is(fmt.code, 2);
});

test('cli: a feed rolls up under its channel title; JSON and NDJSON shapes; the table', () => {
  const feed = join('samples', 'audit', 'partner-wire.rss');
  const j = mtlint(['audit', '--format', 'json', feed]);
  assert.is(j.code, 1, j.stderr);
  const out = JSON.parse(j.stdout) as { thresholds: object; articles: Record<string, unknown>[]; sources: Record<string, unknown>[]; total: Record<string, unknown> };
  assert.equal(out.thresholds, DEFAULT_THRESHOLDS);
  assert.is(out.articles.length, 4);
  assert.equal(
    out.articles.map((a) => [a.id, a.source, a.band]),
    [
      ['wire-2026-0412-001', 'Partner Wire — World', 'hold'],
      ['wire-2026-0412-002', 'Partner Wire — World', 'clean'],
      ['wire-2026-0413-001', 'Partner Wire — World', 'hold'],
      ['wire-2026-0414-001', 'Partner Wire — World', 'clean'],
    ],
  );
  assert.equal(Object.keys(out.articles[0]), ['type', 'source', 'id', 'title', 'date', 'band', 'score', 'mtLikelihood', 'words', 'findings', 'kinds']);
  assert.is(out.articles[0].date, '2026-04-12T08:15:00.000Z');
  assert.is(out.articles[0].title, 'Zakharova: Moscow will not extend the grain deal without guarantees');
  assert.is(out.sources.length, 1);
  assert.equal(out.sources[0].bands, { clean: 2, review: 0, hold: 2 });
  assert.equal((out.sources[0].topKinds as string[]).slice(0, 2), ['spinner', 'calques']);
  assert.is((out.sources[0].worst as unknown[]).length, 4);
  assert.is(out.total.type, 'total');

  const n = mtlint(['audit', '--format', 'ndjson', feed, 'samples/audit/export.ndjson', '--source-field', 'url']);
  const recs = n.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; source: string });
  assert.equal(
    recs.map((r) => r.type),
    ['article', 'article', 'article', 'article', 'article', 'article', 'article', 'article', 'source', 'source', 'source', 'total'],
  );
  assert.equal(
    recs.filter((r) => r.type === 'source').map((r) => r.source),
    ['Partner Wire — World', 'citytimes.example', 'regional-bulletin.example'],
  );

  const t = mtlint(['audit', feed, '--worst', '2']);
  assert.match(t.stdout, /Partner Wire — World\s+4\s+/);
  assert.match(t.stdout, /Worst articles/);
  assert.is(t.stdout.match(/^  hold /gm)?.length, 2);
});

test('cli: --jobs 2 gives the same rows as --jobs 1', () => {
  const args = ['audit', '--format', 'ndjson', 'samples/audit/partner-wire.rss', 'samples/audit/export.ndjson'];
  const one = mtlint([...args, '--jobs', '1']);
  const two = mtlint([...args, '--jobs', '2']);
  assert.is(two.code, one.code);
  assert.is(two.stdout, one.stdout);
});

test('cli: standard input is read as NDJSON when it starts like it, else as one text', () => {
  const records = ndjsonOf([
    { id: 'r1', text: SEED_LIKE },
    { id: 'r2', text: CLEAN },
  ]);
  const piped = mtlint(['audit', '--format', 'ndjson', '-'], { input: records });
  assert.equal(
    piped.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { type: string; id?: string }).id ?? ''),
    ['r1', 'r2', '', ''],
  );
  const text = mtlint(['audit', '--format', 'ndjson', '-'], { input: CLEAN });
  assert.equal((JSON.parse(text.stdout.split('\n')[0]) as { id: string; band: string }).band, 'clean');
  assert.is(text.code, 0);
});

test('cli: -o writes the report file; audit --help', () => {
  const dir = tempDir();
  const out = join(dir, 'rows.csv');
  const r = mtlint(['audit', '--format', 'csv', '-o', out, join(ROOT, 'samples', 'audit', 'export.ndjson')]);
  assert.is(r.stdout, '');
  assert.ok(readFileSync(out, 'utf8').startsWith('record,source,id,'));
  const h = mtlint(['audit', '--help']);
  assert.is(h.code, 0);
  assert.match(h.stdout, /--source-field/);
});

test('progress: articles, rate, share and time left on one rewritten line; nothing without a stream', () => {
  let written = '';
  let clock = 0;
  const stream = { isTTY: true, write: (s: string) => ((written += s), true) } as unknown as NodeJS.WriteStream;
  const bar = progressLine(stream, () => clock);
  bar.bytes(250, 1000);
  clock = 1000;
  for (let i = 0; i < 50; i++) bar.tick();
  assert.match(written, /\r\u001b\[Kmtlint audit: 1 articles · 1\/s · 25% · ETA 0:03/);
  clock = 2000;
  bar.tick();
  assert.match(written, /51 articles · 26\/s · 25% · ETA 0:06$/);
  bar.done();
  assert.ok(written.endsWith('\r\u001b[K'));
  const none = progressLine(undefined);
  none.tick();
  none.done();
});

test.run();
