// Calibrates the length model of the source-aware checks (rules/lists/length-ratios.yaml): per
// source language, on paragraphs of the professional references of the calibration half of the
// documents (scripts/source/data.ts; the other half is what docs/quality.md reports on):
//  - ratio: target characters per source character (the ratio of the sums; in a Chinese or
//    Japanese source a Latin letter or digit counts 0.3, src/align/length.ts measureSource), and
//    variance: the variance of the target length per source character (Gale and Church 1993);
//  - spread: the variance of log(target / expected) as a / s + b for a source of s characters,
//    by least squares over segments and paragraphs (expected by the document's own ratio);
//  - sentences: how many more sentences a paragraph's translation has than its source (as
//    punctuation ends them), the share of paragraphs of two sentences or more for each of
//    −2 or fewer … +3 or more.
//
// Usage: npm run build && tsc -p tsconfig.test.json && node .test-build/scripts/source/calibrate.js [--data ../shared/data] [--out rules/lists/length-ratios.yaml]

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure, measureSource } from '../../src/align/length.js';
import { scriptOf } from '../../src/source/lang.js';
import { sentences } from '../../src/align/split.js';
import { TextDocument } from '../../src/text/document.js';
import { referenceSets } from './data.js';

const arg = (flag: string, fallback: string): string => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DATA = arg('--data', join(process.cwd(), '..', 'shared', 'data'));
const OUT = arg('--out', join(process.cwd(), 'rules', 'lists', 'length-ratios.yaml'));

interface Para {
  source: string;
  target: string;
  segments: [string, string][];
}

const byLang = new Map<string, Para[][]>();
for (const set of referenceSets(DATA)) {
  for (const doc of set.docs) {
    if (doc.half !== 'calibrate') continue;
    let docs = byLang.get(set.lang);
    if (!docs) byLang.set(set.lang, (docs = []));
    // As the check renders them (scripts/source/data.ts): source segments one per line, target segments on one.
    docs.push(doc.paragraphs.map((p) => ({ source: p.source.join('\n'), target: p.target.join(' '), segments: p.source.map((x, i): [string, string] => [x, p.target[i]]) })));
  }
}

/** The document's own ratio, as the check takes it (src/source/check-coverage.ts): the median over paragraphs of 40 characters or more, within a factor of 1.6 of the language's. */
function docRatio(paras: Para[], ratio: number, script: string): number {
  const ratios = paras.map((p) => [measureSource(p.source, script), measure(p.target)]).filter(([s]) => s >= 40).map(([s, t]) => t / s).sort((a, b) => a - b);
  if (ratios.length < 4) return ratio;
  return Math.min(ratio * 1.6, Math.max(ratio / 1.6, ratios[ratios.length >> 1]));
}

/** Least squares of the squared residuals of log length on 1 / s, without the worst 1% (a reference that left out or added a sentence). */
function spread(logs: [number, number][]): [number, number] {
  const mean = logs.reduce((a, [, e]) => a + e, 0) / logs.length;
  const pts = logs.map(([s, e]) => [1 / s, (e - mean) ** 2]).sort((a, b) => a[1] - b[1]).slice(0, Math.ceil(logs.length * 0.99));
  const n = pts.length;
  const sx = pts.reduce((a, [x]) => a + x, 0);
  const sy = pts.reduce((a, [, y]) => a + y, 0);
  const sxx = pts.reduce((a, [x]) => a + x * x, 0);
  const sxy = pts.reduce((a, [x, y]) => a + x * y, 0);
  const a = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  return [Math.max(0.05, a), Math.max(0.002, (sy - a * sx) / n)];
}

/** Shares of −2 or fewer … +3 or more, with one paragraph added to each (none is impossible). */
function counts(more: number[]): number[] {
  const c = [1, 1, 1, 1, 1, 1];
  for (const m of more) c[Math.max(0, Math.min(5, m + 2))]++;
  const total = c.reduce((a, b) => a + b, 0);
  return c.map((x) => x / total);
}

const lines = [
  '# How long an English translation is, per source language, after Gale and Church (1993). Written by',
  '# scripts/source/calibrate.ts from the calibration half of the WMT professional references',
  '# (scripts/source/data.ts); `paragraphs` is how many paragraphs of up to three sentences each figure',
  '# comes from. Ukrainian has no data of its own: it takes the Russian figures (the languages write about',
  '# as long).',
  '#   ratio      characters of the translation (white space not counted) per character of the source',
  '#   variance   the variance of that length per source character',
  '#   spread     [a, b]: the variance of log(length / expected length) is a / s + b for s source characters',
  '#   sentences  shares of paragraphs whose translation has −2 or fewer, −1, 0, +1, +2, +3 or more',
  '#              sentences than the source (as punctuation ends them)',
  'entries:',
];
const entries: [string, string][] = [];
for (const [lang, docs] of [...byLang].sort()) {
  const script = scriptOf(lang);
  const pairs = docs.flat().map((p) => [measureSource(p.source, script), measure(p.target)]);
  const s = pairs.reduce((a, [x]) => a + x, 0);
  const t = pairs.reduce((a, [, y]) => a + y, 0);
  const ratio = t / s;
  // The variance without the worst 1% of residuals (a reference that dropped or added a sentence).
  const residuals = pairs.map(([x, y]) => (y - ratio * x) ** 2 / Math.max(x, 1)).sort((a, b) => a - b);
  const kept = residuals.slice(0, Math.ceil(residuals.length * 0.99));
  const variance = kept.reduce((a, b) => a + b, 0) / kept.length;
  const logs: [number, number][] = [];
  const more: number[] = [];
  for (const paras of docs) {
    const r = docRatio(paras, ratio, script);
    const add = (x: number, y: number) => x >= 5 && y > 0 && logs.push([x, Math.log(y / (r * x))]);
    for (const p of paras) {
      for (const [src, tgt] of p.segments) add(measureSource(src, script), measure(tgt));
      if (p.segments.length > 1) add(measureSource(p.source, script), measure(p.target));
      if (sentences(p.source).length >= 2) more.push(new TextDocument(p.target).sentences.length - sentences(p.source, 0, p.source.length, { lines: false }).length);
    }
  }
  const [a, b] = spread(logs);
  const shares = counts(more).map((x) => x.toFixed(4)).join(', ');
  entries.push([lang, `ratio: ${ratio.toFixed(3)}, variance: ${variance.toFixed(3)}, spread: [${a.toFixed(3)}, ${b.toFixed(4)}], sentences: [${shares}], paragraphs: ${pairs.length}`]);
}
const ru = entries.find(([l]) => l === 'ru');
if (ru) entries.push(['uk', ru[1]]);
for (const [lang, e] of entries) lines.push(`  - {lang: ${lang}, ${e}}`);
writeFileSync(OUT, lines.join('\n') + '\n');
process.stdout.write(lines.slice(lines.indexOf('entries:') + 1).join('\n') + '\n');
