// The library API as a program uses it (typed), and the command line agreeing with it: the same
// findings for the same file in every input format.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fix, lint, loadRules, UsageError, type FixOptions, type LintFinding, type LintOptions, type Rule } from '../src/index.js';
import { cli, FIXTURES } from './helpers.js';

const NAMES = ['article.md', 'article.html', 'feed.rss', 'feed.atom', 'records.ndjson'];

test('the command line reports what lint() returns, for every input format', async () => {
  const r = await cli(['--format', 'json', ...NAMES], { cwd: join(FIXTURES, 'formats') });
  const files = JSON.parse(r.stdout).files as { path: string; findings: LintFinding[] }[];
  assert.equal(files.map((f) => f.path), NAMES);
  for (const f of files) {
    const expected = lint(readFileSync(join(FIXTURES, 'formats', f.path), 'utf8'), { filename: f.path });
    // (The library's edits also say how they read in the checked text: `view`, which reports show rather than print.)
    const edit = (e: { start: number; end: number; text: string } | null) => e && { start: e.start, end: e.end, text: e.text };
    const key = (x: LintFinding) => [x.ruleId, x.start, x.end, x.text, edit(x.fix), x.suggestions.map(edit), x.article];
    assert.equal(f.findings.map(key), expected.map(key), f.path);
  }
});

test('typed options: rules from loadRules, format, filter, fix level; errors are UsageError', () => {
  const rules: Rule[] = loadRules().filter((x) => x.id.startsWith('repetition/'));
  const options: LintOptions = { rules, format: 'html' };
  const found: LintFinding[] = lint('<p>The the talks &amp; the Moscow holder.</p>', options);
  assert.equal(found.map((f) => [f.ruleId, f.start, f.end]), [['repetition/repeated-word', 3, 10]]);
  const dropAll: FixOptions = { ...options, filter: () => [] };
  assert.is(fix('<p>The the talks.</p>', dropAll).output, '<p>The the talks.</p>', 'filtered findings are not fixed');
  assert.is(fix('<p>The the talks.</p>', options).output, '<p>The talks.</p>');
  assert.throws(() => lint('{"text": 1}', { format: 'ndjson', filename: 'x.ndjson' }), (e: Error) => e instanceof UsageError && e.message === 'x.ndjson:1: expected a string "text"');
});

test.run();
