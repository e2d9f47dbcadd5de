// Tests that skip say why, in one line each (issue 19, item 13): a test file that needs ../shared
// runs here as on a fresh clone without it (MTLINT_SHARED pointing nowhere), and every test uvu
// counts as skipped has its `skipped: what (why)` line; and no test file skips any other way than
// through that helper.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT } from './helpers.js';

test('without ../shared: each skipped test says what and why, in one line', () => {
  const uvu = join(ROOT, 'node_modules', 'uvu', 'bin.js');
  const r = spawnSync(process.execPath, [uvu, '.test-build/test', '(seed|formats/html-main)\\.test\\.js$'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, MTLINT_SHARED: join(ROOT, 'no-such-shared-folder'), NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const out = r.stdout.replace(/\u001b\[[0-9;]*m/g, '');
  assert.is(r.status, 0, out + r.stderr);
  const skipped = Number(/Skipped:\s+(\d+)/.exec(out)?.[1]);
  assert.ok(skipped >= 2, out);
  const lines = out.split('\n').filter((l) => /^ {2}skipped: \S.* \(.*no-such-shared-folder.*\)$|^ {2}skipped: \S.* \(\.\.\/shared\/\S+ absent\)$/.test(l));
  assert.is(lines.length, skipped, out);
});

test('every test file skips through skip() (which says why), never test.skip directly', () => {
  const files = (readdirSync(join(ROOT, 'test'), { recursive: true }) as string[]).filter((f) => f.endsWith('.test.ts'));
  assert.ok(files.length > 20);
  for (const f of files) assert.not.match(readFileSync(join(ROOT, 'test', f), 'utf8'), /\btest\.skip\(/, f);
});

test.run();
