// Builds rules/source/exonyms.tsv: the names other languages give a country or a big city, beside
// its English name, so that the source-aware name checks know "Česku", "Španělska", "Moskau",
// "Vídeň" are rendered by "Czechia" (or "Czech"), "Spain", "Moscow", "Vienna" — an exonym is
// translated, not carried over, and is neither missing nor misspelt. Countries: every translation
// of mledoze/countries (its common names in two dozen languages, ODbL-1.0); cities of a million
// or more: GeoNames' alternate names in Latin and Cyrillic letters (CC BY 4.0, credit "GeoNames,
// geonames.org"); continents and regions, and Czech and German names of rivers, seas and cities GeoNames' rows miss: written by
// hand. Read in place from ../shared/data.
//
// Usage: npm run build && tsc -p tsconfig.test.json && node .test-build/scripts/source/build-exonyms.js
//        [--data ../shared/data/gazetteer] [--out rules/source/exonyms.tsv]

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const arg = (flag: string, fallback: string): string => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DATA = arg('--data', join(process.cwd(), '..', 'shared', 'data', 'gazetteer'));
const OUT = arg('--out', join(process.cwd(), 'rules', 'source', 'exonyms.tsv'));

/** Latin or Cyrillic letters only, one to three words (no abbreviations, no other scripts). */
const NAME = /^[\p{Script=Latin}\p{Script=Cyrillic}][\p{Script=Latin}\p{Script=Cyrillic}\p{M}'’.-]+(?: [\p{Script=Latin}\p{Script=Cyrillic}\p{M}'’.-]+){0,2}$/u;
const fold = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

interface Row {
  kind: 'country' | 'place';
  name: string;
  accepted: string[];
  forms: Set<string>;
}
const rows: Row[] = [];
const add = (kind: Row['kind'], name: string, accepted: string[], forms: Iterable<string>) => {
  const own = new Set([name, ...accepted].map(fold));
  const kept = new Set([...forms].filter((f) => NAME.test(f) && /^\p{Lu}\p{Ll}/u.test(f) && !own.has(fold(f)) && f.length >= 3));
  if (kept.size > 0) rows.push({ kind, name, accepted: [...new Set(accepted)].filter((a) => a !== name), forms: kept });
};

// Continents and regions (by hand): English name, English adjectives, names in ru, uk, cs, pl, de, fr, es, it.
const REGIONS: [string, string[], string[]][] = [
  ['Europe', ['European', 'Europeans'], ['Европа', 'Європа', 'Evropa', 'Europa', 'Europa', 'Europe', 'Europa', 'Europa']],
  ['Asia', ['Asian', 'Asians'], ['Азия', 'Азія', 'Asie', 'Azja', 'Asien', 'Asie', 'Asia']],
  ['Africa', ['African', 'Africans'], ['Африка', 'Afrika', 'Afryka', 'Afrique', 'África']],
  // (America in these languages often means the United States: Amerika, Америка.)
  ['America', ['American', 'Americans', 'Americas', 'United States', 'US', 'USA'], ['Америка', 'Amerika', 'Ameryka', 'Amérique', 'América']],
  ['Australia', ['Australian'], ['Австралия', 'Австралія', 'Austrálie', 'Australien', 'Australie']],
  ['Antarctica', ['Antarctic'], ['Антарктида', 'Антарктика', 'Antarktida', 'Antarktis', 'Antarktyda', 'Antarctique', 'Antártida']],
  ['Arctic', [], ['Арктика', 'Arktida', 'Arktis', 'Arktyka', 'Arctique', 'Ártico']],
  ['Balkans', ['Balkan'], ['Балканы', 'Балкани', 'Balkán', 'Balkan', 'Bałkany', 'Balcans', 'Balcanes']],
  ['Caucasus', ['Caucasian'], ['Кавказ', 'Kavkaz', 'Kaukasus', 'Kaukaz', 'Caucase', 'Cáucaso']],
  // Parts of European countries that news names (regions, lands, the UK's nations).
  ['England', ['English'], ['Англия', 'Англія', 'Anglie', 'England', 'Anglia', 'Angleterre', 'Inglaterra']],
  ['Scotland', ['Scottish', 'Scots'], ['Шотландия', 'Шотландія', 'Skotsko', 'Schottland', 'Szkocja', 'Écosse', 'Escocia', 'Scozia']],
  ['Wales', ['Welsh'], ['Уэльс', 'Уельс', 'Wales', 'Walia', 'Gales', 'Galles']],
  ['Bavaria', ['Bavarian', 'Bavarians'], ['Бавария', 'Баварія', 'Bavorsko', 'Bayern', 'Bawaria', 'Bavière', 'Baviera']],
  ['Saxony', ['Saxon'], ['Саксония', 'Саксонія', 'Sasko', 'Sachsen', 'Saksonia', 'Saxe', 'Sajonia', 'Sassonia']],
  ['Lower Saxony', [], ['Нижняя Саксония', 'Нижня Саксонія', 'Dolní Sasko', 'Niedersachsen', 'Dolna Saksonia', 'Basse-Saxe', 'Baja Sajonia', 'Bassa Sassonia']],
  ['Hesse', ['Hessian'], ['Гессен', 'Hesensko', 'Hessen', 'Hesja', 'Hesse', 'Assia']],
  ['Thuringia', ['Thuringian'], ['Тюрингия', 'Тюрингія', 'Durynsko', 'Thüringen', 'Turyngia', 'Thuringe', 'Turingia']],
  ['Brandenburg', [], ['Бранденбург', 'Braniborsko', 'Brandenburg', 'Brandenburgia', 'Brandebourg', 'Brandeburgo']],
  ['Styria', ['Styrian'], ['Штирия', 'Штирія', 'Štýrsko', 'Steiermark', 'Styria', 'Styrie', 'Estiria', 'Stiria']],
  ['Carinthia', ['Carinthian'], ['Каринтия', 'Карінтія', 'Korutany', 'Kärnten', 'Karyntia', 'Carinthie', 'Carintia']],
  ['Bohemia', ['Bohemian'], ['Богемия', 'Богемія', 'Čechy', 'Böhmen', 'Bohême', 'Bohemia', 'Boemia']],
  ['Moravia', ['Moravian'], ['Моравия', 'Моравія', 'Morava', 'Mähren', 'Morawy', 'Moravie', 'Moravia']],
  ['Silesia', ['Silesian'], ['Силезия', 'Сілезія', 'Slezsko', 'Schlesien', 'Śląsk', 'Silésie', 'Silesia', 'Slesia']],
  ['Transylvania', ['Transylvanian'], ['Трансильвания', 'Трансильванія', 'Transylvánie', 'Siebenbürgen', 'Transylwania', 'Transylvanie', 'Transilvania']],
  ['Alsace', ['Alsatian'], ['Эльзас', 'Ельзас', 'Alsasko', 'Elsass', 'Alzacja', 'Alsace', 'Alsacia', 'Alsazia']],
  ['Catalonia', ['Catalan', 'Catalans'], ['Каталония', 'Каталонія', 'Katalánsko', 'Katalonien', 'Katalonia', 'Catalogne', 'Cataluña', 'Catalogna']],
  ['Andalusia', ['Andalusian'], ['Андалусия', 'Андалусія', 'Andalusie', 'Andalusien', 'Andaluzja', 'Andalousie', 'Andalucía']],
  ['Lombardy', ['Lombard'], ['Ломбардия', 'Ломбардія', 'Lombardie', 'Lombardei', 'Lombardia', 'Lombardía']],
  ['Tuscany', ['Tuscan'], ['Тоскана', 'Toskánsko', 'Toskana', 'Toskania', 'Toscane', 'Toscana']],
  ['Sicily', ['Sicilian'], ['Сицилия', 'Сицилія', 'Sicílie', 'Sizilien', 'Sycylia', 'Sicile', 'Sicilia']],
  ['Sardinia', ['Sardinian'], ['Сардиния', 'Сардинія', 'Sardinie', 'Sardinien', 'Sardynia', 'Sardaigne', 'Cerdeña', 'Sardegna']],
  ['Corsica', ['Corsican'], ['Корсика', 'Korsika', 'Korsyka', 'Corse', 'Córcega']],
  ['Flanders', ['Flemish'], ['Фландрия', 'Фландрія', 'Flandry', 'Flandern', 'Flandria', 'Flandre', 'Flandes']],
  ['Wallonia', ['Walloon'], ['Валлония', 'Валлонія', 'Valonsko', 'Wallonien', 'Walonia', 'Wallonie', 'Valonia', 'Vallonia']],
  ['Scandinavia', ['Scandinavian'], ['Скандинавия', 'Скандинавія', 'Skandinávie', 'Skandinavien', 'Skandynawia', 'Scandinavie', 'Escandinavia']],
  ['Siberia', ['Siberian'], ['Сибирь', 'Сибір', 'Sibiř', 'Sibirien', 'Syberia', 'Sibérie']],
  ['Middle East', ['Middle Eastern'], ['Ближний Восток', 'Близький Схід', 'Blízký východ', 'Nahost', 'Bliski Wschód', 'Moyen-Orient', 'Oriente Medio']],
  ['Mediterranean', [], ['Средиземноморье', 'Středomoří', 'Mittelmeer', 'Méditerranée', 'Mediterráneo']],
  ['Baltic', ['Baltics'], ['Балтика', 'Прибалтика', 'Pobaltí', 'Baltikum', 'Bałtyk']],
  ['Crimea', ['Crimean'], ['Крым', 'Крим', 'Krym', 'Krim', 'Crimée', 'Crimea']],
  ['Donbas', ['Donbass'], ['Донбасс', 'Донбас']],
  ['Tyrol', ['Tyrolean', 'Tyrolese'], ['Тироль', 'Tyrolsko', 'Tirol', 'Tyrol', 'Tirolo']],
];
for (const [name, accepted, forms] of REGIONS) add('country', name, accepted, forms);
// Places whose other names the GeoNames rows below miss (a city under a million, a name of four letters or one that begins
// otherwise: Wien, Köln, Neapel), and rivers, seas and islands, by their Czech and German names (by hand): English name, English forms, other names.
const PLACES: [string, string[], string[]][] = [
  ['Vienna', ['Viennese'], ['Vídeň', 'Wien']],
  ['Naples', ['Napoli'], ['Neapol', 'Neapel']],
  ['Cologne', [], ['Köln']],
  ['Venice', ['Venetian'], ['Benátky', 'Venedig']],
  ['Florence', ['Florentine'], ['Florencie', 'Florenz']],
  ['Geneva', [], ['Ženeva', 'Genf']],
  ['Rome', ['Roman'], ['Řím', 'Rom']],
  ['Prague', [], ['Praha', 'Prag']],
  ['Athens', ['Athenian'], ['Atény', 'Athen']],
  ['Copenhagen', [], ['Kodaň', 'Kopenhagen']],
  ['Cairo', [], ['Káhira', 'Kairo']],
  ['Beijing', ['Peking'], ['Peking']],
  ['The Hague', ['Hague'], ['Haag', 'Den Haag']],
  ['Nuremberg', [], ['Norimberk', 'Nürnberg']],
  ['Hanover', ['Hannover'], ['Hannover']],
  ['Brunswick', ['Braunschweig'], ['Braunschweig']],
  ['Gdansk', ['Gdańsk', 'Danzig'], ['Danzig']],
  ['Wroclaw', ['Wrocław', 'Breslau'], ['Breslau']],
  ['Strasbourg', [], ['Štrasburk', 'Straßburg']],
  ['Lucerne', ['Luzern'], ['Luzern']],
  ['Rhine', [], ['Rýn', 'Rhein']],
  ['Danube', [], ['Dunaj', 'Donau']],
  ['Moselle', ['Mosel'], ['Mosel']],
  ['Lake Constance', ['Constance'], ['Bodensee']],
  ['North Sea', [], ['Nordsee']],
  ['Baltic Sea', ['Baltic'], ['Ostsee']],
  ['Pacific', ['Pacific Ocean'], ['Pacifik', 'Pazifik']],
  ['Atlantic', ['Atlantic Ocean'], ['Atlantik']],
  ['Canary Islands', ['Canaries', 'Canary'], ['Kanaren']],
  ['Balearic Islands', ['Balearics', 'Balearic'], ['Baleáry', 'Balearen']],
];
for (const [name, accepted, forms] of PLACES) add('place', name, accepted, forms);

interface Country {
  name: { common: string; official: string };
  altSpellings?: string[];
  demonyms?: { eng?: { f?: string; m?: string } };
  translations?: Record<string, { common?: string; official?: string }>;
}
const countries = JSON.parse(readFileSync(join(DATA, 'countries', 'mledoze_countries.json'), 'utf8')) as Country[];
for (const c of countries) {
  const name = c.name.common;
  const accepted = [c.demonyms?.eng?.m, c.demonyms?.eng?.f, ...(c.altSpellings ?? []).filter((a) => /^[A-Z][a-z]+(?: [A-Z][a-z]+)*$/.test(a))].filter((a): a is string => !!a);
  add('country', name, accepted, Object.values(c.translations ?? {}).flatMap((t) => [t.common ?? '']));
}

for (const line of readFileSync(join(DATA, 'geonames', 'cities15000.txt'), 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 15 || Number(f[14]) < 1e6) continue;
  const [, name, ascii, alternates] = f;
  // (GeoNames' alternate names carry codes and words of every language: only single words that begin as the English name does.)
  add('place', name, ascii !== name ? [ascii] : [], alternates.split(',').filter((a) => /^\p{L}{5,}$/u.test(a) && fold(a)[0] === fold(name)[0]));
}

const out = [
  '# Exonyms: the names other languages give a place, beside its English name, for the source-aware name checks',
  '# (rules/source/), built by scripts/source/build-exonyms.ts. Countries: the translations of mledoze/countries',
  '# (ODbL-1.0, github.com/mledoze/countries; credit "mledoze/countries, ODbL"); cities of a million or more: GeoNames',
  '# alternate names in Latin and Cyrillic letters (CC BY 4.0, credit "GeoNames, geonames.org"); continents and',
  '# regions, Czech and German names of rivers, seas and cities: written for mtlint.',
  '# name\taccepted (English forms and adjectives)\tforms (other languages)\tkind (country or place)',
  ...rows.map((r) => [r.name, r.accepted.join('|'), [...r.forms].join('|'), r.kind].join('\t')),
];
writeFileSync(OUT, out.join('\n') + '\n');
process.stderr.write(`build-exonyms: ${rows.length} places written to ${OUT}\n`);
