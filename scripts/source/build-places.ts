// Builds rules/source/places.tsv, the Cyrillic names of places that the source-aware name checks
// look up: every country (its English name and demonyms, its Russian name from mledoze/countries),
// then every place the names gazetteer knows (rules/names/gazetteer.tsv) and every town of 15,000
// people or more in Russia, Ukraine, Belarus, Kazakhstan and Moldova, with its English name, the
// English forms the gazetteer accepts, and its Russian and Ukrainian names from GeoNames' alternate
// names (the data read in place from ../shared/data, never copied whole).
//
// Usage: npm run build && tsc -p tsconfig.test.json && node .test-build/scripts/source/build-places.js
//        [--data ../shared/data/gazetteer] [--out rules/source/places.tsv]

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainLatin, plausibleRendering } from '../../src/source/romanise.js';

const arg = (flag: string, fallback: string): string => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DATA = arg('--data', join(process.cwd(), '..', 'shared', 'data', 'gazetteer'));
const OUT = arg('--out', join(process.cwd(), 'rules', 'source', 'places.tsv'));
const GAZETTEER = join(process.cwd(), 'rules', 'names', 'gazetteer.tsv');

/** English forms by GeoNames id, from the names gazetteer. */
const known = new Map<string, { name: string; accepted: string[] }>();
for (const line of readFileSync(GAZETTEER, 'utf8').split('\n')) {
  const [type, name, accepted, , , id] = line.split('\t');
  if (type !== 'place' || !id?.startsWith('geonames:')) continue;
  known.set(id.slice('geonames:'.length), { name, accepted: accepted ? accepted.split('|') : [] });
}

/** Russian and Ukrainian letters only (other Cyrillic alphabets' names are not what a Russian or Ukrainian source writes). */
const RU_UK = /^[А-ЯЁа-яёІЇЄҐіїєґ'’ -]+$/;
const REGION = new Set(['RU', 'UA', 'BY', 'KZ', 'MD']);

interface Row {
  /** country, place (the gazetteer knows it) or town (a smaller town of the region). */
  kind: string;
  id: string;
  name: string;
  accepted: string[];
  cyrillic: string[];
  population: number;
}
const rows: Row[] = [];
for (const line of readFileSync(join(DATA, 'geonames', 'cities15000.txt'), 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 15) continue;
  const [id, name, ascii, alternates] = f;
  const country = f[8];
  const population = Number(f[14]);
  const entry = known.get(id);
  if (!entry && !REGION.has(country)) continue;
  // GeoNames lists names in every language and some that are common words ("Президент" for
  // Presidente Prudente, "Главное"): a Cyrillic name is kept when the English name is one of its
  // plausible romanisations (Москва, Moscow: no; Хабаровск, Khabarovsk: yes), or for a city of a
  // million (Пекин, Beijing).
  const forms = [entry?.name ?? name, ...(entry?.accepted ?? []), ascii];
  const plausible = (a: string) => a.split(/[\s-]+/).every((part) => forms.some((e) => e.split(/[\s-]+/).some((p) => plausibleRendering(part).test(plainLatin(p)))));
  const cyrillic = [...new Set(alternates.split(',').filter((a) => RU_UK.test(a) && !/ ош$/.test(a) && (population >= 1e6 || plausible(a))))];
  if (cyrillic.length === 0) continue;
  const english = entry?.name ?? name;
  const accepted = [...new Set([...(entry?.accepted ?? []), ...(ascii !== english ? [ascii] : [])])].filter((a) => a && a !== english);
  rows.push({ kind: entry ? 'place' : 'town', id, name: english, accepted, cyrillic, population });
}
rows.sort((a, b) => b.population - a.population || (a.name < b.name ? -1 : 1));

interface Country {
  name: { common: string };
  altSpellings?: string[];
  demonyms?: { eng?: { f?: string; m?: string } };
  translations?: { rus?: { common?: string } };
  cca2: string;
}
const countries = (JSON.parse(readFileSync(join(DATA, 'countries', 'mledoze_countries.json'), 'utf8')) as Country[])
  .filter((c) => c.translations?.rus?.common && RU_UK.test(c.translations.rus.common))
  .map((c): Row => {
    const english = c.name.common;
    // (Abbreviations English writes, UK, UAE, DPRK, but not the ISO code, GB, which is no name in prose; and US, which is.)
    const accepted = [...new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f, ...(c.altSpellings ?? []).filter((a) => /^[A-Z][a-z]+(?: [A-Z][a-z]+)*$/.test(a) || (/^[A-Z]{2,5}$/.test(a) && (a !== c.cca2 || a === 'US')))])].filter((a): a is string => !!a && a !== english);
    return { kind: 'country', id: `cca2:${c.cca2}`, name: english, accepted, cyrillic: [c.translations!.rus!.common!], population: Infinity };
  });
rows.unshift(...countries);

const out = [
  '# Cyrillic names of places, for the source-aware name checks (rules/source/), built by scripts/source/build-places.ts.',
  '# Countries first (English name, demonyms and English alternative spellings, Russian name: mledoze/countries,',
  '# ODbL-1.0, github.com/mledoze/countries); then places of rules/names/gazetteer.tsv and towns of 15,000 or more',
  '# in RU, UA, BY, KZ, MD, most populous first (Russian and Ukrainian names from GeoNames alternate names,',
  '# CC BY 4.0, credit "GeoNames, geonames.org").',
  '# kind: country, place (one the names gazetteer knows) or town (a smaller town of the region)',
  '# name\taccepted\tcyrillic\tkind\tid',
  ...rows.map((r) => [r.name, r.accepted.join('|'), r.cyrillic.join('|'), r.kind, r.id].join('\t')),
];
writeFileSync(OUT, out.join('\n') + '\n');
process.stderr.write(`build-places: ${rows.length} places written to ${OUT}\n`);
