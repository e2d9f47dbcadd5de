// The founding example: ../shared/seed/article.txt must give exactly the artifacts listed in
// ARTIFACTS.md, each with its correction (suggest rows as suggestions), and nothing else; and
// the corrected article must give no finding at all. Skipped when ../shared is absent.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintText } from '../src/engine/lint.js';
import { fixText } from '../src/fix/loop.js';
import { computeLineStarts, positionAt } from '../src/text/lines.js';
import type { Edit, Finding } from '../src/types.js';
import { SHARED, builtinRules, skip } from './helpers.js';

const SEED = join(SHARED, 'seed');
const present = existsSync(join(SEED, 'article.txt')) && existsSync(join(SEED, 'ARTIFACTS.md'));

interface Row {
  n: number;
  line: number;
  bold?: string;
  fix?: string;
  safety: 'safe' | 'suggest' | 'report';
  deleteLine: boolean;
}

function parseArtifacts(md: string): Row[] {
  const rows: Row[] = [];
  for (const line of md.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 7 || !/^\d+$/.test(cells[1])) continue;
    const [, n, where, , fix, safety] = cells;
    const bold = /\*\*((?:\\\*|[^*])+)\*\*/.exec(where)?.[1].replace(/\\\*/g, '*');
    const code = /`([^`]+)`/.exec(fix)?.[1];
    rows.push({
      n: Number(n),
      line: Number(/^(\d+)/.exec(where)![1]),
      bold,
      fix: code,
      safety: safety as Row['safety'],
      deleteLine: /delete the line/.test(fix),
    });
  }
  return rows;
}

/** The flagged span as it reads after applying `edit`. */
function afterEdit(text: string, f: Finding, e: Edit): string {
  const s = Math.min(f.start, e.start);
  const end = Math.max(f.end, e.end);
  return text.slice(s, e.start) + e.text + text.slice(e.end, end);
}

if (!present) {
  skip('the seed article and its 16 artifacts', `${SEED} absent`);
} else {
  const article = readFileSync(join(SEED, 'article.txt'), 'utf8');
  const rows = parseArtifacts(readFileSync(join(SEED, 'ARTIFACTS.md'), 'utf8'));
  const starts = computeLineStarts(article);
  const lint = (t: string) => lintText(t, builtinRules());
  const findings = lint(article);
  const used = new Set<Finding>();

  test('ARTIFACTS.md has 16 rows', () => {
    assert.is(rows.length, 16);
  });

  for (const row of rows) {
    test(`seed artifact ${row.n}: line ${row.line} ${row.bold ?? '(duplicate sentence)'}`, () => {
      const onLine = findings.filter((f) => positionAt(starts, f.start).line === row.line && !used.has(f));
      // The tightest finding that covers the quoted words (a duplicate-sentence finding covers many).
      const f = row.bold
        ? onLine.filter((x) => x.text.includes(row.bold!)).sort((a, b) => a.text.length - b.text.length)[0]
        : onLine.find((x) => x.kind === 'repetition');
      assert.ok(f, `no finding for row ${row.n} among ${JSON.stringify(onLine.map((x) => x.text))}`);
      used.add(f);
      if (row.safety === 'report') {
        assert.is(f.fix, null, 'report only: no fix');
        assert.equal(f.suggestions, [], 'report only: no suggestion');
        return;
      }
      const edit = row.safety === 'safe' ? f.fix : f.suggestions[0];
      assert.ok(edit, `row ${row.n} expects a ${row.safety === 'safe' ? 'fix' : 'suggestion'}`);
      if (row.safety === 'suggest') assert.is(f.fix, null, 'a suggestion is not applied by --fix');
      if (row.deleteLine) {
        const fixed = article.slice(0, edit.start) + edit.text + article.slice(edit.end);
        assert.not.ok(fixed.includes(row.bold!), 'the line is gone');
        assert.is(edit.text, '');
      } else {
        assert.is(afterEdit(article, f, edit), row.fix);
      }
    });
  }

  test('no finding on the seed beyond the listed artifacts', () => {
    const extra = findings.filter((f) => !used.has(f));
    assert.equal(extra.map((f) => `${positionAt(starts, f.start).line}: ${f.ruleId} ${f.text}`), []);
  });

  test('the corrected seed article has no finding', () => {
    let text = fixText(article, lint, 'suggest').output;
    // What no rule may fix by itself: close the open quotation and drop the repeated sentence.
    text = text.replace('“unacceptable by Kyiv.', '“unacceptable by Kyiv.”');
    const para = text.split('\n\n').find((p) => p.startsWith('Lavrov further stated'));
    assert.ok(para);
    text = text.replace(para, 'Lavrov further stated that the first round of talks was held in Belarus.');
    assert.equal(lint(text).map((f) => `${f.ruleId}: ${f.text}`), []);
  });

  test('fixing the seed is idempotent and --fix alone leaves the suggestions', () => {
    const once = fixText(article, lint).output;
    assert.is(fixText(once, lint).output, once);
    const left = lint(once);
    assert.ok(left.every((f) => f.fix === null), 'no safe fix left after --fix');
    assert.ok(left.some((f) => f.suggestions.length > 0), 'suggestions remain for the editor');
  });
}

test.run();
