// Calibrates the length model of the source-aware checks (rules/lists/length-ratios.yaml): per
// source language, target characters per source character (the ratio of the sums) and the
// variance of the target length per source character (Gale and Church 1993), on paragraphs of the
// professional references of the calibration half of the documents (scripts/source/data.ts). The
// other half is what docs/quality.md reports on.
//
// Usage: npm run build && tsc -p tsconfig.test.json && node .test-build/scripts/source/calibrate.js [--data ../shared/data] [--out rules/lists/length-ratios.yaml]

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from '../../src/align/length.js';
import { referenceSets } from './data.js';

const arg = (flag: string, fallback: string): string => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DATA = arg('--data', join(process.cwd(), '..', 'shared', 'data'));
const OUT = arg('--out', join(process.cwd(), 'rules', 'lists', 'length-ratios.yaml'));

const byLang = new Map<string, [number, number][]>();
for (const set of referenceSets(DATA)) {
  for (const doc of set.docs) {
    if (doc.half !== 'calibrate') continue;
    let list = byLang.get(set.lang);
    if (!list) byLang.set(set.lang, (list = []));
    for (const p of doc.paragraphs) list.push([measure(p.source.join(' ')), measure(p.target.join(' '))]);
  }
}

const lines = [
  '# How long an English translation is, per source language: characters of the translation (white',
  '# space not counted) per character of the source (`ratio`), and the variance of that length per',
  '# source character (`variance`), after Gale and Church (1993). Written by scripts/source/calibrate.ts',
  '# from the calibration half of the WMT professional references (scripts/source/data.ts): `paragraphs`',
  '# is how many paragraphs of up to three sentences each figure comes from. Ukrainian has no data of its',
  '# own: it takes the Russian figures (the languages write about as long).',
  'entries:',
];
const entries: [string, { ratio: number; variance: number; n: number }][] = [];
for (const [lang, pairs] of [...byLang].sort()) {
  const s = pairs.reduce((a, [x]) => a + x, 0);
  const t = pairs.reduce((a, [, y]) => a + y, 0);
  const ratio = t / s;
  // The variance without the worst 1% of residuals (a reference that dropped or added a sentence).
  const residuals = pairs.map(([x, y]) => ((y - ratio * x) ** 2) / Math.max(x, 1)).sort((a, b) => a - b);
  const kept = residuals.slice(0, Math.ceil(residuals.length * 0.99));
  const variance = kept.reduce((a, b) => a + b, 0) / kept.length;
  entries.push([lang, { ratio, variance, n: pairs.length }]);
}
const ru = entries.find(([l]) => l === 'ru');
if (ru) entries.push(['uk', ru[1]]);
for (const [lang, e] of entries) lines.push(`  - {lang: ${lang}, ratio: ${e.ratio.toFixed(3)}, variance: ${e.variance.toFixed(3)}, paragraphs: ${e.n}}`);
writeFileSync(OUT, lines.join('\n') + '\n');
process.stdout.write(lines.slice(7).join('\n') + '\n');
