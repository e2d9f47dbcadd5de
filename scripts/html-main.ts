// Measures `--html-main` on the 32 saved news pages of ../shared/data/news-pages (Mozilla
// Readability's test pages: each whole page beside the article its maintainers expect
// extracted): findings on the whole page, with the mode, and on the expected article alone; and
// how much of the expected article's text the mode checks (and how much else). Prints a Markdown
// table (docs/reliability.md keeps the latest).
// Usage: npm run build && npx tsc -p tsconfig.test.json && node .test-build/scripts/html-main.js [--data DIR]

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../src/index.js';
import { parseHtml } from '../src/io/formats/html.js';

const argv = process.argv.slice(2);
const DATA = argv.includes('--data') ? argv[argv.indexOf('--data') + 1] : join(process.cwd(), '..', 'shared', 'data');
const PAGES = join(DATA, 'news-pages');
if (!existsSync(PAGES)) {
  process.stderr.write(`html-main: ${PAGES} not found (pass --data DIR)\n`);
  process.exit(2);
}

/** The words of a text, counted. */
function words(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) out.set(w, (out.get(w) ?? 0) + 1);
  return out;
}

/** Words of `a` found in `b` (multiset), and the size of `a`. */
function overlap(a: Map<string, number>, b: Map<string, number>): [number, number] {
  let common = 0;
  let total = 0;
  for (const [w, n] of a) {
    total += n;
    common += Math.min(n, b.get(w) ?? 0);
  }
  return [common, total];
}

const checked = (html: string, main: boolean) => parseHtml(html, { main }).articles[0].map!.text;
const byRule = new Map<string, [number, number, number]>();
const rows: string[] = [];
const totals = { whole: 0, main: 0, expected: 0, inMain: 0, expectedWords: 0, mainWords: 0, extraWords: 0, pages: 0, outsideWhole: 0 };
for (const name of readdirSync(PAGES).sort()) {
  const dir = join(PAGES, name);
  if (!existsSync(join(dir, 'source.html'))) continue;
  const source = readFileSync(join(dir, 'source.html'), 'utf8');
  const expected = readFileSync(join(dir, 'expected.html'), 'utf8');
  const whole = lint(source, { format: 'html' });
  const main = lint(source, { format: 'html', htmlMain: true });
  const alone = lint(expected, { format: 'html' });
  // Every finding of the mode is a finding of the whole page, at the same place.
  const key = (f: { ruleId: string; start: number; end: number }) => `${f.ruleId} ${f.start} ${f.end}`;
  const wholeKeys = new Set(whole.map(key));
  totals.outsideWhole += main.filter((f) => !wholeKeys.has(key(f))).length;
  for (const [k, list] of [[0, whole], [1, main], [2, alone]] as const) {
    for (const f of list) {
      const c = byRule.get(f.ruleId) ?? [0, 0, 0];
      c[k]++;
      byRule.set(f.ruleId, c);
    }
  }
  const e = words(checked(expected, false));
  const m = words(checked(source, true));
  const [covered, expectedWords] = overlap(e, m);
  const [, mainWords] = overlap(m, e);
  const [inExpected] = overlap(m, e);
  totals.pages++;
  totals.whole += whole.length;
  totals.main += main.length;
  totals.expected += alone.length;
  totals.expectedWords += expectedWords;
  totals.inMain += covered;
  totals.mainWords += mainWords;
  totals.extraWords += mainWords - inExpected;
  const pct = (a: number, b: number) => (b === 0 ? '–' : `${Math.round((100 * a) / b)} %`);
  rows.push(`| ${name} | ${whole.length} | ${main.length} | ${alone.length} | ${pct(covered, expectedWords)} | ${pct(mainWords - inExpected, mainWords)} |`);
}

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;
console.log('| page | findings, whole page | with --html-main | expected article alone | expected words checked | checked words not in the expected article |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(r);
console.log(`| **all ${totals.pages}** | **${totals.whole}** | **${totals.main}** | **${totals.expected}** | **${pct(totals.inMain, totals.expectedWords)}** | **${pct(totals.extraWords, totals.mainWords)}** |`);
console.log(`\nFindings of --html-main that the whole page does not have at the same place: ${totals.outsideWhole}.\n`);
console.log('| rule | whole page | --html-main | expected alone |');
console.log('|---|---:|---:|---:|');
for (const [id, [a, b, c]] of [...byRule].sort((x, y) => y[1][0] - x[1][0] || (x[0] < y[0] ? -1 : 1))) console.log(`| ${id} | ${a} | ${b} | ${c} |`);
