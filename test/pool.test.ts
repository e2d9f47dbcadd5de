// The worker pool (--jobs): the same findings in the same order as one thread, for every input
// format, the same file error for a bad file; and how many workers the default asks for.

import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { jobsFor } from '../src/batch/pool.js';
import { cli, FIXTURES, HAS_SHARED, mtlint, ROOT, SHARED, tempDir } from './helpers.js';

/** A batch of varied files: the samples, every format fixture, and articles cut from the seed or the samples. */
function batch(): string {
  const dir = tempDir('mtlint-pool-');
  const samples = join(ROOT, 'samples');
  const texts: string[] = [];
  for (const f of readdirSync(samples).filter((n) => n.endsWith('.txt'))) {
    copyFileSync(join(samples, f), join(dir, f));
    texts.push(readFileSync(join(samples, f), 'utf8'));
  }
  for (const f of ['article.md', 'article.html', 'feed.rss', 'feed.atom', 'records.ndjson']) copyFileSync(join(FIXTURES, 'formats', f), join(dir, f));
  if (HAS_SHARED) texts.push(readFileSync(join(SHARED, 'seed', 'article.txt'), 'utf8'));
  // 30 more articles: paragraphs of the texts above in rotating order, so each file differs.
  const paragraphs = texts.flatMap((t) => t.split(/\n\s*\n/)).filter((p) => p.trim() !== '');
  for (let i = 0; i < 30; i++) {
    const body = Array.from({ length: 6 }, (_, k) => paragraphs[(i * 7 + k * 3) % paragraphs.length]).join('\n\n');
    writeFileSync(join(dir, `batch-${String(i).padStart(2, '0')}.txt`), body + '\n');
  }
  return dir;
}

const dir = batch();

// The pool only lints: every format formats the same findings (json), the human one shows each
// edit's view (stylish), and ndjson writes each file as it is done (its own path through the run).
for (const format of ['json', 'stylish', 'ndjson']) {
  test(`--jobs 2 and 3 give what --jobs 1 gives (--format ${format})`, () => {
    const one = mtlint(['--jobs', '1', '--format', format, dir]);
    assert.ok(one.code === 0 || one.code === 1, one.stderr);
    if (format === 'json') {
      const files = (JSON.parse(one.stdout) as { files: { findings: unknown[] }[] }).files;
      assert.ok(files.length >= 35);
      assert.ok(files.flatMap((f) => f.findings).length > 20, 'the batch has findings to compare');
    }
    for (const jobs of ['2', '3']) {
      const many = mtlint(['--jobs', jobs, '--format', format, dir]);
      assert.is(many.code, one.code, many.stderr);
      assert.is(many.stdout, one.stdout);
      assert.is(many.stderr, one.stderr);
    }
  });
}

test('--jobs with rule selection, --phrases and a baseline: same output as one thread', () => {
  const tsv = join(tempDir('mtlint-pool-tsv-'), 'house.tsv');
  writeFileSync(tsv, 'the talks\tthe negotiations\nforeign minister\tforeign secretary\n');
  const baseline = join(tempDir('mtlint-pool-bl-'), 'baseline.json');
  const written = mtlint(['--write-baseline', baseline, '--rule', 'calques', join(dir, 'batch-00.txt')]);
  assert.is(written.code, 0, written.stderr);
  const common = ['--format', 'json', '--phrases', tsv, '--disable-rule', 'names', '--baseline', baseline, dir];
  const one = mtlint(['--jobs', '1', ...common]);
  const two = mtlint(['--jobs', '2', ...common]);
  assert.is(two.code, one.code, two.stderr);
  assert.is(two.stdout, one.stdout);
  assert.match(one.stdout, /phrases\/house/);
});

test('a bad file among many: the same report, file error and exit 2 with workers', () => {
  const bad = tempDir('mtlint-pool-bad-');
  for (let i = 0; i < 6; i++) writeFileSync(join(bad, `a${i}.md`), i === 3 ? 'Text <!-- mtlint-disable no-such/rule -->\n' : 'The the text.\n');
  const one = mtlint(['--jobs', '1', '--format', 'json', bad]);
  assert.is(one.code, 2);
  assert.is(one.stderr.trim().split('\n').length, 1, one.stderr);
  const files = JSON.parse(one.stdout).files as { errors?: { message: string }[]; findings: unknown[] }[];
  assert.equal(files.map((f) => [f.errors?.length ?? 0, f.findings.length]), [[0, 1], [0, 1], [0, 1], [1, 0], [0, 1], [0, 1]]);
  // Several runs: the pool's close() once let the process end, exit 0 and silent, while a worker
  // that was still starting was being stopped (≈ 1 run in 5 on a loaded machine).
  for (let i = 0; i < 4; i++) {
    const two = mtlint(['--jobs', '2', '--format', 'json', bad]);
    assert.is(two.code, 2);
    assert.is(two.stderr, one.stderr);
    assert.is(two.stdout, one.stdout);
  }
});

test('MTLINT_TIMINGS: when the first input was read, the report written and (with workers) a worker ready', () => {
  const file = join(tempDir('mtlint-pool-timings-'), 'timings.json');
  for (const jobs of ['1', '2']) {
    const r = mtlint(['--jobs', jobs, '--format', 'json', dir], { env: { ...process.env, NO_COLOR: '1', MTLINT_TIMINGS: file } });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const t = JSON.parse(readFileSync(file, 'utf8')) as { firstRead: number; reported: number; workerReady?: number };
    assert.ok(t.firstRead > 0 && t.reported >= t.firstRead, JSON.stringify(t));
    // (a worker of so small a batch may not be ready before the end: then it is not reported)
    if (jobs === '1') assert.is(t.workerReady, undefined);
    else if (t.workerReady !== undefined) assert.ok(t.workerReady > 0);
  }
});

test('jobsFor: one thread for one input; by default one per core less one (at most one per input); --jobs wins', () => {
  assert.is(jobsFor({ jobs: undefined }, 1, 8), 1);
  assert.is(jobsFor({ jobs: undefined }, 0, 8), 1);
  assert.is(jobsFor({ jobs: undefined }, 2, 8), 2);
  assert.is(jobsFor({ jobs: undefined }, 1000, 8), 7);
  assert.is(jobsFor({ jobs: undefined }, 1000, 2), 1);
  assert.is(jobsFor({ jobs: undefined }, 1000, 1), 1);
  assert.is(jobsFor({ jobs: undefined }, 1000), Math.max(1, availableParallelism() - 1));
  assert.is(jobsFor({ jobs: 3 }, 1), 3);
  assert.is(jobsFor({ jobs: 1 }, 1000), 1);
});

test('--jobs must be a whole number ≥ 1', async () => {
  for (const bad of ['0', '-2', '1.5', 'x']) {
    const r = await cli(['--jobs', bad, dir]);
    assert.is(r.code, 2, bad);
    assert.is(r.stdout, '');
    assert.is(r.stderr.trim().split('\n').length, 1);
  }
});

test.run();
