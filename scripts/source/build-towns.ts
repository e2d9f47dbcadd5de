// Builds rules/source/towns.txt: the one-word names of the towns of 15,000 people or more that GeoNames
// lists (cities15000), one per line, as the place's own name is written (Aschaffenburg, Warburg, Wesel),
// after a tab the town's one-word names in other languages that a near spelling would not meet
// (Konstanz: Constance), which render it in a translation.
// The source-aware name checks take such a word in a Latin-script source for a place (in German only where
// no article makes it a noun): what the names gazetteer (towns of 100,000 or more) does not know.
// The data is read in place from ../shared/data, never copied whole.
//
// Usage: npm run build && tsc -p tsconfig.test.json && node .test-build/scripts/source/build-towns.js
//        [--data ../shared/data/gazetteer] [--out rules/source/towns.txt]

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editDistance } from '../../src/names/similarity.js';
import { foldLatin } from '../../src/source/names.js';

const arg = (flag: string, fallback: string): string => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DATA = arg('--data', join(process.cwd(), '..', 'shared', 'data', 'gazetteer'));
const OUT = arg('--out', join(process.cwd(), 'rules', 'source', 'towns.txt'));

/** Each town's one-word name and its names in other languages that a near spelling would not meet (Konstanz: Constance). */
const towns = new Map<string, Set<string>>();
for (const line of readFileSync(join(DATA, 'geonames', 'cities15000_latin_variants.tsv'), 'utf8').split('\n').slice(1)) {
  const [, name, , , , , , alternates] = line.split('\t');
  // (A name of one word, four letters or more: the checks compare words.)
  if (!name || !/^\p{Lu}\p{Ll}{3,}$/u.test(name)) continue;
  const folded = foldLatin(name);
  const others = towns.get(name) ?? new Set<string>();
  for (const a of (alternates ?? '').split('|')) if (/^[A-Z][a-z]{3,}$/.test(a) && (foldLatin(a)[0] !== folded[0] || editDistance(foldLatin(a), folded) > 2)) others.add(a);
  towns.set(name, others);
}
const header = [
  '# Towns of 15,000 people or more, one-word names [tab: other names, |]: GeoNames cities15000 (CC BY 4.0, credit "GeoNames, geonames.org").',
  '# Built by scripts/source/build-towns.ts; do not edit by hand.',
];
const rows = [...towns].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([name, others]) => (others.size ? `${name}\t${[...others].sort().join('|')}` : name));
writeFileSync(OUT, [...header, ...rows].join('\n') + '\n');
process.stdout.write(`build-towns: ${towns.size} towns written to ${OUT}\n`);
