// The names check. A name the source writes (names.ts) is misspelled in the translation when a
// word there is one letter (of its romanisation key) away and there is evidence of the right form:
// the article spells it right elsewhere (a fix), the gazetteer knows the person or place (a fix
// when it knows one form), or the standard romanisation is a letter or two away (a suggestion).
// A person or place the source surely names (known, or a given name and a surname) that the
// translation of that unit does not name at all is reported as missing.
//
//   source  Лавров заявил…   target  Lavor said…     → Lavrov (the article writes Lavrov elsewhere)
//   source  Нови Сад…        target  (no Novi Sad)   → missing
//
// What is particular to a source language lives beside it: names-ru.ts (which capitalised Russian
// words are names, near renderings, Pinyin from Palladius), names-cs.ts (the same for Czech, which has
// no dictionary to ship), names-de.ts (German: roles, nouns in -o and -i, cognates, spellings; its nouns in
// lexicon-de.ts); names.ts reads the source's names and the facts.

import type { TextDocument } from '../text/document.js';
import type { Match } from '../types.js';
import { englishStem, opensSentence, LATIN_CASE_ENDING, REGION_NOUN, cyrillicRuns, cyrillicStem, exonymKey, exonymOf, foldLatin, GERMAN_NOUN_BEFORE, latinRuns, renders, sameStem, stemDistance, targetWord, targetWords, type NameContext, type NameFacts, type NameRun, type NameToken, type TargetWord } from './names.js';
import { czechCapital, czechGivenName, czechLowerStems, czechNominatives, czechNameLook, czechNear, czechPlaceSlip, czechRenderedOtherwise, czechStem, czechStems, looseCzech } from './names-cs.js';
import { INSTITUTION, commonWord, compound, quotedAfterKind, russianExonym, russianKept, russianPronounExcuse, nearRendering, pinyin, surnameNominative } from './names-ru.js';
import type { Pair, SourcePairs } from './pairs.js';
import { lexiconStem, russianCommonWords, russianProperNames } from './lexicon.js';
import { germanCommon, germanWord } from './lexicon-de.js';
import { GERMAN_ROLE, GERMAN_VOWEL_NOUN, cognate, englishSpelling } from './names-de.js';
import { caseStem, keyDistance, plainLatin, plausibleRendering, romanise, type RomanisationTable } from './romanise.js';

export type NameReport = 'misspelled' | 'missing';

export type { NameContext } from './names.js';

/**
 * For diagnostics only (scripts/source/why-names.ts): told why a source run was not reported
 * missing, and why a translation word was not reported misspelt. Unset in the product.
 */
export const nameTrace: { on?: (reason: string, run: NameRun | undefined, token: NameToken | undefined, word: TargetWord | undefined) => void; pair?: { source: string; start: number; end: number } } = {};
const why = (reason: string, run?: NameRun, t?: NameToken, w?: TargetWord): true => {
  nameTrace.on?.(reason, run, t, w);
  return true;
};

export function nameMatches(doc: TextDocument, sp: SourcePairs, ctx: NameContext, report: NameReport): Match[] {
  const cyrillic = sp.script === 'Cyrillic';
  const tables = cyrillic ? [ctx.tables.get(sp.lang) ?? ctx.tables.get('ru')!, ...[...ctx.tables.values()]].filter((t, i, a) => t && a.indexOf(t) === i) : [];
  const docWords = targetWords(doc.text, doc.words);
  const out: Match[] = [];
  // Russian common words (lexicon.ts): a place's name that is also a common adjective (Центральном) is the adjective.
  const common = report === 'missing' && sp.lang === 'ru' ? russianCommonWords() : undefined;
  const proper = common ? russianProperNames() : undefined;
  // Czech common words, by the document's own evidence: the stems of the source's words in lower case.
  const czechLower = report === 'missing' && sp.lang === 'cs' ? czechLowerStems(sp.pairs.map((p) => p.source).join('\n')) : undefined;
  const units = sp.pairs.map((pair) => ({
    pair,
    runs: pair.end <= pair.start || pair.source.trim() === '' ? [] : cyrillic ? cyrillicRuns(pair.source, ctx.facts, tables) : latinRuns(pair.source, ctx.facts, sp.lang, ctx.realName),
  }));
  const carried = missingEvidence(doc.text, units, docWords, cyrillic, ctx);
  // Czech: the stems and nominatives of the words the source capitalises inside a sentence as names (czechCapital); one of
  // them opening a sentence, in any case, is a name there too (Stosurová dá přednost dceři; Hanna se stala hurikánem;
  // Hamáček to odmítl, after podle Hamáčka).
  const czechMid = new Set<string>();
  if (czechLower) for (const u of units) for (const r of u.runs) r.tokens.forEach((t, i) => czechCapital(r, i, u.pair.source, czechLower, ctx) && [czechStem(t.keys[0]), ...czechNominatives(t.keys[0])].forEach((x) => czechMid.add(x)));
  const lowerCaseWords = (pair: Pair, min: number, english = true) =>
    doc.words.filter((w) => w.start >= pair.start && w.end <= pair.end && /^\p{Ll}/u.test(w.text) && w.text.length >= min && (english || !ctx.isEnglishWord(w.text.toLowerCase()))).map((w) => targetWord(doc.text, w.start, w.end));
  const czechLowerWords = (pair: Pair) => lowerCaseWords(pair, 4, false);
  const czechNameOpening = (run: NameRun) => run.tokens.length === 1 && [czechStem(run.tokens[0].keys[0]), ...czechNominatives(run.tokens[0].keys[0])].some((x) => czechMid.has(x));
  // Czech: whether the other units of the article that write a name word (by a stem) render it, nearly, in their translations.
  const czechElsewhere = (t: NameToken, unit: number): 'rendered' | 'not rendered' | 'nowhere' => {
    const stems = new Set(czechStems(t.keys[0]));
    const from = Math.max(0, unit - ARTICLE_REACH + 1);
    const others = units.slice(from, unit + ARTICLE_REACH).filter((u, k) => k + from !== unit && u.runs.some((r) => r.tokens.some((x) => czechStems(x.keys[0]).some((s) => stems.has(s)))));
    if (others.length === 0) return 'nowhere';
    return others.some((u) => docWords.some((w) => w.start >= u.pair.start && w.end <= u.pair.end && (renders(t, w, false) || czechNear(t.keys[0], w)))) ? 'rendered' : 'not rendered';
  };
  // Czech: the surnames other units of the article write after a given name (Karla Gotta: Gott, for Karla alone).
  const czechSurnamesAfter = (t: NameToken, unit: number): NameToken[] => {
    const forms = new Set(czechNominatives(t.keys[0]));
    const from = Math.max(0, unit - ARTICLE_REACH + 1);
    return units.slice(from, unit + ARTICLE_REACH).flatMap((u) => u.runs.flatMap((r) => r.tokens.filter((_, k) => k > 0 && r.tokens[k - 1] !== t && czechNominatives(r.tokens[k - 1].keys[0]).some((x) => forms.has(x)))));
  };
  for (const [unit, { pair, runs }] of units.entries()) {
    if (nameTrace.on) nameTrace.pair = pair;
    if (runs.length === 0) continue;
    const words = docWords.filter((w) => w.start >= pair.start && w.end <= pair.end);
    // (A Latin-script place's adjective, Nürnberger, by the adjective as written, the place's English name, or a word two letters from the place: Nuremberg.)
    const adjectiveRendered = (t: NameToken, w: TargetWord) =>
      !!t.noun && (sameStem(foldLatin(t.text), w.folded) || placeForm({ ...t, place: exonymOf(t.noun, ctx.facts) }, w) || (w.folded[0] === t.keys[0][0] && w.folded.length >= 5 && stemDistance(t.keys[0], w.folded) <= 2));
    // (A German word in -er no list knows may be a place's adjective too, Gmünder Kunstverein: rendered by the place, Gmünd.)
    const germanAdjective = (t: NameToken, w: TargetWord) => sp.lang === 'de' && t.keys[0].length >= 7 && t.keys[0].endsWith('er') && w.folded === t.keys[0].slice(0, -2);
    // (A German spelling of a foreign name, as English spells it: Baschar: Bashar, Tschad: Chad, Netanjahu: Netanyahu, Wladimir: Vladimir.)
    const germanSpelling = (t: NameToken, w: TargetWord) => sp.lang === 'de' && englishSpelling(t.keys[0], w.folded);
    const isRendered = (t: NameToken) => words.some((w) => renders(t, w, cyrillic) || (cyrillic ? plausibleRendering(t.noun ?? t.text).test(plainLatin(w.text)) : adjectiveRendered(t, w) || germanAdjective(t, w) || germanSpelling(t, w)));
    // Rendered past the romanisations (Пфанненштиль: Pfannenstiel, Франциск: Francis): a word of the
    // unit whose key is a letter from the name's, for a key of four letters or more; a place a
    // Latin-script source names as the gazetteer does, by a word two letters from it (Nürnberg: Nuremberg).
    const loosely = (t: NameToken) =>
      (t.known === 'place' && words.some((w) => w.folded[0] === t.keys[0][0] && w.folded.length >= 5 && stemDistance(t.keys[0], w.folded) <= 2)) ||
      (cyrillic && t.keys.some((k) => k.length >= 3 && words.some((w) => w.keys.some((wk) => wk[0] === k[0] && keyDistance(looseKey(k), looseKey(wk), 1) <= (k.length >= 4 ? 1 : 0)))));
    // Surely a name: a place or a person the gazetteer knows, a given name with a surname, or a word
    // the article carries as a name elsewhere (missingEvidence).
    const carriedElsewhere = (t: NameToken) => docWords.some((o) => (o.end <= pair.start || o.start >= pair.end) && sameStem(t.keys[0], o.folded));
    // (A Czech possessive, Nilsenův, is carried by its name.)
    const czechCarriedElsewhere = (t: NameToken) => docWords.some((o) => (o.end <= pair.start || o.start >= pair.end) && czechNear(t.keys[0], o));
    // Russian writes capitals only for names and a sentence's first word: a capitalised word inside a
    // sentence that no form of a common word explains is a name (Кузбассе, Черусти, Семиларски);
    // not a compound of an institution, often translated (Госдумы, Минобороны, Генплана, Роскомнадзор).
    // A name the dictionary lists is one too (Кузбассе, Черусти, Фобос), unless English has a form of its own
    // for it (russianExonym: Афинах, Athens; Людовика, Louis) or it is a given name alone (Кевин: a person is
    // named by the surname). Not a region's collective name (Подмосковье: the Moscow region, Заполярье), or a
    // compound ending in a common word (Балтфлота: the Baltic Fleet, Евросоюза: the EU).
    const byCapital = (run: NameRun, i: number) => {
      const t = run.tokens[i];
      const lower = t.text.toLowerCase().replace(/ё/g, 'е');
      const listed = [lower, lexiconStem(lower)].some((x) => proper?.has(x));
      // (A word opening a quotation opens a sentence: "Напомним, что…)
      const opensQuote = run.tokens.length === 1 && /[«"„“]$/.test(pair.source.slice(0, t.start)) && /^[\s\u00a0,:]/.test(pair.source.slice(t.end));
      return !!common && !run.initial && !opensQuote && !commonWord(t.text, common) && !INSTITUTION.test(t.text) && !/ь(?:е|я|ю|ем|и)$/.test(lower) && !(listed && (russianExonym(lower) || t.given || t.givenOblique)) && !compound(lower, common);
    };
    // A person's surname in the genitive after the thing named after the person, read as a place's adjective: площади
    // Дзержинского (Dzerzhinsky Square), дивизия им. Дзержинского; a name.
    const namedAfter = (t: NameToken) => !!common && /[сц]к(?:ого|ой)$/.test(t.text) && NAMED_AFTER.test(pair.source.slice(Math.max(0, t.start - 14), t.start));
    const isSure = (run: NameRun, i: number) => {
      const t = run.tokens[i];
      if (t.noun && namedAfter(t)) return true;
      // (Not a common adjective that some place is also called, before its noun: Центральном округе, Северным
      // флотом; a place's adjective read as a place that is no common word, Волгоградской but not Советского
      // (совет), and a name without a noun after it, "в Грозном)", are names.)
      // (Nor before a region's noun, a place's adjective that is a common word too: Архангельскую области, the Arkhangelsk region.)
      const region = !!t.noun && t.place?.kind !== 'town' && REGION_NOUN.test(pair.source.slice(t.end, t.end + 40));
      if (common && !region && !(t.noun && !common.has(lexiconStem(t.noun))) && ADJECTIVE_LIKE.test(t.text.toLowerCase()) && lexiconStem(t.text).length >= 3 && common.has(lexiconStem(t.text)) && !t.surnames && /^[\s\u00a0]+\p{L}/u.test(pair.source.slice(t.end, t.end + 3))) return false;
      // (A German place's adjective inside a sentence names its town or region, Kasseler Klinikum, Londoner Stadtteil:
      // rendered by the place, "a London district", "Nuremberg traffic police", or by the adjective as written,
      // Frankfurter Allgemeine. Not a country's or a region's English has an adjective for, Schweizer Kennzeichen: Swiss plates.)
      if (!cyrillic && t.noun) return sp.lang === 'de' && !run.initial && !exonymOf(t.noun, ctx.facts)?.accepted.length;
      // (A German source's foreign name by a letter German never writes, Sané, is an English word only as written.)
      if ((t.place && t.place.kind !== 'town') || t.surnames || (t.known && !ctx.isEnglishWord(sp.lang === 'de' && t.known === 'person' ? t.text.toLowerCase() : t.keys[0]))) return true;
      // A town of the region inside a sentence whose name is no common word (Кулунда; not Победа, Советск).
      if (common && t.place?.kind === 'town' && !run.initial && ![t.text, lexiconStem(t.text)].some((x) => common.has(x.toLowerCase().replace(/ё/g, 'е')))) return true;
      if ((t.given && i + 1 < run.tokens.length) || (i > 0 && run.tokens[i - 1].given)) return true;
      // Czech capitalises names only: two capitalised words together are a name (Václavu Havlovi, Erste Group
      // Bank), whatever the name lists know. Not an English word (Metro Huntera), not a place the exonyms
      // know, and not a run led by an adjective, a place or a nickname often translated (Velké Británii: the
      // UK, Severním Porýní: North Rhine, Létající Skot: the Flying Scotsman).
      if (sp.lang === 'cs' && run.tokens.length >= 2 && !englishStem(t.keys[0], ctx) && run.tokens.every((x) => !x.place) && !/(?:á|é|ý|ého|ému|ém|ou|ých|ým|ými|í|ího|ímu|ím|ích|ími)$/.test(run.tokens[0].text)) return true;
      const prev = run.tokens[i - 1];
      // After somebody's given name inside a sentence (Karla Sedláčka; not "Ein Leitstellendisponent"). In
      // German, which capitalises nouns, a name of the US lists counts only with no article or number
      // before it ("zwei Tage Urlaub", "der Roten Karte") and when no place's adjective (Schweizer Kennzeichen).
      // (Not a place: Malaysia is a given name too.)
      const givenBefore = (x: NameToken) =>
        x.place || x.known === 'place'
          ? false
          : sp.lang === 'de'
          ? ctx.facts.given.has(x.text.toLowerCase()) || (ctx.realName(x.keys[0]) && !GERMAN_NOUN_BEFORE.test(pair.source.slice(Math.max(0, x.start - 16), x.start)) && !placeAdjective(x.text, ctx.facts))
          : ctx.realName(foldLatin(x.text));
      // In German, the name after a kind of place (Stadt Aalen, Bezirk Neukölln, Grenzstadt Kaesong); not a
      // point of the compass (Landkreis Süden) or an English word.
      // (Nor a name English has its own word for, Stadt Wien: a form the gazetteer knows as another language's.)
      if (sp.lang === 'de' && prev && !t.place && /^(?:Stadt|\p{Lu}\p{Ll}*stadt|Gemeinde|Bezirk|Kreis|\p{Lu}\p{Ll}*kreis|Ortsteil|Stadtteil|Dorf|Diözese|Insel)$/u.test(prev.text) && !/^(?:Norden|Süden|Osten|Westen|Mitte)$/.test(t.text) && !englishStem(t.keys[0], ctx) && !(ctx.facts.latin.has(t.keys[0]) && !ctx.facts.latinPlaces.has(t.keys[0]) && !ctx.facts.latinTowns.has(t.keys[0]))) return true;
      // In German, the name after a person's role or a kind of thing with no article of its own, ending the phrase
      // (Trainer Sarri, Radprofi Ackermann, der Hyperschallrakete Zirkon.): German writes them so; not an English word or
      // a name English has its own word for. (Not a noun between two: "dass der Minister Gesetze erlässt".)
      if (sp.lang === 'de' && prev && i === run.tokens.length - 1 && GERMAN_ROLE.test(prev.text) && /^["“”»)]?[.,;:!?(]/.test(pair.source.slice(t.end, t.end + 2)) && !englishStem(t.keys[0], ctx) && !ctx.facts.latin.has(t.keys[0]) && !placeAdjective(t.text, ctx.facts)) return true;
      // A German source's word ending in an o or an i after a consonant, as German words seldom do (Ronaldo, Deportivo,
      // Sarri, Suzuki), inside a sentence with no article before it, is a foreign name; not one of the nouns German
      // has so (Auto, Konto, Profi, Schiri: a list written for mtlint), nor an English word.
      if (sp.lang === 'de' && !run.initial && /[^aeiouäöü](?:o|i)$/.test(t.text) && t.text.length >= 4 && !GERMAN_VOWEL_NOUN.test(t.text.toLowerCase()) && !ctx.isEnglishWord(t.text.toLowerCase()) && !GERMAN_NOUN_BEFORE.test(pair.source.slice(Math.max(0, t.start - 16), t.start))) return true;
      // A German source's capitalised word inside a sentence that no German word explains (lexicon-de.ts: no noun in any form,
      // no compound ending in one, no noun's suffix, no adjective made a noun, no word German writes in lower case) is a name
      // (Garath, Quantaz, Kaziranga, gegen Sampdoria Genua) — as a Russian capital no dictionary word explains is one (byCapital).
      // Not after an article, a number or a determiner, which make a noun of anything (die Sause, das Neue); not a hyphenated
      // word's second part or a number's name (22-Jähriger, Covid-19); not a compass point's or a region's part English
      // translates (Nordrhein, Oberbayern); not a place's other name (Lissabon) or an English word; not a given name before a
      // known name (Präsident Wladimir Putin: named by Putin).
      const next = run.tokens[i + 1];
      if (sp.lang === 'de' && !run.initial && t.text.length >= 4 && germanCommon(t.text) === false && !GERMAN_NOUN_BEFORE.test(pair.source.slice(Math.max(0, t.start - 16), t.start)) && !/-$/.test(pair.source.slice(0, t.start)) && !/^-\d/.test(pair.source.slice(t.end, t.end + 2)) && !/^(?:Nord|Süd|Ost|West|Ober|Unter|Nieder|Mittel)\p{Ll}{3}/u.test(t.text) && !ctx.facts.latinTownsByOther.has(t.keys[0]) && !ctx.isEnglishWord(t.text.toLowerCase()) && !englishStem(t.keys[0], ctx) && !(next && (next.known || next.surnames || next.place || ctx.facts.latinSurnames.has(next.keys[0])))) return true;
      if (!cyrillic && prev && givenBefore(prev) && !ctx.isEnglishWord(prev.text.toLowerCase()) && !ctx.isEnglishWord(t.keys[0]) && !opensSentence(pair.source, prev.start)) return true;
      // A Russian surname's form inside a sentence that is no common word (Миранчука, Атарбекова, Грищенко).
      // (Nor a common word's plural, Штатов: штат.)
      // (Nor a name the dictionary lists, which may have an English form of its own: Женевы, Geneva; Якова, Jacob.)
      if (common && !t.given && !t.text.includes('-') && SURNAME_FORM.test(t.text.toLowerCase()) && ![t.text, lexiconStem(t.text), t.text.replace(/(?:ов|ев|ёв)$/, '')].some((x) => common.has(x.toLowerCase().replace(/ё/g, 'е')) || proper?.has(x.toLowerCase().replace(/ё/g, 'е')))) return true;
      if (byCapital(run, i)) return true;
      // A name English keeps though the dictionary has the word or it looks like an institution's compound (russianKept: Кремля, the Kremlin; Роскосмоса, Roscosmos).
      if (common && !run.initial && russianKept(t.text)) return true;
      // A word alone in quotation marks after the kind of thing it names, a vessel's, a weapon's, a medium's, a
      // company's or a club's name (корабля "Советск", модулем "Бережок", изданием "Подъем"), which English keeps
      // even when it is a common word; not a work's title or a button's ("Пуск": the "start" button), often translated.
      if (common && run.tokens.length === 1 && quotedAfterKind(pair.source, t.start, t.end)) return true;
      // Czech capitalises names only (czechCapital): such a word is a name when the translation of another unit naming it
      // renders it — not one every other unit leaves without its rendering (Šumava: the Bohemian Forest; a title translated)
      // — or, named in no other unit, when it looks like a name (czechNameLook: Ladrová, Turów, trenér Minařík, vesnice Valeč).
      if (czechLower && (czechCapital(run, i, pair.source, czechLower, ctx) || (run.initial && czechNameOpening(run)))) {
        const elsewhere = czechElsewhere(t, unit);
        if (elsewhere === 'rendered' || (elsewhere === 'nowhere' && czechNameLook(run, i, pair.source, ctx))) return true;
      }
      // (From German, not a German word after an article, whatever the translation carries: die Deutsche, the German woman.)
      if (sp.lang === 'de' && germanWord(t.text) && GERMAN_NOUN_BEFORE.test(pair.source.slice(Math.max(0, t.start - 16), t.start))) return false;
      return !ctx.isEnglishWord(t.text.toLowerCase()) && carried(t, unit);
    };
    if (report === 'missing') {
      // More such pronouns than the source's: a person named again may be "he" or "she" in the translation (read once when
      // asked; Czech and Russian read the name's case instead).
      let pronouns: boolean | undefined;
      // The unit's words in lower case, read once when asked (Czech: no English words; Russian: five letters or more).
      let lowerWords: TargetWord[] | undefined;
      let allWords: TargetWord[] | undefined;
      for (const run of runs) {
        // (From German, a word opening a sentence that the article's translation carries elsewhere is a name there too: Seehofer lehnte ab.)
        // (Not a German word as it stands, which opens sentences and names firms: Deutsche, Wer.)
        const germanOpening = sp.lang === 'de' && run.tokens.length === 1 && !ctx.isEnglishWord(run.tokens[0].text.toLowerCase()) && !germanWord(run.tokens[0].text) && carried(run.tokens[0], unit);
        if (run.initial && !czechNameOpening(run) && !germanOpening && why('initial', run)) continue;
        // (A word like an adjective that no common word explains is a name in the adjective's form: a surname,
        // Навального, Коломойского, Вербицкий, or a place the gazetteer does not know, Кунцевский суд: Kuntsevsky Court.)
        // (Not a participle, Вооруженными Силами, or a compound, Свято-Введенском, Древнееврейское: the dictionary lists neither;
        // nor after a name, the place's adjective that says where it is: Дубки Казбековского района; nor a church's dedication,
        // translated: Успенском соборе, the Dormition Cathedral. An adjective the article's translation carries elsewhere, Канаевский:
        // Kanayevsky, is read as a name too, and isSure decides.)
        const adjective = run.tokens.map((t, i) => t.adjective && !(common && i === 0 && !CHURCH_AFTER.test(pair.source.slice(t.end, t.end + 20)) && !/-|(?:нн|ющ|ящ|ащ|ущ|вш)\p{Ll}{1,3}$/u.test(t.text) && !commonTail(t.text, common) && (byCapital(run, i) || (!!t.surnames && !run.initial))) && !(common && !run.initial && carried(t, unit)));
        if (run.tokens.every((t, i) => t.patronymic || adjective[i]) && why('adjective or patronymic', run)) continue;
        // (A given name before a particle and a surname, Olivia de Havilland, Ursula von der Leyen, is named by the surname.)
        if (!cyrillic && run.tokens.length === 1 && (run.tokens[0].given || ctx.realName(run.tokens[0].keys[0])) && NAME_PARTICLE.test(pair.source.slice(run.tokens[0].end, run.tokens[0].end + 20)) && why('given name before a particle', run)) continue;
        // A country is required after a preposition ("в России"), not as an attribute, often left out or
        // made an adjective ("ГУ МЧС России": the emergencies directorate; "флота России": the Russian Navy).
        // (Only as an attribute, in the genitive: a country named in the nominative or the accusative,
        // "разорвали ОАЭ, Саудовская Аравия, Египет", "поддержать Украину", is named.)
        // (From German, which writes a country's attribute as an adjective or a genitive, Deutschlands, only in such a
        // form: a country named as it is, Bayern, Hessen, is required anywhere; Romans, a novel's, is no Romania.)
        // From Cyrillic, only after an abbreviation in capitals ("ГУ МЧС России": the emergencies directorate;
        // "президенты России и Украины" name both).
        const before = pair.source.slice(Math.max(0, run.tokens[0].start - 12), run.tokens[0].start);
        if (run.tokens.every((t) => t.place?.kind === 'country' && !nominativeOrAccusative(t)) && !PREPOSITION.test(before) && (!cyrillic || /(?:^|[\s(])[А-ЯЁІЇЄ]{2,}\s+$/u.test(before)) && !(sp.lang === 'de' && run.tokens.every((t) => ctx.facts.exonyms.get(exonymKey(t.text)) === t.place)) && why('country without a preposition', run)) continue;
        // A place's adjective (Черноморского флота) is often translated descriptively (the Black Sea Fleet).
        // (Not before a region's noun: "в Краснодарском крае" is Krasnodar Krai, "Волгоградской области" the Volgograd region.)
        // (Not after the thing a person's name is given to: площади Дзержинского, Dzerzhinsky Square; дивизия им. Дзержинского.)
        // (From German, the adjective of a town or a region English has no adjective for (not Bavaria's, Bavarian; not a country's),
        // before a noun, is required as inside a longer name: Brandenburger SPD-Generalsekretär, the Brandenburg SPD's. Not the people, die Londoner,
        // whom English may name otherwise, Chelsea; not a German noun, Hörner.)
        const germanTownAdjective = sp.lang === 'de' && run.tokens.every((t) => t.noun && !exonymOf(t.noun, ctx.facts)?.accepted.length && !germanWord(t.text) && /^[\s\u00a0]+\p{Lu}/u.test(pair.source.slice(t.end, t.end + 3)));
        if (run.tokens.every((t, i) => (t.noun && !namedAfter(t)) || adjective[i] || t.patronymic) && !germanTownAdjective && !run.tokens.some((t) => t.noun && REGION_NOUN.test(pair.source.slice(t.end, t.end + 40))) && why("a place's adjective", run)) continue;
        const sure = run.tokens.map((t, i) => !adjective[i] && !t.patronymic && isSure(run, i));
        // (In quotation marks, a title or an organisation's name, often translated, is required only when surely a name.)
        // A surname alone may have become "he" or "she".
        // (Czech drops subject pronouns, so its count says little: there, a he or she stands for a person
        // the translation names elsewhere. From German, the he or she stands where the name stood.)
        // (From Russian, a pronoun the name's case and gender allow: Фургала, a genitive, is a his or a him, not a he.)
        const excused =
          sp.lang === 'cs'
            ? pronounNear(doc.text.slice(pair.start, pair.end), pair.source, run.tokens[0], czechPronoun(run.tokens[0]), CZECH_POSSESSIVE.test(run.tokens[0].text) ? 0.4 : NEAR) && (carriedElsewhere(run.tokens[0]) || czechCarriedElsewhere(run.tokens[0]))
            : sp.lang === 'ru'
            ? russianPronounExcuse(doc.text.slice(pair.start, pair.end), pair.source, run.tokens[0].text, run.tokens[0].start, run.tokens[0].given)
            : (pronouns ??= morePronouns(doc.text.slice(pair.start, pair.end), pair.source, sp.lang)) && (sp.lang !== 'de' || pronounNear(doc.text.slice(pair.start, pair.end), pair.source, run.tokens[0], PRONOUNS.en));
        if (excused && run.tokens.length === 1 && !run.tokens[0].place && run.tokens[0].known !== 'place' && why('pronoun excuse', run)) continue;
        // The words surely names are required (not a title beside them: Innenminister Seehofer); a
        // person is named by the surname, and a given name before it need not be rendered (unless
        // the rest is a syllable or two of an East Asian name, Ким Чен Ын: Kim Jong Un).
        const named = run.tokens.map((_, i) => i).filter((i) => sure[i]);
        if (named.length === 0 && why('not sure', run)) continue;
        // (From a Latin-script source, a given name of the US lists too: Kamil Podroužek is named by Podroužek.)
        const required = named.filter((i) => !((run.tokens[i].given || (!cyrillic && !run.tokens[i].place && ctx.realName(run.tokens[i].keys[0]))) && sure[i + 1]));
        // (A Czech run is one name: any of its words but a given name or an English word renders it,
        // Michaleovi Smithovi: Michael Smith.)
        const rendering = sp.lang === 'cs' ? run.tokens.map((_, i) => i).filter((i) => !ctx.isEnglishWord(run.tokens[i].keys[0]) && !(i + 1 < run.tokens.length && (run.tokens[i].given || ctx.realName(run.tokens[i].keys[0])))) : [];
        const req = [...rendering, ...(required.length > 0 ? required : named)];
        if (req.some((i) => isRendered(run.tokens[i]) || (cyrillic && words.some((w) => russianKept(run.tokens[i].text)?.test(w.text)))) && why('rendered', run)) continue;
        // (From German, also by an English word in lower case, the noun a name is made of: "the zircon missile". Not a word
        // English does not have, a name written in lower case, which is worth telling: "in mamming", "calbitz".)
        if (sp.lang === 'de' && lowerCaseWords(pair, 4).some((w) => ctx.isEnglishWord(w.folded) && req.some((i) => renders(run.tokens[i], w, false))) && why('rendered in lower case', run)) continue;
        // (From German, by its English cognate, a word of the unit or two joined that begin as it does, k and z read c:
        // Pandemie: pandemic, Kollision: collision, Frontairbags: front airbags; a noun the dictionary lacks.)
        if (sp.lang === 'de' && run.tokens.length === 1 && cognate(run.tokens[0].keys[0], (allWords ??= doc.words.filter((w) => w.start >= pair.start && w.end <= pair.end).map((w) => targetWord(doc.text, w.start, w.end))), doc.text) && why('rendered by a cognate', run)) continue;
        if (req.some((i) => loosely(run.tokens[i])) && why('rendered loosely', run)) continue;
        // (A name in an adjective's form is rendered by the place it is made of, too: Рузского района, the Ruza district.)
        if (cyrillic && req.some((i) => run.tokens[i].adjective && words.some((w) => /^\p{Lu}/u.test(w.text) && adjectiveBase(run.tokens[i].text, tables).some((b) => plainLatin(w.text).startsWith(b) && plainLatin(w.text).length <= b.length + 2))) && why('rendered by its place', run)) continue;
        // From Czech, a name is rendered by a capitalised word that reads nearly like it, case ending or a
        // possessive's aside (Kremlu: Kremlin, Prahy: Prague, Netanjahuovu: Netanyahu's, Aljašky: Alaska).
        // (By the last word of a name of several: Volodymyrem Zelenským is not rendered by another's Vladimir. Also
        // by a word in lower case that is no English word, as machine translation writes some names: vojtěch said.)
        if (czechLower && run.tokens.some((t, i) => req.includes(i) && i === run.tokens.length - 1 && [...words, ...(lowerWords ??= czechLowerWords(pair))].some((w) => czechNear(t.keys[0], w))) && why('rendered nearly', run)) continue;
        // (Or past its letters: Šumavě, the Bohemian Forest; Kutnohorsku, Kutná Hora; Kremlu, "a kremlin statement".)
        if (czechLower && run.tokens.some((t, i) => req.includes(i) && czechRenderedOtherwise(t.keys[0], doc.text, pair, words, lowerCaseWords(pair, 6))) && why('rendered otherwise', run)) continue;
        // (Or a place the source misspells, by the English name of the place it is a letter from: Buharsku, Bulgaria.)
        if (czechLower && run.tokens.length === 1 && !run.tokens[0].place && czechPlaceSlip(run.tokens[0].keys[0], words, ctx.facts) && why('a place misspelt', run)) continue;
        const only = run.tokens[0];
        // (A given name alone stands for the person the article names with it and a surname elsewhere: rendered by
        // that surname, Karla: Gott's. And a place by "the same region", which names it again.)
        if (czechLower && run.tokens.length === 1 && (czechGivenName(only, ctx.facts) || ctx.realName(only.keys[0])) && czechSurnamesAfter(only, unit).some((x) => words.some((w) => renders(x, w, false) || czechNear(x.keys[0], w))) && why('rendered by the surname', run)) continue;
        if (czechLower && run.tokens.length === 1 && only.known === 'place' && /\bthe same (?:region|area|district|town|city|village|place)\b/i.test(doc.text.slice(pair.start, pair.end)) && why('the same place', run)) continue;
        // (A place Czech has its own name for, Neapoli: Naples, Mnichova: Munich — by its capital, or a place the gazetteer knows by that name but
        // not in English — is rendered by a place of the gazetteer in the translation with
        // its first letter that no other name of the unit renders and that is no country's or great city's English name, which the exonyms know.)
        if (czechLower && run.tokens.length === 1 && !only.place && only.known !== 'person' && words.some((w) => looseCzech(w.folded)[0] === looseCzech(only.keys[0])[0] && ctx.facts.latinPlaces.has(w.folded) && !exonymOf(w.text, ctx.facts) && !runs.some((r) => r !== run && r.tokens.some((x) => renders(x, w, false) || czechNear(x.keys[0], w)))) && why('rendered by elimination', run)) continue;
        // A name known only by its capital may have an English form of its own (Янцзы: Yangtze, Тойнби: Toynbee):
        // a capitalised word of the unit that reads nearly like its romanisation renders it, or like any word
        // of the run that is no common word (Хосепа Гвардиолы: Guardiola) nor an adjective (Дубки Казбековского
        // района: Kazbekovsky is the district's, not the village's).
        if (cyrillic && run.tokens.some((t, i) => (req.includes(i) || (common && !t.given && !t.adjective && !commonWord(t.text, common))) && words.some((w) => nearRendering(t.text, w, tables))) && why('rendered nearly', run)) continue;
        // (A Russian loanword's capital, Турингу, may be an English word in lower case: "touring", five letters or more.)
        if (cyrillic && run.tokens.length === 1 && !run.tokens[0].place && !run.tokens[0].surnames && !run.tokens[0].given && (lowerWords ??= lowerCaseWords(pair, 5)).some((w) => nearRendering(run.tokens[0].text, w, tables)) && why('rendered nearly in lower case', run)) continue;
        if (named.some((i) => run.tokens[i].given && isRendered(run.tokens[i])) && run.tokens.slice(1).every((t) => t.text.length <= 3) && why('given name rendered', run)) continue;
        // An East Asian name opens with a family name of a syllable (Си Цзиньпин: Xi, Ким Чен Ын: Kim): rendered, it names the person.
        const family = cyrillic ? /(?:^|[\s(«"])(\p{Lu}\p{Ll}{1,2})\s+$/u.exec(pair.source.slice(Math.max(0, run.tokens[0].start - 6), run.tokens[0].start))?.[1] : undefined;
        if (family && words.some((w) => nearRendering(family, w, tables)) && why('family name rendered', run)) continue;
        // Misspelt past recognition is the misspelled-name rule's.
        if (run.tokens.some((t) => words.some((w) => misspelling(t, w, runs, docWords, cyrillic, tables, ctx) !== null)) && why('misspelt instead', run)) continue;
        why('reported', run);
        out.push({ start: pair.start, end: pair.end, data: { name: expectedName(run, tables, docWords, cyrillic, ctx), source: run.tokens.map((t) => t.text).join(' ') } });
      }
      continue;
    }
    for (const run of runs) {
      for (const t of run.tokens) {
        if (t.adjective || t.patronymic) continue;
        for (const w of words) {
          // (A place is rendered by this word only in one of its forms, not by its loose key, which Maadrid meets.)
          // (A town the source writes by another of its names, Hermannstadt, is rendered here only as written: Sibiu elsewhere in
          // the unit does not make Henmannstadt right.)
          const asWritten = sp.lang === 'de' && t.known === 'place' && t.alternates ? { ...t, alternates: undefined } : t;
          const rendered = !cyrillic && words.some((o) => renders(o === w && asWritten.place ? { ...asWritten, place: undefined } : asWritten, o, false) || (o === w && placeForm(asWritten, w)));
          if (rendered) why('the unit renders the name', undefined, t, w);
          const m = rendered ? null : misspelling(t, w, runs, docWords, cyrillic, tables, ctx);
          if (m) out.push(m);
        }
      }
    }
  }
  return out;
}

const no = (reason: string, t: NameToken, w: TargetWord): null => (why(reason, undefined, t, w), null);
const known0 = (t: NameToken, ctx: NameContext) => (nameTrace.on && (t.place || t.surnames || t.given) ? `; known: ${[...knownForms(t), ...(t.given ? givenForms(t, ctx) : [])].join('|')}` : '');

/** Units this far apart or more are not taken for one article's: a file of units without document boundaries may hold many. */
const ARTICLE_REACH = 30;

/**
 * Whether the translation treats a source word as a name elsewhere in the article: it carries the
 * word (a form of it that is not an English word: Ende is not carried by "End") in another unit
 * nearby, and in as many as the source writes it in. A common word the translation kept once
 * inside a title (Welt am Sonntag), or in a headline left untranslated, while translating it
 * everywhere else (am Sonntag: on Sunday) is no name — in an article of a thousand units as in one of ten.
 * From Cyrillic, in half as many: a romanisation is no English word by chance, and a name English now keeps, now
 * translates (Роскомнадзор: Roskomnadzor, the media regulator) is a name where the article keeps it as often as not.
 */
function missingEvidence(text: string, units: readonly { pair: Pair; runs: NameRun[] }[], docWords: TargetWord[], cyrillic: boolean, ctx: NameContext): (t: NameToken, unit: number) => boolean {
  // A unit the translation left mostly in the source's words (a headline left untranslated) carries every word: no evidence.
  const verbatim = units.map((u) => !cyrillic && mostlyKept(text.slice(u.pair.start, u.pair.end), u.pair.source, ctx.isEnglishWord));
  const stem = (x: NameToken) => (cyrillic ? cyrillicStem(x.noun ?? x.text) : x.keys[0]);
  // The source's name words by their first three letters (compared below by stem).
  const byPrefix = new Map<string, { token: NameToken; unit: number }[]>();
  units.forEach((u, unit) => {
    for (const r of u.runs) for (const token of r.tokens) {
      const key = stem(token).slice(0, 3);
      const list = byPrefix.get(key);
      if (list) list.push({ token, unit });
      else byPrefix.set(key, [{ token, unit }]);
    }
  });
  // (-1: a word of the translation outside every unit.)
  const unitAt = (offset: number) => units.findIndex((u) => offset >= u.pair.start && offset < u.pair.end);
  const memo = new Map<string, { carriedIn: number[]; carriedAloneIn: number[]; writtenIn: number[] }>();
  // (From a Latin-script source, a word the translation carries only inside a longer name, "Serie A",
  // "Bundesstrasse 83", is no evidence for the word alone: "in Serie", "die Bundesstraße war gesperrt".)
  const inLonger = (w: TargetWord) => /^[\s\u00a0]+(?:\p{Lu}(?!\p{L})|\d)/u.test(text.slice(w.end, w.end + 4));
  const alone = (t: NameToken, unit: number) => {
    const pair = units[unit].pair;
    return !units[unit].runs.some((r) => r.tokens.length > 1 && r.tokens.includes(t)) && !/^[\s\u00a0]+\d/.test(pair.source.slice(t.end, t.end + 3));
  };
  return (t, unit) => {
    const s = stem(t);
    const id = cyrillic ? t.noun ?? t.text : s;
    let facts = memo.get(id);
    if (!facts) {
      const form = cyrillic ? plausibleRendering(t.noun ?? t.text) : undefined;
      const carries = (w: TargetWord) => (form ? form.test(plainLatin(w.text)) : sameStem(s, w.folded)) && !ctx.isEnglishWord(w.text.toLowerCase());
      const same = (x: NameToken) => (cyrillic ? stem(x) === s : sameStem(s, x.keys[0]) || sameStem(x.keys[0], s));
      facts = {
        carriedIn: [...new Set(docWords.filter(carries).map((w) => unitAt(w.start)))],
        carriedAloneIn: [...new Set(docWords.filter((w) => carries(w) && !inLonger(w)).map((w) => unitAt(w.start)))],
        writtenIn: [...new Set((byPrefix.get(s.slice(0, 3)) ?? []).filter((e) => same(e.token)).map((e) => e.unit))],
      };
      memo.set(id, facts);
    }
    const near = (k: number) => k !== unit && (k < 0 || Math.abs(k - unit) < ARTICLE_REACH);
    const carried = (!cyrillic && alone(t, unit) ? facts.carriedAloneIn : facts.carriedIn).filter((k) => near(k) && !verbatim[k]).length;
    return carried > 0 && carried * (cyrillic ? 2 : 1) >= facts.writtenIn.filter(near).length;
  };
}

/** The translation is its source, or half its words in lower case or more are the source's, two of them or more no English words. */
function mostlyKept(target: string, source: string, isEnglishWord: (lower: string) => boolean): boolean {
  const norm = (x: string) => x.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
  if (norm(target) === norm(source)) return true;
  const src = new Set(source.toLowerCase().match(/[\p{L}\p{M}]{2,}/gu) ?? []);
  const words = (target.match(/[\p{L}\p{M}]{2,}/gu) ?? []).filter((w) => !/^\p{Lu}/u.test(w));
  const kept = words.filter((w) => src.has(w));
  return words.length >= 3 && kept.filter((w) => w.length >= 3 && !isEnglishWord(w)).length >= 2 && kept.length * 2 >= words.length;
}

/** A translation's word that is one of the English forms of the source word's place, or its -s (Czechs): not merely its loose key, which Maadrid meets. */
function placeForm(t: NameToken, w: TargetWord): boolean {
  return !!t.place && [t.place.name, ...t.place.accepted].some((f) => f.split(/[\s-]+/).some((part) => [foldLatin(part), `${foldLatin(part)}s`].includes(w.folded)));
}

/** Russian and Ukrainian surname and place stems, whose romanisation is regular enough to suggest. */
const SLAVIC = /(?:ов|ев|ёв|ин|ын|ск|цк|енк|ук|юк|чук|вич|ич|як|ак|ишин)$/;

/**
 * A finding for translation word `w` if it misspells source name word `t`: `w` is no plausible
 * romanisation of `t` (plausibleRendering), yet has its key or a key one letter off — and there
 * is evidence of the right form: the article elsewhere (a fix), the gazetteer (a fix when it
 * knows one form), or, for a Russian or Ukrainian surname or place, the standard romanisation (a
 * suggestion). From a Latin-script source, a word one letter off the source's form (its case
 * ending aside) is suggested the name as the article writes it elsewhere, or the source's form
 * without its case ending (sourceForm), or a place's English name.
 */
function misspelling(t: NameToken, w: TargetWord, runs: NameRun[], docWords: TargetWord[], cyrillic: boolean, tables: RomanisationTable[], ctx: NameContext): Match | null {
  // Not an abbreviation in capitals, a word with digits (Sakhalin-1), English, or a name the gazetteer knows.
  if (w.text.length < 4 || /\p{Lu}/u.test(w.text.slice(1)) || /\d/.test(w.text)) return no('short, capitals or digits', t, w);
  if (ctx.isEnglishWord(w.text.toLowerCase()) || ctx.isEnglishWord(w.folded) || (w.text.includes('-') && w.folded.split('-').every((p) => ctx.isEnglishWord(p)))) return no('an English word', t, w);
  if (ctx.facts.latin.has(w.folded) || ctx.facts.latin.has(w.folded.replace(/s$/, ''))) return no('a known name', t, w);
  const edit = (text: string) => ({ start: w.start, end: w.end, text });
  if (!cyrillic) {
    // A place the source names in its own language is rendered by its English name: a word one
    // letter off that is misspelt (Iraque for Iráku: Iraq), never one a letter off the source's form.
    if (t.place) {
      const forms = [t.place.name, ...t.place.accepted].filter((f) => !f.includes(' '));
      if (placeForm(t, w)) return no('renders the place', t, w);
      const near = forms.filter((f) => keyDistance(foldLatin(f), w.folded, 2) === 1 && foldLatin(f)[0] === w.folded[0]);
      if (near.length > 0 && !ctx.realName(w.folded)) {
        return { start: w.start, end: w.end, replacements: near.map(edit), ...(near.length > 1 ? { safety: 'suggest' as const } : {}), data: { name: near[0], source: t.text, evidence: 'the gazetteer' } };
      }
    }
    // (A German place's adjective is compared as the place and as itself: Londdon, Osnabrükcer.)
    const key = [t.keys[0], ...(t.noun ? [foldLatin(t.text)] : [])].find((k) => stemDistance(k, w.folded) === 1);
    if (!key) return no('distance', t, w);
    if (declension(key, w.folded)) return no('declension', t, w);
    if (runs.some((r) => r.tokens.some((x) => x !== t && sameStem(x.keys[0], w.folded)))) return no('another source name', t, w);
    // Evidence that this is the name and not a translation of it (Evropu: Europe): the article
    // carries the source's form elsewhere, or the name's other word stands right beside it (Filip Novac).
    const run = runs.find((r) => r.tokens.includes(t))!;
    const elsewhere = docWords.filter((o) => o !== w && sameStem(key, o.folded));
    const beside = run.tokens.some((x) => x !== t && docWords.some((o) => sameStem(x.keys[0], o.folded) && (Math.abs(o.end + 1 - w.start) <= 1 || Math.abs(w.end + 1 - o.start) <= 1)));
    // Or the source word is a name (not one opening a sentence, not German, which capitalises every
    // noun), the translation's word is nobody's real name, and the two differ inside the word, not
    // only in an ending (Deutschen: Deutsche is declension, Washiington is a misspelling).
    const inside = !run.initial && !ctx.realName(w.folded) && !endingOnly(key, w.folded);
    if (elsewhere.length === 0 && !beside && !inside) return no(run.initial ? 'no evidence (initial)' : ctx.realName(w.folded) ? 'no evidence (a real name)' : 'no evidence (ending only)', t, w);
    // What to write: a place by its English name, two letters off at most (Iráku: Iraq for Iraque), else
    // nothing but the report; a person as the article writes the name elsewhere (Jonah beside Jonáš), else
    // the source's form without its case ending (Minaříkovy: Minařík), with its diacritics unless the
    // article writes none.
    if (t.place) {
      const far = (f: string) => (f.includes(' ') || foldLatin(f)[0] !== w.folded[0] ? 3 : keyDistance(foldLatin(f), w.folded, 2));
      const forms = [t.place.name, ...t.place.accepted].filter((f) => far(f) <= 2);
      // (The nearest forms; the place's name among them alone: Iraq, not Iraqi.)
      const nearest = forms.filter((f) => far(f) === Math.min(...forms.map(far)));
      const english = nearest.includes(t.place.name) ? [t.place.name] : nearest;
      // (Unless the word is nearer the source's own form, which the article writes elsewhere, FC Bayern, or
      // carries in a name of more words, Europa League.)
      const nearer = (f: string | undefined) => !!f && keyDistance(foldLatin(f), w.folded, 3) < Math.min(3, ...english.map(far));
      const written = nearestFrequent(elsewhere.map((o) => o.text), w);
      if (nearer(written)) return { start: w.start, end: w.end, replacements: [edit(written!)], safety: 'suggest', data: { name: written!, source: t.text, evidence: 'the article elsewhere' } };
      const own = sourceForm(t, w);
      if (run.tokens.length > 1 && nearer(own)) return { start: w.start, end: w.end, replacements: [edit(own)], safety: 'suggest', data: { name: own, source: t.text, evidence: 'the source' } };
      if (english.length === 0) return { start: w.start, end: w.end, message: PLACE_MESSAGE, data: { name: t.place.name, source: t.text } };
      return { start: w.start, end: w.end, replacements: english.map(edit), safety: 'suggest', data: { name: english[0], source: t.text, evidence: 'the gazetteer' } };
    }
    // (The article's form when it is as near the word as the source's: Anderson, not the article's Andersons, for Andevson.)
    const stem = sourceForm(t, w);
    const article = nearestFrequent(elsewhere.map((o) => o.text), w);
    if (article && keyDistance(foldLatin(article), w.folded, 3) <= keyDistance(foldLatin(stem), w.folded, 3)) return { start: w.start, end: w.end, replacements: [edit(article)], safety: 'suggest', data: { name: article, source: t.text, evidence: 'the article elsewhere' } };
    const form = /[^\x00-\x7f]/.test(w.text) || docWords.some((o) => /[^\x00-\x7f]/.test(o.text)) ? stem : foldCase(stem);
    return { start: w.start, end: w.end, replacements: [edit(form)], safety: 'suggest', data: { name: form, source: t.text, evidence: 'the source' } };
  }
  // A hyphenated name (Петропавловск-Камчатский) is matched word by word by the translation.
  if (t.text.includes('-')) return no('hyphenated source', t, w);
  const plain = plainLatin(w.text);
  const rendering = plausibleRendering(t.noun ?? t.text);
  // (A letter three times in a row renders nothing: Kuzbasss.)
  if (rendering.test(plain) && !/(.)\1\1/.test(plain)) return no('a plausible rendering', t, w);
  // (Written with one letter fewer, it renders the source's name: suggested.)
  const tripled = /(.)\1\1/.exec(w.text);
  if (tripled && rendering.test(plainLatin(w.text.slice(0, tripled.index) + w.text.slice(tripled.index + 1)))) {
    const form = w.text.slice(0, tripled.index) + w.text.slice(tripled.index + 1);
    return { start: w.start, end: w.end, replacements: [edit(form)], safety: 'suggest', data: { name: form, source: t.text, evidence: 'the romanisation' } };
  }
  // A word that renders another name of the source is that name.
  if (runs.some((r) => r.tokens.some((x) => x !== t && (plausibleRendering(x.noun ?? x.text).test(plain) || x.keys.some((k) => w.keys.includes(k)))))) return no("renders another name", t, w);
  // The right forms, by their evidence: the article's own renderings of the name, the gazetteer's
  // forms of the person or place, and (a guess, for Russian and Ukrainian surnames and places) the
  // standard romanisation. `w` misspells one it is a letter (two, for a long name) away from.
  const near = (f: string) => {
    const a = plainLatin(f);
    if (a[0] !== plain[0]) return false;
    const d = keyDistance(a, plain, 3);
    return d >= 1 && d <= (a.length >= 6 ? 2 : 1);
  };
  const counts = new Map<string, number>();
  for (const o of docWords) if (o.text !== w.text && near(o.text) && rendering.test(plainLatin(o.text))) counts.set(o.text, (counts.get(o.text) ?? 0) + 1);
  if (counts.size > 0) {
    const best = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    return { start: w.start, end: w.end, replacements: [edit(best)], data: { name: best, source: t.text, evidence: 'the article elsewhere' } };
  }
  // (A given name's English forms are many, Artur and Arthur, Nikolay and Nicholas: one that is somebody's real given name is no misspelling.)
  const knownAll = [...knownForms(t), ...(t.given && !ctx.realName(w.folded) ? givenForms(t, ctx) : [])];
  // A derivation of a known form (Russians, Americans) is none of its misspellings.
  if (knownAll.some((f) => new RegExp(`^${plainLatin(f)}(?:n|an|ian|ns|ans|ians|ese|ish|i|s)$`).test(plain))) return no('a derivation', t, w);
  const known = knownAll.filter(near);
  if (known.length > 0) {
    return { start: w.start, end: w.end, replacements: known.map(edit), ...(known.length > 1 ? { safety: 'suggest' as const } : {}), data: { name: known[0], source: t.text, evidence: 'the gazetteer' } };
  }
  const romanAll = [...new Set(tables.map((tb) => romanise(t.noun ? restoreCase(t.text, t.noun) : nominative(t.text, w.text), tb)))];
  // A typo undone renders the name (Fraancis: Francis, Tillmrson: Tillerson, Cheruti: Cherusti): suggested, when the
  // word is nobody's real name and reads near the name's romanisation; undone inside the name's stem, not in the
  // endings a rendering may take (Valais is no Вале misspelt). Of several, the nearest the romanisation, and only
  // nearer it than the word (Fadey is no Faddy for Фаддей).
  const romanised = romanAll.map(plainLatin);
  if (!ctx.realName(w.folded) && romanised.some((r) => r[0] === plain[0] && keyDistance(r, plain, 3) <= 3)) {
    const stem = Math.min(...tables.map((tb) => romanise(caseStem((t.noun ?? t.text).toLowerCase()), tb).length));
    const far = (f: string) => Math.min(...romanised.map((r) => keyDistance(r, plainLatin(f), 8)));
    const strict = plausibleRendering(t.noun ?? t.text, false);
    const fixed = typoRepairs(w.text, stem).filter((f) => strict.test(plainLatin(f)));
    const best = fixed.sort((a, b) => far(a) - far(b))[0];
    if (best && far(best) < far(w.text)) return { start: w.start, end: w.end, replacements: [edit(best)], safety: 'suggest', data: { name: best, source: t.text, evidence: 'the romanisation' } };
  }
  if (!SLAVIC.test(caseStem((t.noun ?? t.text).toLowerCase()))) return no(`no evidence (not Slavic${known0(t, ctx)})`, t, w);
  const roman = romanAll.filter(near);
  if (roman.length === 0) return no('romanisation not near', t, w);
  return { start: w.start, end: w.end, replacements: roman.map(edit), safety: 'suggest', data: { name: roman[0], source: t.text, evidence: 'the romanisation' } };
}

/**
 * A word with one typo undone, its first letter kept and only before `within` (the name's stem: Toynbee
 * is no Тойнби misspelt): one of a doubled a, i, u or y dropped (not a consonant, which the name's
 * own spelling may double where Russian does not, Reddit, Tinkoff, nor ee, oo: Geert), two letters swapped (not the last two:
 * centre, center), a consonant dropped (not an h, nor a vowel, which English has where Russian has
 * none: Mahrez, Chechen), a letter put back (not doubling one, nor a vowel beside a vowel: Fadey for
 * Фаддей and Sodla for Соодла are renderings), or a vowel written for a consonant or the reverse (not
 * u for v or w, one sound's spellings: Guardiola, Gvardiola).
 */
function typoRepairs(word: string, within = word.length): string[] {
  const out: string[] = [];
  const vowel = (c: string) => 'aeiou'.includes(c);
  // (Not h, j, y; v and w, but not for u, whose sound they spell too.)
  const consonant = (c: string) => 'bcdfgklmnpqrstvwxz'.includes(c);
  const lower = word.toLowerCase();
  for (let i = 1; i < Math.min(within, word.length); i++) {
    const c = lower[i];
    if (c === lower[i - 1] && 'aiuy'.includes(c)) out.push(word.slice(0, i) + word.slice(i + 1));
    if (i + 2 < Math.min(within, word.length) && c !== lower[i + 1]) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    if (consonant(c) && c !== lower[i - 1] && c !== lower[i + 1]) out.push(word.slice(0, i) + word.slice(i + 1));
    for (const x of 'abcdefghijklmnopqrstuvwxyz') {
      if (x !== lower[i - 1] && x !== c && !(vowel(x) && (vowel(c) || vowel(lower[i - 1])))) out.push(word.slice(0, i) + x + word.slice(i));
      if (((vowel(c) && consonant(x)) || (consonant(c) && vowel(x))) && !/^(?:u[vw]|[vw]u)$/.test(c + x)) out.push(word.slice(0, i) + x + word.slice(i + 1));
    }
  }
  return out;
}

/** For a place the source names whose English name is far from the translation's word (Praze: Prague), the report alone. */
const PLACE_MESSAGE = '`{match}` misspells `{source}` of the source, which names {name}.';

/** Of the article's forms of a name, the nearest to the misspelt word, and of those the one written most often (Anderson, not Andersons, for Andevson). */
function nearestFrequent(texts: string[], w: TargetWord): string | undefined {
  const counts = new Map<string, number>();
  for (const x of texts) counts.set(x, (counts.get(x) ?? 0) + 1);
  const far = (x: string) => keyDistance(foldLatin(x), w.folded, 3);
  return [...counts].sort((a, b) => far(a[0]) - far(b[0]) || b[1] - a[1])[0]?.[0];
}

/**
 * The form of a Latin-script source's name that a translation's word misspells: the source word
 * with as much of its case ending cut as brings it nearest the word (Minaříkovy: Minařík for
 * Minarek; Borisova: Borisov for Borissov; Jonášově: Jonáš), a final vowel or a fleeting e put
 * back where the word has them (Hrušky: Hruška for Hruskka; Pavla: Pavel), and for a German
 * place's adjective the place as well (Londoner: London for Londdon). On a tie, the least cut.
 */
function sourceForm(t: NameToken, w: TargetWord): string {
  const candidates: string[] = [];
  const last = /[aeiouy]$/.test(w.text) ? w.text.slice(-1) : '';
  for (const base of t.noun ? [t.text, t.noun] : [t.text]) {
    const folded = foldLatin(base);
    const ending = LATIN_CASE_ENDING.exec(folded)?.[0].length ?? 0;
    for (let cut = 0; cut <= ending; cut++) {
      const stem = base.slice(0, base.length - cut);
      if (stem.length < 3 || foldLatin(stem) !== folded.slice(0, folded.length - cut)) continue;
      candidates.push(stem);
      if (cut === 0) continue;
      if (last) candidates.push(stem + last);
      const fleeting = /^(.*[^aeiouyáéíóúůýě])([klnrcz])$/iu.exec(stem);
      if (fleeting) candidates.push(`${fleeting[1]}e${fleeting[2]}`);
    }
  }
  let best = t.text;
  let distance = Infinity;
  for (const c of candidates) {
    const d = keyDistance(foldLatin(c), w.folded, 3);
    if (d < distance) [best, distance] = [c, d];
  }
  return best;
}

/** The nominative a case form of a surname most likely has, by the translation's own ending (Лаврова for Lavrova, Лавров for Lavrov). */
function nominative(word: string, like: string): string {
  const lower = word.toLowerCase();
  const feminine = /a$/i.test(like);
  const adjective = /^(.*[сц]к)(?:ого|ому|им|ом|ой|ую|ая|ий)$/.exec(lower);
  if (adjective) return restoreCase(word, adjective[1] + (feminine ? 'ая' : 'ий'));
  const possessive = /^(.*(?:ов|ев|ёв|ин|ын))(?:а|у|ым|е|ой|ы|ых|ыми)$/.exec(lower);
  if (possessive) return restoreCase(word, possessive[1] + (feminine ? 'а' : ''));
  return word;
}

function restoreCase(original: string, lower: string): string {
  return /^\p{Lu}/u.test(original) ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
}

/** Two folded words that differ only in how they end (one is the other plus letters, or they part at the last letter): a declension. */
function endingOnly(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // (Not where the word doubles a letter or drops one before the end, which no declension does: Linnz for Linz, Kazirana for Kaziranga.)
  const slip = i < b.length && ((i > 0 && b[i] === b[i - 1] && a[i] !== b[i]) || (i < a.length - 1 && b.slice(i) === a.slice(i + 1)));
  return i >= Math.min(a.length, b.length) - 1 && i >= 3 && !slip;
}

/** Two forms of one word by German or Czech declension: an ending added or changed, with the Czech consonant alternations before it (Deutschen: Deutsche, Karolínce: Karolínka, Praze: Praha, Uherského: Uherské). */
function declension(a: string, b: string): boolean {
  // (The consonant alternates only before an ending: Karolínce, karolink; Novac is no Novák.)
  const stem = (w: string) => {
    const bare = w.replace(/(?:eho|emu|iho|imu|ych|ymi|ym|im|en|em|er|es|ou|ovi|ove|ech|ach|ami|e|a|u|y|i|o|s|n|m)$/, '');
    return bare === w ? w : bare.replace(/c$/, 'k').replace(/z$/, 'h').replace(/s$/, 'ch');
  };
  return a !== b && a.length >= 4 && b.length >= 4 && stem(a) === stem(b);
}

function foldCase(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

/** A German adjective of a place: a name the gazetteer or the exonyms know, with -er (Schweizer, Londoner, Kasseler). */
function placeAdjective(word: string, facts: NameFacts): boolean {
  const m = /^(.{4,}?)(?:er|ern|ers)$/.exec(word);
  return !!m && (exonymOf(m[1], facts) !== undefined || facts.latin.has(foldLatin(m[1])));
}



/** A Russian adjective's base romanised, its suffix and ending cut, of three letters or more (Рузского: ruz, Кунцевский: kuntsev). */
function adjectiveBase(word: string, tables: RomanisationTable[]): string[] {
  const base = word.toLowerCase().replace(/(?:[сц]к|н)?(?:ий|ый|ой|ая|ое|ие|ые|ого|его|ому|ему|ым|им|ых|их|ую|ыми|ими|ом)$/, '').replace(/ь$/, '');
  return base.length < 3 ? [] : [...new Set(tables.map((tb) => plainLatin(romanise(base, tb))))];
}

/** What Russian names after a person, the surname following in the genitive (площади Дзержинского, улицы Чайковского, им. Дзержинского). */
const NAMED_AFTER = /(?:^|[\s(«"])(?:имени|им\.|площад[ьиюе]|улиц[аеыу]|проспект[аеу]?|переул(?:ок|ка|ке|ку)|бульвар[аеу]?|станци[яиюей])\s+$/;

/** A church's or a monastery's noun after its dedication (Успенском соборе, Покровской церкви, Никольского монастыря). */
const CHURCH_AFTER = /^\s+(?:собор|храм|церк|монастыр|лавр|часовн|обител|пустын|икон)/;

/** A Russian word whose end, seven letters or more after a first part of three or more, is a common word: a compound (Древнееврейское: еврейское). */
function commonTail(word: string, common: Set<string>): boolean {
  const lower = word.toLowerCase();
  for (let i = 3; i <= lower.length - 7; i++) if (commonWord(lower.slice(i), common)) return true;
  return false;
}


/** A Russian adjective's ending (Центральном, Северным, Великой). */
const ADJECTIVE_LIKE = /(?:ой|ей|ых|их|ого|его|ому|ему|ую|юю|ая|яя|ые|ие|ый|ий|ым|им|ыми|ими|ном|нем)$/;


/** A key with the classes English spellings of foreign names blur merged: ц, c and k; ш and s; з and s (Francis: франциск, Michael: майкл, Pfannenstiel: пфанненштиль). */
function looseKey(key: string): string {
  return key.replace(/[cCk]/g, 'k').replace(/[Ssz]/g, 's');
}

/** A Cyrillic place's name in the nominative (as places.tsv writes it) or a feminine accusative (Украину, Россию). */
function nominativeOrAccusative(t: NameToken): boolean {
  const lower = t.text.toLowerCase();
  return !!t.place?.cyrillic?.includes(lower) || (/[ую]$/.test(lower) && !!t.place?.cyrillic?.includes(lower.replace(/у$/, 'а').replace(/ю$/, 'я')));
}

/** A surname's particle after a given name, before the surname (Olivia de Havilland, Ursula von der Leyen, Vincent van Gogh); not an article alone (an der Suzuki der Hand-). */
const NAME_PARTICLE = /^\s+(?:de|da|di|del|della|van|von|ter|ten|zu|dos|al|el|bin|ibn)\s+(?:(?:der|den|la|le|los|las)\s+)?\p{Lu}/u;

/** A Russian surname's form: -ов, -ев and their case endings, -енко, -чук (not -ин, which Chinese names end in too: Цзиньпина, Черкасщине). */
const SURNAME_FORM = /^.{2,}(?:(?:ов|ев|ёв)(?:а|у|ым|ом|е|ой|ою|ых|ыми)?|енко|(?:ук|юк|чук)(?:а|у|ом|е)?)$/;

/** A preposition right before a word (Russian, Ukrainian, Czech, German, and the like). */
const PREPOSITION = /(?:^|[\s(«"„])(?:в|во|на|из|от|до|по|с|со|к|ко|для|между|о|об|у|через|против|из-за|у|з|із|від|до|при|v|ve|na|z|ze|do|od|k|ke|u|o|pro|mezi|in|nach|aus|von|zu|bei|mit|gegen|für|über|à|en|de|du|desde|hacia|para|entre|w|we|z|ze|do|od|przez)\s+$/iu;

const PRONOUNS: Record<string, RegExp> = {
  en: /\b(?:he|she|him|her|hers)\b/gi,
  uk: /(?<![\p{L}])(?:він|вона|його|її|йому|їй|ним|нею|нього|неї)(?![\p{L}])/giu,
  de: /(?<![\p{L}])(?:er|sie|ihn|ihm|ihr)(?![\p{L}])/giu,
};

/**
 * A he or she (him, her) of the translation where the source's name stands, as far into the unit (within NEAR of its length
 * either way): "řekl Kašpar", "he said". A name in the nominative, the subject, is a he or a she only (Stosurová oznámila, not
 * "her partner"; Kašpar uvedl, not "told him"); a possessive a his (Nilsenův), a dative a him (Rickymu).
 */
function pronounNear(target: string, source: string, t: NameToken, pronoun: RegExp, near = NEAR): boolean {
  const where = t.start / Math.max(1, source.length);
  return [...target.matchAll(pronoun)].some((m) => Math.abs(m.index / Math.max(1, target.length) - where) <= near);
}

/** The English pronoun a Czech name's case allows: a possessive his, a feminine she, a masculine nominative he, a dative him. */
function czechPronoun(t: NameToken): RegExp {
  return CZECH_POSSESSIVE.test(t.text) ? /\bhis\b/gi : /(?:ová|á)$/.test(t.text) ? /\bshe\b/gi : /[bcdfghjklmnprstvwxzčďňřšťž]$/.test(t.text) ? /\bhe\b/gi : /(?:ovi|mu)$/.test(t.text) ? /\bhim\b/gi : PRONOUNS.en;
}
const NEAR = 0.15;
/**
 * A Czech possessive's ending (Nilsenův, Rafajovy kauzy, Fričově diskografii): a his, which English puts before its noun, often
 * the sentence's first word ("Za necelý rok tak Rafajovy vyprší…": "His second term expires…"), so looked for farther (0.4).
 */
const CZECH_POSSESSIVE = /(?:ův|ov[aoyuě]|ov(?:ým|ých|ého|ému|ém|ou|ými))$/;

/** The translation has more personal pronouns than its source (a name turned into "he"); for a language without a list, any pronoun. */
function morePronouns(target: string, source: string, lang: string): boolean {
  const count = (re: RegExp, s: string) => (s.match(re) ?? []).length;
  const t = count(PRONOUNS.en, target);
  if (t === 0) return false;
  const list = PRONOUNS[lang];
  return !list || t > count(list, source);
}

/** The English spellings the gazetteer knows of a given name, those plausible for the source's (Константин: Konstantin). */
function givenForms(t: NameToken, ctx: NameContext): string[] {
  const re = plausibleRendering(t.text);
  return ctx.facts.givenForms.filter((g) => re.test(plainLatin(g)));
}

/** English forms of a known source name word: the place's name words, or the surname's spellings. */
function knownForms(t: NameToken): string[] {
  const out: string[] = [];
  if (t.place) for (const f of [t.place.name, ...t.place.accepted]) for (const part of f.split(/[\s-]+/)) if (part.length >= 3 && /^\p{Lu}/u.test(part)) out.push(part);
  if (t.surnames) out.push(...t.surnames);
  return [...new Set(out)];
}

/** How the translation should name a run, for the message: a place by its English name; a person's name as the article writes it elsewhere, else the gazetteer's or the romanisation's form. */
function expectedName(run: NameRun, tables: RomanisationTable[], docWords: TargetWord[], cyrillic: boolean, ctx: NameContext): string {
  const articleForm = (t: NameToken) => {
    const counts = new Map<string, number>();
    for (const w of docWords) if (renders(t, w, cyrillic) && !ctx.isEnglishWord(w.text.toLowerCase())) counts.set(w.text, (counts.get(w.text) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  };
  return run.tokens
    .filter((t) => !t.patronymic)
    .map((t) => t.place?.name ?? articleForm(t) ?? t.surnames?.[0] ?? (cyrillic && /цз|чж/i.test(t.text) ? restoreCase(t.text, pinyin(t.text)) : tables[0] ? romanise(cyrillic ? surnameNominative(t.text) : t.text, tables[0]) : t.text))
    .join(' ');
}
