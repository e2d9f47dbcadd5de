// Czech sources for the name checks (check-names.ts). Czech, like Russian, capitalises only names and
// a sentence's first word: a capitalised word inside a sentence is a name unless the document itself
// writes it in lower case, it is English, it heads an institution's or a title's name (translated), or
// it is an adjective; and a name reads in English nearly like its stem, case ending aside (Praze:
// Prague, Kremlu: Kremlin). Czech has no lemma list mtlint may ship; a list of the word forms Czech
// subtitles use most (czechCommon) tells a word no Czech text writes commonly, a name's look.
//
//   source  …udržel za sebou třetí Besiktas.   besiktas: no common Czech form, a name

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { editDistance } from '../names/similarity.js';
import { englishStem, exonymOf, foldLatin, LATIN_CASE_ENDING, nearly, opensSentence, townsByOtherName, type Place, type NameContext, type NameFacts, type NameRun, type NameToken, type TargetWord } from './names.js';

/** A folded Czech word without its case ending (four letters left at least): Respektu, Respektem → respekt; vlády, vláda → vlad. */
export function czechStem(folded: string): string {
  const m = /(?:ovi|ove|ovu|ovy|ich|ych|ech|ach|ami|emi|ymi|imi|eho|emu|iho|imu|ymu|yho|ou|em|om|um|ym|im|a|e|i|o|u|y)$/.exec(folded);
  return m && folded.length - m[0].length >= 4 ? folded.slice(0, -m[0].length) : folded;
}

/** A folded Czech word's stems: itself, without its case ending, and a possessive's name (Nilsenův, Netanjahuovu, Mariina: nilsen, netanjahu, mari). */
export function czechStems(folded: string): string[] {
  const possessive = /^(.{3,}?)(?:uv|ov(?:a|o|u|y|i|e|ou|ych|ym|ymi|eho|emu|em)|in(?:a|o|u|y|e|ou|ych|ym|eho|emu))$/.exec(folded);
  // (With the consonant a case ending alternates back: Praze, Praha; Karolínce, Karolínka.)
  const stem = czechStem(folded);
  const alternated = stem === folded ? stem : stem.replace(/z$/, 'h').replace(/c$/, 'k').replace(/s$/, 'ch');
  // (A place's adjective, its place: Ústecký, Ústí; Plzeňský, Plzeň. And without a point of the compass: Jihomoravský, South Moravian.)
  const place = /^(.{3,}?)[sc]k(?:y|eho|emu|em|ym|a|e|ou|ych|ymi)$/.exec(folded)?.[1];
  const compass = /^(?:jiho|severo|vychodo|zapado|stredo)(.{5,})$/.exec(stem)?.[1];
  return [...new Set([folded, stem, alternated, ...(possessive ? [possessive[1]] : []), ...(place ? [place] : []), ...(compass ? [compass] : [])])];
}

/** A folded word with the letters Czech and English spell a name's sounds with merged: ch and h, g and h (Praha: Prague), j, y and i, c, k and q, w and v, ph and f; doubled letters single. */
export function looseCzech(folded: string): string {
  return folded
    .replace(/ph/g, 'f').replace(/th/g, 't').replace(/cz/g, 'c').replace(/ch/g, 'h').replace(/ck/g, 'k')
    .replace(/g/g, 'h').replace(/[jy]/g, 'i').replace(/[cq]/g, 'k').replace(/w/g, 'v').replace(/x/g, 'ks')
    .replace(/(.)\1+/g, '$1');
}

/** A capitalised word of the translation that reads nearly like a Czech name word (folded), case ending aside: the same front (five letters, or the whole stem) or Jaro-Winkler 0.85 within two edits. */
export function czechNear(folded: string, w: TargetWord): boolean {
  const x = looseCzech(w.folded);
  // (A word of three letters only as the whole stem: Rickymu, Rick.)
  if (x.length < 4) return x.length === 3 && czechStems(folded).some((stem) => looseCzech(stem) === x);
  // (Or a part of a compound, five letters or more: Alzheimercentru, Královéhradecku: Hradec.)
  if (x.length >= 5 && looseCzech(folded).length > x.length + 2 && looseCzech(folded).includes(x)) return true;
  return czechStems(folded).some((stem) => {
    const y = looseCzech(stem);
    if (y.length < 3 || y[0] !== x[0]) return false;
    // (Four letters at least: Gott is no Hotel, g and h merged.)
    const front = Math.min(5, y.length);
    return (front >= 4 && x.slice(0, front) === y.slice(0, front)) || x === y || (y.length >= 4 && nearly(y, x));
  });
}

/**
 * Whether a Czech name word (folded) is rendered in a unit's translation past its letters: a place English names by words
 * of its own (Šumavě: the Bohemian Forest; Vysočině: the Highlands), a region named after a town of two words by the town
 * (Kutnohorsku: Kutná Hora; Českolipsku: Česká Lípa), or a word written in lower case, English or not, with the five
 * first letters of its stem (Kremlu: "a kremlin statement").
 */
export function czechRenderedOtherwise(folded: string, text: string, unit: { start: number; end: number }, words: TargetWord[], lower: TargetWord[]): boolean {
  if (CZECH_TRANSLATED_PLACES.some(([czech, english]) => czech.test(folded) && english.test(text.slice(unit.start, unit.end)))) return true;
  const x = looseCzech(folded);
  const stem = looseCzech(czechStem(folded));
  return (
    words.some((w, k) => {
      const v = words[k + 1];
      if (!v || !/^[\s\u00a0]+$/.test(text.slice(w.end, v.start))) return false;
      const [a, b] = [looseCzech(w.folded), looseCzech(v.folded)];
      return a.length >= 4 && b.length >= 3 && x.length > a.length + 3 && x.startsWith(a.slice(0, 4)) && x.slice(4).includes(b.slice(0, 3));
    }) ||
    (stem.length >= 5 && lower.some((w) => looseCzech(w.folded).startsWith(stem.slice(0, 5))))
  );
}

/**
 * Whether a Czech word (folded) is a letter from another language's name of a place the translation names in English: the
 * source misspells it (Buharsku for Bulharsku: Bulgaria). Stems of five letters or more, the same first letter.
 */
export function czechPlaceSlip(folded: string, words: TargetWord[], facts: NameFacts): boolean {
  const m = LATIN_CASE_ENDING.exec(folded);
  const stems = [folded, ...Array.from({ length: m ? m[0].length : 0 }, (_, k) => folded.slice(0, folded.length - k - 1))].map((x) => x.replace(/[aeiouy]+$/, '')).filter((x) => x.length >= 5);
  if (stems.length === 0) return false;
  const names = placeKeys(facts);
  return words.some((w) => {
    const place = exonymOf(w.text, facts);
    return !!place && (names.get(place) ?? []).some((k) => k.length >= 5 && stems.some((x) => x[0] === k[0] && editDistance(x, k) <= 1));
  });
}
/** The exonyms' keys of each place (bulharsk for Bulgaria), read once per set of facts. */
function placeKeys(facts: NameFacts): Map<Place, string[]> {
  let map = keysByPlace.get(facts);
  if (!map) {
    map = new Map();
    for (const [key, place] of facts.exonyms) map.set(place, [...(map.get(place) ?? []), key]);
    keysByPlace.set(facts, map);
  }
  return map;
}
const keysByPlace = new WeakMap<NameFacts, Map<Place, string[]>>();

/**
 * Czech places that English names by words of its own, as folded Czech forms and the English names (written for mtlint
 * from general knowledge): the Bohemian Forest, the Highlands (Vysočina), the Giant and the Ore Mountains, the Elbe, the
 * Danube, the Oder, Silesia, Wallachia, the Beskids, Bohemia.
 */
const CZECH_TRANSLATED_PLACES: [RegExp, RegExp][] = [
  [/^sumav/, /\bBohemian Forest\b/i],
  [/^vysocin/, /\bHighlands?\b/i],
  [/^krkonos/, /\bGiant Mountains\b/i],
  [/^krusn/, /\bOre Mountains\b/i],
  [/^(?:labe|labi|labem|polabi)$/, /\bElbe\b/i],
  [/^dunaj/, /\bDanube\b/i],
  [/^odr(?:a|y|u|e|ou)$/, /\bOder\b/i],
  [/^slezsk/, /\bSilesia/i],
  [/^valassk/, /\bWallachia/i],
  [/^beskyd/, /\bBeskid/i],
  [/^cech(?:y|ach|am|ami)$/, /\bBohemia/i],
];

/** The stems of a Czech text's words written in lower case: the document's own common words. */
export function czechLowerStems(text: string): Set<string> {
  return new Set((text.match(/(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]{2,}/gu) ?? []).map((w) => czechStem(foldLatin(w))));
}

/**
 * Czech, like Russian, capitalises only names and a sentence's first word: a capitalised word inside
 * a sentence is a name (Reuters, Respektu, Minaříka, Blansko; isSure asks for evidence besides) — unless the document writes it in
 * lower case elsewhere (vláda: Vláda), it is English (Total), it heads an institution's or a title's
 * name, which is translated (Sněmovna, Ministerstvo, Národní divadlo), or it is an adjective
 * (Moravskoslezský kraj, Uherského Ostrohu), which a feminine surname in -ová is not (Ladrová).
 */
export function czechCapital(run: NameRun, i: number, source: string, lower: Set<string>, ctx: NameContext): boolean {
  const t = run.tokens[i];
  if (run.initial || (i === 0 && opensSentence(source, t.start)) || t.text.includes('-')) return false;
  // (Nor the first word of a title after its kind, translated: iniciativa Zachraňme cestovní ruch, album A smrt je stéblo trávy.)
  if (i === 0 && CZECH_TITLE_BEFORE.test(source.slice(Math.max(0, t.start - 16), t.start))) return false;
  // (Nor a word of a name led by an adjective, often translated: Velké Británie, the UK — unless the name's noun is a word
  // Czech writes in no common form: Jižní Rhodesii, Southern Rhodesia; Uherského Ostrohu; Jiřího Sýkory, a given name declined as an adjective.)
  if (i > 0 && CZECH_ADJECTIVE.test(run.tokens[0].text) && !/ov(?:á|é|ou)$/.test(run.tokens[0].text) && !(run.tokens.length === 2 && czechCommon(t.keys[0]) === false)) return false;
  const folded = t.keys[0];
  if (englishStem(folded, ctx) || lower.has(czechStem(folded)) || CZECH_INSTITUTION.test(folded)) return false;
  return !CZECH_ADJECTIVE.test(t.text) || /ov(?:á|é|ou)$/.test(t.text) || czechRegion(t, source) || CZECH_VILLAGE.test(t.text) || czechAdjectiveSurname(run, i, source) || czechPossessive(folded);
}

/**
 * A possessive adjective of a name, declined as an adjective (Hamáčkovým poradcem: Hamáček's adviser; Nilsenových): -ov- or -in-
 * and an adjective's ending after a stem that Czech writes in no common form.
 */
export function czechPossessive(folded: string): boolean {
  const stem = /^(.{3,}?)(?:ov|in)(?:y|eho|emu|em|ym|ych|ymi|e|a|ou)$/.exec(folded)?.[1];
  return !!stem && czechCommon(stem) === false && czechCommon(folded) === false;
}

/**
 * A Czech surname like an adjective, alone: a hard adjective's form with no noun after it — the sentence's or a clause's end, a
 * verb in the past or a short word (uvedl Novotný.; podle Zelenského je). Not a soft adjective (Národní).
 */
export function czechAdjectiveSurname(run: NameRun, i: number, source: string): boolean {
  const t = run.tokens[i];
  if (run.tokens.length !== 1 || !/(?:ý|ého|ému|ým|á|ou)$/.test(t.text) || /ov(?:á|ou)$/.test(t.text)) return false;
  return /^(?:\s*(?:[.,;:!?)"“”]|$)|\s+(?:\p{Ll}{1,2}|\p{Ll}+l[aoiy]?|je|jsou|byl\p{Ll}*|ale|však|podle|jako|také|totiž|ještě|už|již)(?![\p{L}\p{M}]))/u.test(source.slice(t.end, t.end + 24));
}

/**
 * A Czech region's adjective before kraj, the name of a region (Moravskoslezský kraj, Ústeckém kraji, Libereckém a Ústeckém
 * kraji). Not one of Bohemia's, which English translates (Středočeský kraj: the Central Bohemian Region).
 */
export function czechRegion(t: NameToken, source: string): boolean {
  return /sk|ck/.test(t.keys[0]) && !/cesk/.test(t.keys[0]) && CZECH_ADJECTIVE.test(t.text) && BEFORE_KRAJ.test(source.slice(t.end, t.end + 40));
}
/** What follows a region's adjective: kraj, or a list of such adjectives and kraj. */
export const BEFORE_KRAJ = /^(?:(?:\s+(?:a|i|nebo)\s+|,\s*)\p{Lu}\p{Ll}+)*\s+kraj/u;

/** A Czech name word's look, with no other evidence: a feminine surname, a spelling Czech words do not have, or a kind of person, place or title in lower case right before it. */
export function czechNameLook(run: NameRun, i: number, source: string, ctx: NameContext): boolean {
  const t = run.tokens[i];
  // (Not a saint's, a king's or a pope's name, which English translates.)
  if (ruler(t, source)) return false;
  // (A given name: of the gazetteer's or the US lists, as written, or of the Czech list in any case.)
  if (t.given || ctx.realName(t.keys[0]) || czechGivenName(t, ctx.facts)) return true;
  if (czechRegion(t, source) || CZECH_VILLAGE.test(t.text) || czechAdjectiveSurname(run, i, source)) return true;
  // (A word of four letters or more that Czech writes in no common form, as written or by its stem: Besiktas, Lanzarote, Kasimpasy.
  // Not a people's name in the plural, which Czech capitalises and English may name otherwise: Čečenci, the Chechens; Kazaši.)
  if (t.keys[0].length >= 4 && czechCommon(t.keys[0]) === false && !/(?:ane|ove|[^i]ci|si)$/.test(t.keys[0])) return true;
  if (/ov(?:á|é|ou)$/.test(t.text) || CZECH_SURNAME.test(t.text) || /[wqx]|th|gh|ph|sh|ee|oo|([b-df-hj-np-tv-z])\1/.test(t.keys[0])) return true;
  return i === 0 && CZECH_KIND_BEFORE.test(source.slice(Math.max(0, run.tokens[0].start - 96), run.tokens[0].start));
}

/**
 * A Czech noun for a kind of person, organisation, place or thing, in any case, right before a name (trenér Minařík,
 * agentury Reuters, vesnice Valeč, hurikán Hanna), or before a list of names that the name ends (firmy Eni, Total a Neste).
 */
const CZECH_KIND_BEFORE = new RegExp(
  `(?:^|[\\s(])(?:${[
    'premiér', 'ministr', 'prezident', 'senátor', 'poslan', 'trenér', 'kouč', 'předsed', 'mluvčí', 'starost', 'hejtman', 'ředitel', 'šéf', 'koleg',
    'manžel', 'dcer', 'syn', 'otc', 'otec', 'matk', 'bratr', 'sestr', 'obránc', 'útočník', 'brankář', 'záložník', 'hráč', 'tenist', 'šipkař',
    'atlet', 'zpěvá', 'herc', 'herec', 'hereč', 'režisér', 'autor', 'spisovatel', 'novinář', 'analyti', 'lékař', 'profesor', 'soudc', 'advokát',
    'policist', 'vrstevník', 'partner', 'kolegyn', 'agentur', 'server', 'list', 'časopis', 'týdeník', 'stanic', 'firm', 'společnost', 'značk',
    'klub', 'tým', 'obc', 'obec', 'měst', 'vesnic', 'řek', 'ostrov', 'knihovn', 'rybník', 'hotel', 'provinci', 'oblast', 'region', 'čtvrť',
    'hurikán', 'bouř', 'tajfun', 'portál', 'web', 'dol', 'důl', 'lázn', 'zámk', 'zámek', 'hrad',
  ].join('|')})\\p{Ll}*\\s+(?:\\p{Lu}[\\p{L}\\p{M}]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}]*)*(?:\\s*,\\s*|\\s+(?:a|i|nebo|či)\\s+))*$`,
  'u',
);

/**
 * How Czech surnames that are nouns end, in any case: -ák, -ík (Novák, Minaříka), -ek, -ka with a fleeting e (Hamáček,
 * Hamáčka, Paroubkovi, Hruška), -ář (Šindelář), -il, -ál (Pospíšil, Doležal), -eš, -oš, -áš (Beneš, Bartoš). Not -sko, a
 * region's name (Hodonínsku).
 */
const CZECH_SURNAME = /(?:[áíý]k|[^aeiouyáéíóúůýěs\P{L}]e?k|ář|il|ál|[eoáíu]š)(?:a|ovi|em|u|e|ové|ů|ům|y|i)?$/u;

/** How the names of Czech villages end, in a noun's case: -ice (Černožicích, Hoslovicích), -any (Dukovanech), -ov (Šanově). */
const CZECH_VILLAGE = /(?:ic(?:e|ích|ím|emi)|an(?:y|ech|ům)|ov(?:ě|a|em))$/u;

/** A Czech adjective's ending (Moravskoslezský, Uherského, Malostranském, Národní). */
const CZECH_ADJECTIVE = /(?:ý|á|é|ého|ému|ém|ou|ých|ým|ými|í|ího|ímu|ím|ích|ími)$/;

/** A Czech noun for a kind of title right before a word (iniciativy, albu, filmem, pořadu, heslem, názvem). */
const CZECH_TITLE_BEFORE = /(?:^|[\s(])(?:iniciativ[aěyuouě]\p{Ll}*|alb(?:um|a|u|em)|knih(?:a|y|u|ou)|knize|film(?:u|em|y)?|pořad(?:u|em)?|seriál(?:u|em)?|komiks(?:u|em)?|písn(?:ě|i|ička)|píseň|projekt(?:u|em)?|kampa(?:ň|ně|ni|ní)|akc(?:e|i|í)|soutěž(?:e|i|í)?|výstav(?:a|y|u|ě|ou)|hesl(?:o|a|u|em)|motto|mott(?:a|em)|název|názv(?:u|em)|slogan(?:u|em)?|inscenac(?:e|i|í)|představení)\s+$/iu;

/** The head words of Czech institutions' and titles' names, which are translated, as stems (folded; any case ending after them): Ministerstvo, Sněmovna, Senát, Hrad, Unie. */
const CZECH_INSTITUTION = new RegExp(
  `^(?:${[
    'ministerstv', 'ministr', 'vlad', 'snemovn', 'senat', 'parlament', 'hrad', 'soud', 'urad', 'polic', 'armad', 'rad', 'komis', 'uni',
    'univerzit', 'fakult', 'akademi', 'skol', 'gymnazi', 'nemocnic', 'divadl', 'muze', 'galeri', 'knihovn', 'bank', 'stran', 'hnut',
    'agentur', 'organizac', 'spolek', 'spolk', 'svaz', 'klub', 'tym', 'kraj', 'okres', 'obec', 'mest', 'namest', 'ulic', 'trid', 'most', 'rek',
    'hor', 'pohori', 'udoli', 'ostrov', 'zaliv', 'mor', 'ocean', 'jezer', 'rybnik', 'prehrad', 'nadrazi', 'letist', 'park', 'zahrad', 'zamek',
    'zamk', 'kostel', 'katedral', 'chram', 'klaster', 'palac', 'stadion', 'aren', 'hal', 'spolecnost', 'skupin', 'fond', 'nadac',
    'institut', 'ustav', 'centr', 'zprav', 'televiz', 'rozhlas', 'radi', 'list', 'vybor', 'koalic', 'opozic', 'magistrat', 'radnic',
    'zastupitelstv', 'velvyslanectv', 'republik', 'zakon', 'umluv', 'dohod', 'smlouv', 'lig', 'pohar', 'mistrovstv', 'festival',
    'cen', 'prezident', 'premier', 'predsed', 'pan', 'pani', 'slecn', 'buh', 'boh', 'vanoc', 'velikonoc', 'zem', 'mesic', 'slunc',
    'kancelar', 'sdruzeni', 'konfederac', 'federac', 'komor', 'asociac', 'sprav', 'inspekc', 'kongres', 'shromazdeni', 'sbor', 'sluzb',
    'reditelstv', 'zapad', 'vychod', 'sever', 'jih', 'den', 'dn',
    // (Newspapers called by a common word, often translated: Deník; units named after a person: stupňů Celsia.)
    'denik', 'celsi', 'fahrenheit',
    // (Peoples that English names by words of their own: Němci, the Germans; Češi, the Czechs; Španělé.)
    'nemec', 'nemc', 'nemk', 'cech', 'ces', 'cesk', 'francouz', 'francouzk', 'spanel', 'spanelk', 'polak', 'polac', 'polk', 'madar', 'madark',
    'rec', 'reck', 'cinan', 'cinank', 'japonc', 'japonec', 'japonk', 'svycar', 'svycark', 'holandan', 'nizozemc', 'nizozemec',
    'rakusan', 'rakusank', 'rus', 'rusk', 'belorus', 'evropan', 'zid', 'chorvat', 'slovinc', 'slovinec', 'sved', 'svedk', 'prazan', 'brnan',
    'moravan', 'slezan', 'brit', 'britk', 'american', 'americank', 'angli[cč]an', 'angli[cč]ank', 'skot', 'skotk', 'irov', 'ital', 'italk',
    'kanadan', 'kanadank', 'australan', 'australank', 'ukrajin[ec]c?', 'ukrajink', 'slovac', 'slovenk', 'rumun', 'rumunk', 'bulhar', 'bulhark',
    'srb', 'srbk', 'izraelec', 'izraelc', 'izraelk', 'arab', 'arabk', 'palestin[ec]c?', 'palestink', 'egyptan', 'syran', 'iran[ec]c?', 'irak[ec]c?',
    'afghan[ec]c?', 'indov', 'pakistan[ec]c?', 'korejec', 'korejc', 'korejk', 'vietnam[ec]c?', 'mexican', 'brazilec', 'brazilc',
    'argentin[ec]c?', 'portugal[ec]c?', 'belgican', 'danov', 'norov', 'finov', 'estonec', 'estonc', 'lotys', 'litevec', 'litevc',
    'gruzin', 'armen', 'turkyn', 'afrucan', 'afrikan', 'asiat', 'evropank', 'slovan',
  ].join('|')})(?:ovi|ove|ich|ech|ach|ami|emi|imi|eho|emu|iho|imu|ie|ii|ou|em|om|um|im|ka|ky|ce|ku|kou|a|e|i|o|u|y)?$`,
);

/**
 * The names of the town (rules/source/towns.txt) a Czech word names, folded, the English first, when it is a case form of
 * a town's name in a noun's case (Kolíně, Brně: Brno, Liberci: Liberec, Praze: Praha, Prague; Drážďanech: Drážďany,
 * Dresden), a region named after it (Hodonínsku: Hodonín, Liberecka: Liberec), or before kraj, a region's adjective
 * (Libereckém kraji, Libereckém a Ústeckém kraji). Not an adjective otherwise: Severním is no Severn.
 */
export function czechTown(word: string, after: string, facts: NameFacts): string[] | undefined {
  const folded = foldLatin(word);
  const bases = [folded];
  const noun = /^(.{2,}?)(?:ech|ach|ich|ami|emi|em|ou|e|u|a|y|i|o)$/.exec(folded);
  if (noun) bases.push(noun[1]);
  // (A region's noun in -sko, -ska, -sku, -skem; not a feminine surname in -ská: Janovská is no Janov, Genoa.)
  const region = (/(?:sk|ck)(?:o|a|u|em)$/.test(word) ? /^(.{3,}?)(?:sk|(?<=c)k)(?:o|a|u|em)$/.exec(folded) : null) ?? (BEFORE_KRAJ.test(after) ? /^(.{3,}?)(?:sk|(?<=c)k)(?:y|eho|emu|em|ym|a|e|ou)$/.exec(folded) : null);
  if (region) bases.push(region[1]);
  const names = new Set([folded, ...bases.slice(1).flatMap(nominatives)]);
  const byOther = townsByOtherName(facts);
  // (Five letters or more; four only for a stem of two consonants, Brně: Brno, not Zemi, Měli, Míň.)
  const short = noun && /^[^aeiouy]*[aeiouy]?[^aeiouy]{2}$/.test(noun[1]) && noun[1].length === 3;
  for (const n of names) {
    if (n.length < (short ? 4 : 5)) continue;
    const others = facts.latinTowns.get(n);
    if (others) return [n, ...others];
    const english = byOther.get(n);
    if (english) return [english, n, ...(facts.latinTowns.get(english) ?? [])];
  }
  return undefined;
}

/** The nominatives a Czech stem (folded, its case ending cut) may have: a final vowel; a consonant that alternates before the ending, Praze: Praha; a fleeting e, Brně: Brno, Liberci: Liberec, Pavla: Pavel. */
function nominatives(stem: string): string[] {
  const alternated = [stem, stem.replace(/z$/, 'h').replace(/c$/, 'k'), ...(/[^aeiouy][^aeiouy]$/.test(stem) ? [`${stem.slice(0, -1)}e${stem.slice(-1)}`] : [])];
  return alternated.flatMap((a) => ['', 'a', 'o', 'y', 'e', 'i'].map((v) => a + v));
}

/** A Czech given name of the list (rules/source/czech-given-names.txt) in any case: Vojtěcha, Petrovi, Janě, Jiřího, Pavla. */
export function czechGivenName(t: NameToken, facts: NameFacts): boolean {
  return czechNominatives(t.keys[0]).some((n) => facts.czechGiven.has(n));
}

/** A folded Czech name word and the nominatives its case form may have (karla: karla, karel, karl…; petrovi: petr…). */
export function czechNominatives(folded: string): string[] {
  const stem = /^(.{2,}?)(?:ovi|ou|em|ho|mu|m|e|u|a|y|i|o)$/.exec(folded)?.[1];
  return [folded, ...(stem === undefined ? [] : nominatives(stem))];
}

/** A saint's, a king's or a pope's name, which English translates (svatého Václava: St Wenceslas; Karel IV.: Charles). */
function ruler(t: NameToken, source: string): boolean {
  return /(?:^|\s)(?:sv\.|svat\p{Ll}*|Panny|papež\p{Ll}*|král\p{Ll}*|knížet\p{Ll}*|kníže|císař\p{Ll}*)\s+$/u.test(source.slice(Math.max(0, t.start - 16), t.start)) || /^\s+[IVX]+\b/.test(source.slice(t.end, t.end + 6));
}


let common: Set<string> | null | undefined;
/**
 * Whether a folded Czech word is one of the forms Czech subtitles use most, as written or by its stem (czechStem);
 * undefined when the list is not installed. The list is the `@zxcvbn-ts/language-cs` package's commonWords (MIT;
 * its authors built it from Hermit Dave's FrequencyWords counts of the OpenSubtitles 2018 corpus): about 20,000
 * forms, lower case, each also without its diacritics. Names Czech films say often are on it (petra, alberta):
 * such a word is common here, which only ever keeps it from being required.
 */
export function czechCommon(folded: string): boolean | undefined {
  if (common === undefined) {
    try {
      const file = join(dirname(createRequire(import.meta.url).resolve('@zxcvbn-ts/language-cs/package.json')), 'src', 'commonWords.json');
      common = new Set();
      for (const w of JSON.parse(readFileSync(file, 'utf8')) as string[]) {
        const f = foldLatin(w);
        common.add(f).add(czechStem(f));
      }
    } catch {
      common = null;
    }
  }
  return common ? common.has(folded) || common.has(czechStem(folded)) : undefined;
}
