// Builds rules/names/real-names.txt, the list of real given names and surnames that the names
// rules never "correct" (a word that is itself somebody's name is no evidence of a misspelling),
// from the shared US name lists (read in place, never copied; both public domain):
//   - US Social Security Administration given names 1880–2023: names given to 100 or more
//     newborns in all (the list's tail, names given to five a year, holds misspellings too);
//   - US Census 1990 surnames: all 88,799; those under 0.001 % of the people (rank 18,840 on)
//     are marked rare with a final `~` (Harmann, and the odd misspelling: Muphy, Trumpp).
// Only the names are kept (no counts), folded to lower case, without the words of the English word
// list (the rules leave English words alone anyway), sorted by UTF-8 bytes for bisection.
//
// Usage: npm run build && tsc -p tsconfig.test.json && node .test-build/scripts/names/build-real-names.js
//        [--data ../shared/data/names-lists] [--out rules/names/real-names.txt]

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEnglishWord } from '../../src/engine/load.js';
import { fold } from '../../src/names/fold.js';

/** Given names given to fewer newborns than this are left out. */
export const MIN_BIRTHS = 100;

const arg = (flag: string, fallback: string): string => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DATA = arg('--data', join(process.cwd(), '..', 'shared', 'data', 'names-lists'));
const OUT = arg('--out', join(process.cwd(), 'rules', 'names', 'real-names.txt'));

if (!existsSync(DATA)) {
  process.stderr.write(`build-real-names: ${DATA} not found (pass --data DIR)\n`);
  process.exit(2);
}

/** Rows of a TSV file with a header, as records. */
function readTsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const cols = header.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((c, i) => [cols[i], c])));
}

const births = new Map<string, number>();
for (const r of readTsv(join(DATA, 'ssa-given-names.tsv'))) {
  const n = fold(r.name);
  births.set(n, (births.get(n) ?? 0) + Number(r.births));
}
const names = new Set<string>();
for (const [n, b] of births) if (b >= MIN_BIRTHS) names.add(n);
const given = names.size;
const rare = new Set<string>();
for (const r of readTsv(join(DATA, 'census1990-surnames.tsv'))) (Number(r.freq_percent) >= 0.001 ? names : rare).add(fold(r.surname));
const kept = [...names, ...[...rare].filter((n) => !names.has(n)).map((n) => `${n}~`)].filter((n) => /^[a-z'-]+~?$/.test(n) && !isEnglishWord(n.replace(/~$/, '')));
kept.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
const header = [
  '# mtlint real given names and surnames, built by scripts/names/build-real-names.ts; do not edit.',
  `# US Social Security Administration given names 1880-2023 given to ${MIN_BIRTHS}+ newborns, and US Census 1990`,
  '# surnames (both public domain); folded to lower case, English words left out, sorted. A final ~ marks a rare',
  '# surname (under 0.001 % of the people in the census).',
];
writeFileSync(OUT, [...header, ...kept].join('\n') + '\n');
process.stdout.write(`${OUT}: ${kept.length} names, ${kept.filter((n) => n.endsWith('~')).length} of them rare surnames (${given} given names of ${MIN_BIRTHS}+ births)\n`);
