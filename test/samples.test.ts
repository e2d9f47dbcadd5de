// Snapshot tests over samples/: each article's findings (json format) and the diff of its safe
// fixes must equal the files in samples/expected/. `UPDATE_SNAPSHOT=1 npm test` rewrites them.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintText } from '../src/engine/lint.js';
import { fixText } from '../src/fix/loop.js';
import { FORMATTERS } from '../src/report/index.js';
import { ROOT, builtinRules } from './helpers.js';

const SAMPLES = join(ROOT, 'samples');
const EXPECTED = join(SAMPLES, 'expected');
const update = process.env.UPDATE_SNAPSHOT === '1';
const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();

test('there are samples', () => {
  assert.ok(samples.length >= 2);
});

for (const name of samples) {
  test(`sample ${name} matches its snapshots`, () => {
    const text = readFileSync(join(SAMPLES, name), 'utf8');
    const lint = (t: string) => lintText(t, builtinRules());
    const path = `samples/${name}`;
    const findings = lint(text);
    const output = fixText(text, lint).output;
    const opts = { color: false, diffContext: 1 };
    const got = {
      json: JSON.stringify(JSON.parse(FORMATTERS.json([{ path, text, findings }], opts)), null, 2) + '\n',
      diff: FORMATTERS.diff([{ path, text, findings, output }], opts),
    };
    for (const [kind, content] of Object.entries(got)) {
      const file = join(EXPECTED, name.replace(/\.txt$/, kind === 'json' ? '.findings.json' : '.diff'));
      if (update || !existsSync(file)) {
        mkdirSync(EXPECTED, { recursive: true });
        writeFileSync(file, content);
        if (!update) assert.unreachable(`snapshot ${file} was missing and has been written; run again`);
      }
      assert.fixture(content, readFileSync(file, 'utf8'), `${kind} snapshot of ${name}`);
    }
  });
}

test.run();
