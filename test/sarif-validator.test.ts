// SARIF output checked by Microsoft's validator (`@microsoft/sarif-multitool validate`, a
// devDependency): the seed article's log (when ../shared is present) and a log with every input
// format and fixes must give no error. A deliberately broken log must give errors, which shows
// the validator really ran. Skipped when the validator's binary cannot run here.
// Run alone: npm run validate:sarif

import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, FIXTURES, HAS_SHARED, ROOT, SHARED, skip, tempDir } from './helpers.js';

/** The validator's executable, made executable if its install script did not run; or why not. */
function multitool(): { bin: string } | { skip: string } {
  let dir: string;
  try {
    dir = dirname(createRequire(import.meta.url).resolve(`@microsoft/sarif-multitool-${process.platform}/package.json`));
  } catch {
    return { skip: `@microsoft/sarif-multitool-${process.platform} is not installed` };
  }
  const bin = join(dir, process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');
  if (!existsSync(bin)) return { skip: `${bin} is missing` };
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    try {
      chmodSync(bin, statSync(bin).mode | 0o100); // what the package's postinstall does (npm may skip it)
    } catch (e) {
      return { skip: `${bin} is not executable: ${(e as Error).message}` };
    }
  }
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return { skip: `${bin} does not run here: ${r.error?.message ?? r.stderr.trim().split('\n')[0]}` };
  return { bin };
}

interface Issue {
  ruleId: string;
  level: string;
  text: string;
}

/** The validator's findings on `file` (read from the SARIF log it writes). */
function validate(bin: string, file: string): Issue[] {
  const out = `${file}.validation.sarif`;
  const r = spawnSync(bin, ['validate', file, '--output', out, '--log', 'ForceOverwrite'], { encoding: 'utf8' });
  assert.is(r.status, 0, r.stdout + r.stderr);
  const log = JSON.parse(readFileSync(out, 'utf8'));
  return (log.runs[0].results ?? []).map((x: { ruleId: string; level?: string; message: { text?: string; arguments?: string[] } }) => ({
    ruleId: x.ruleId,
    level: x.level ?? 'warning',
    text: x.message.text ?? (x.message.arguments ?? []).join(' '),
  }));
}

const tool = multitool();

if ('skip' in tool) {
  skip('SARIF validator', tool.skip);
} else {
  const bin = tool.bin;
  const dir = tempDir('mtlint-sarif-');

  test('the validator reports errors in a broken log (it really runs)', async () => {
    const r = await cli(['--format', 'sarif', join(FIXTURES, 'formats', 'article.md')], { cwd: dir });
    const log = JSON.parse(r.stdout);
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    log.runs[0].results[1].ruleIndex = 9999;
    writeFileSync(join(dir, 'broken.sarif'), JSON.stringify(log));
    const errors = validate(bin, join(dir, 'broken.sarif')).filter((i) => i.level === 'error');
    assert.ok(errors.some((e) => e.ruleId === 'JSON1008'), JSON.stringify(errors));
    assert.ok(errors.some((e) => e.ruleId === 'SARIF1009'), JSON.stringify(errors));
  });

  test('every input format, with fixes and suggestions: no validator error', async () => {
    const names = ['article.md', 'article.html', 'feed.rss', 'feed.atom', 'records.ndjson'].map((n) => join(FIXTURES, 'formats', n));
    const r = await cli(['--format', 'sarif', ...names], { cwd: dir });
    assert.is(r.code, 1, r.stderr);
    writeFileSync(join(dir, 'formats.sarif'), r.stdout);
    const issues = validate(bin, join(dir, 'formats.sarif'));
    assert.equal(issues.filter((i) => i.level === 'error'), []);
    assert.ok(JSON.parse(r.stdout).runs[0].results.some((x: { fixes?: unknown[] }) => x.fixes && x.fixes.length > 0));
  });

  test('`mtlint --format sarif .` in the project folder: exit 2, a valid log that names the refused fixture', async () => {
    const r = await cli(['--format', 'sarif', '.'], { cwd: ROOT });
    assert.is(r.code, 2, r.stderr);
    writeFileSync(join(dir, 'project.sarif'), r.stdout);
    assert.equal(validate(bin, join(dir, 'project.sarif')).filter((i) => i.level === 'error'), []);
    const run = JSON.parse(r.stdout).runs[0];
    const refused = run.invocations[0].toolExecutionNotifications.map((n: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => n.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(refused.includes('test/fixtures/formats/xxe.rss'), refused.join(' '));
    assert.ok(run.artifacts.some((a: { location: { uri: string } }) => a.location.uri === 'samples/ceasefire-talks.txt'), 'the other files are there');
  });

  if (HAS_SHARED && existsSync(join(SHARED, 'seed', 'article.txt'))) {
    test('the seed article: no validator error', async () => {
      const r = await cli(['--format', 'sarif', join(SHARED, 'seed', 'article.txt')], { cwd: dir });
      writeFileSync(join(dir, 'seed.sarif'), r.stdout);
      const issues = validate(bin, join(dir, 'seed.sarif'));
      assert.equal(issues.filter((i) => i.level === 'error'), []);
      // Only advice is left (no `informationUri`: mtlint has no home page to point to).
      assert.equal([...new Set(issues.map((i) => i.ruleId))].sort(), ['SARIF2005']);
    });
  } else {
    skip('the seed article\'s SARIF log', '../shared/seed absent');
  }
}

test.run();
