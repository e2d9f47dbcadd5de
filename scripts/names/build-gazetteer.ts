// Builds rules/names/gazetteer.tsv, the name list the `name` kind reads, from the shared gazetteer
// data (read in place, never copied) plus the hand-kept scripts/names/curated.tsv.
//
// Usage: npm run build && tsc -p tsconfig.test.json && node .test-build/scripts/names/build-gazetteer.js
//        [--data ../shared/data/gazetteer] [--out rules/names/gazetteer.tsv]
//
// Output: one entity per line, tab-separated: type (person | place | term), preferred name,
// accepted forms, wrong forms, other forms ("|"-separated), id (Wikidata QID, geonames:ID, cca2:XX
// or curated:slug). Accepted forms are English spellings that are not flagged; wrong forms are
// flagged with the preferred name as the fix; other forms (names in other languages, official
// long names, demonyms, loosely aligned variants) are known, so never flagged, and never proposed.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

type EntityType = 'person' | 'place' | 'term';

interface Entity {
  type: EntityType;
  name: string;
  accepted: Set<string>;
  wrong: Set<string>;
  other: Set<string>;
  id: string;
  /** Sort key for places sharing a name: the most populous wins a curated merge. */
  population: number;
}

const arg = (flag: string, fallback: string): string => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DATA = arg('--data', join(process.cwd(), '..', 'shared', 'data', 'gazetteer'));
const OUT = arg('--out', join(process.cwd(), 'rules', 'names', 'gazetteer.tsv'));
const CURATED = join(process.cwd(), 'scripts', 'names', 'curated.tsv');

if (!existsSync(DATA)) {
  process.stderr.write(`build-gazetteer: ${DATA} not found (pass --data DIR)\n`);
  process.exit(2);
}

const require = createRequire(import.meta.url);
const jaroWinkler = require('natural/lib/natural/distance/jaro-winkler_distance.js') as (a: string, b: string) => number;

// --- reading -------------------------------------------------------------------------------

/** Rows of a CSV file with a header (RFC 4180 quoting). */
function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return toRecords(rows);
}

function readTsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  return toRecords(lines.map((l) => l.split('\t')));
}

function toRecords(rows: string[][]): Record<string, string>[] {
  const [header, ...body] = rows;
  return body.filter((r) => r.some((c) => c !== '')).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

// --- names ---------------------------------------------------------------------------------

const HONORIFICS = /^(?:(?:Shri|Smt|Dr|Mr|Mrs|Ms|Prof|Sir|Dame|Hojjatoleslam|val-Moslemin)\.?\s+)+/;

/** A usable English-script form: Latin letters, starts with a capital, no digits or ids. */
function usable(name: string): boolean {
  return (
    /^\p{Lu}/u.test(name) &&
    /^[\p{Script=Latin}\p{M} .'’-]+$/u.test(name) &&
    !/^Q\d+$/.test(name) &&
    // Surname-first ALL-CAPS forms (KISHIDA Fumio) and codes.
    !name.split(/\s+/).some((t) => t.length > 1 && t === t.toUpperCase())
  );
}

function clean(name: string): string {
  return name
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(HONORIFICS, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'").toLowerCase();
}

const tokens = (name: string) => name.split(/[\s]+/).filter(Boolean);

// --- the entity table ----------------------------------------------------------------------

const byId = new Map<string, Entity>();

function entity(type: EntityType, id: string, name: string, population = 0): Entity {
  let e = byId.get(id);
  if (!e) {
    e = { type, name, accepted: new Set(), wrong: new Set(), other: new Set(), id, population };
    byId.set(id, e);
  } else {
    addVariant(e, name);
  }
  return e;
}

/**
 * Another spelling of a person: accepted when it lines up token by token with the preferred name
 * (same number of words, similar surname), otherwise only known.
 */
function addVariant(e: Entity, raw: string): void {
  const name = clean(raw);
  if (!usable(name) || name === e.name) return;
  const a = tokens(name);
  const b = tokens(e.name);
  const aligned =
    fold(name) === fold(e.name) ||
    (a.length === b.length && jaroWinkler(fold(a[a.length - 1]), fold(b[b.length - 1])) >= 0.8 && jaroWinkler(fold(a[0]), fold(b[0])) >= 0.6);
  (aligned ? e.accepted : e.other).add(name);
}

function addPerson(id: string, raw: string): void {
  const name = clean(raw);
  if (!/^Q\d+$/.test(id) || !usable(name)) return;
  entity('person', id, name);
}

const L = (f: string) => join(DATA, 'leaders', f);

// Heads of state and government (current rows only), foreign ministers, 2022 cabinets,
// Ukrainian and Russian cabinets and office holders since 2000.
for (const r of readCsv(L('heads_of_state_and_government_wikidata.csv'))) {
  if (r.end_year === '') addPerson(r.officeholder, r.officeholderLabel);
}
for (const r of readCsv(L('heads_of_state_and_government_enwiki.csv'))) {
  if (r.end_year === '' && byId.has(r.officeholder)) addVariant(byId.get(r.officeholder)!, r.officeholderlabel);
}
for (const r of readCsv(L('foreign_ministers_wikidata.csv'))) addPerson(r.person, r.name);
for (const r of readCsv(L('foreign_ministers_enwiki_list.csv'))) {
  const e = byId.get(r.person);
  if (e) addVariant(e, r.name);
  else addPerson(r.person, r.name);
}
for (const r of readTsv(L('cabinets_current_2022.tsv'))) addPerson(r.wikidata_id, r.person);
for (const f of ['ukraine_cabinet_current.csv', 'russia_cabinet_current.csv', 'ukraine_officeholders_21st_century.csv', 'russia_officeholders_21st_century.csv']) {
  for (const r of readCsv(L(f))) addPerson(r.personID, r.person);
}
// Spellings on the governments' own English sites.
for (const r of readTsv(join(DATA, 'variants', 'official_site_vs_wikidata_name_pairs.tsv'))) {
  const e = byId.get(r.wikidata_id);
  if (e && r.differs === '1') addVariant(e, r.name_as_on_source_site);
}

// Countries: GeoNames' English short name. (Demonyms and aliases come at run time from
// rules/lists/countries.yaml, which the kind reads too.)
for (const line of readFileSync(join(DATA, 'geonames', 'countryInfo.tsv'), 'utf8').split(/\r?\n/)) {
  const cells = line.split('\t');
  if (line.startsWith('#') || cells.length < 17 || !usable(cells[4])) continue;
  entity('place', `cca2:${cells[0]}`, cells[4]);
}

// Cities: capitals, cities of a million, and the cities of Ukraine, Russia and Belarus that the
// war news names (population thresholds below). GeoNames alternates are known forms only: many
// are other languages' exonyms.
const CITY = (cc: string, pop: number, code: string) =>
  pop >= 1_000_000 || code === 'PPLC' || (cc === 'UA' && pop >= 15_000) || (cc === 'RU' && pop >= 100_000) || (cc === 'BY' && pop >= 50_000);
for (const r of readTsv(join(DATA, 'geonames', 'cities15000_latin_variants.tsv'))) {
  const pop = Number(r.population);
  if (!CITY(r.country_code, pop, r.feature_code) || !usable(r.name)) continue;
  const e = entity('place', `geonames:${r.geonameid}`, r.name, pop);
  if (r.asciiname !== r.name && usable(r.asciiname)) e.accepted.add(r.asciiname);
  for (const v of r.latin_alternate_names.split('|')) {
    if (v.length > 2 && v.length <= 40 && usable(v) && v !== e.name) e.other.add(v);
  }
}

// --- curated rows --------------------------------------------------------------------------

const slug = (s: string) => fold(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function findEntity(type: EntityType, id: string, forms: string[]): Entity | undefined {
  if (id && byId.has(id)) return byId.get(id);
  const wanted = new Set(forms.map(fold));
  let best: Entity | undefined;
  for (const e of byId.values()) {
    if (e.type !== type || !(wanted.has(fold(e.name)) || [...e.accepted].some((a) => wanted.has(fold(a))))) continue;
    if (!best || e.population > best.population) best = e;
  }
  return best;
}

const split = (cell: string | undefined) => (cell ?? '').split('|').map((s) => s.trim()).filter(Boolean);

readFileSync(CURATED, 'utf8')
  .split(/\r?\n/)
  .forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [type, name, accepted, wrong, other, id] = line.split('\t');
    if (type !== 'person' && type !== 'place' && type !== 'term') throw new Error(`${CURATED}:${i + 1}: unknown type ${type}`);
    const acc = split(accepted);
    const found = findEntity(type, id ?? '', [name, ...acc]);
    const e = found ?? entity(type, id || `curated:${type}:${slug(name)}`, name);
    if (found && e.name !== name) {
      e.accepted.add(e.name);
      e.name = name;
    }
    for (const a of acc) e.accepted.add(a);
    for (const w of split(wrong)) e.wrong.add(w);
    for (const o of split(other)) e.other.add(o);
  });

// --- output --------------------------------------------------------------------------------

const ORDER: EntityType[] = ['person', 'place', 'term'];
const rows = [...byId.values()].sort(
  (a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type) || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1),
);
const lines = rows.map((e) => {
  for (const w of e.wrong) {
    e.accepted.delete(w);
    e.other.delete(w);
  }
  e.accepted.delete(e.name);
  for (const a of e.accepted) e.other.delete(a);
  e.other.delete(e.name);
  const list = (s: Set<string>) => [...s].sort().join('|');
  if (e.type === 'term') return `term\t${e.name}`;
  return [e.type, e.name, list(e.accepted), list(e.wrong), list(e.other), e.id].join('\t');
});
const header = [
  '# mtlint names gazetteer, built by scripts/names/build-gazetteer.ts; edit scripts/names/curated.tsv, not this file.',
  '# Facts from Wikidata via EveryPolitician scrapers (CC0) and GeoNames (CC BY 4.0, geonames.org);',
  '# spellings used by English-language news added by hand (scripts/names/curated.tsv).',
  '# type\tname\taccepted\twrong\tother\tid',
];
writeFileSync(OUT, [...header, ...lines, ''].join('\n'));
const count = (t: EntityType) => rows.filter((e) => e.type === t).length;
process.stdout.write(`${OUT}: ${count('person')} people, ${count('place')} places, ${count('term')} terms\n`);
