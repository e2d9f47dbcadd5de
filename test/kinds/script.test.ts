// The script kind: foreign-script fragments, Cyrillic/Greek look-alikes in Latin words, mojibake
// (including a round trip over real text), full-width punctuation and invisible characters, with
// exact UTF-16 offsets; no finding on clean English when ../shared is present.

import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RuleError } from '../../src/engine/errors.js';
import { lintText } from '../../src/engine/lint.js';
import { BUILTIN_RULES_DIR, makeEnv } from '../../src/engine/load.js';
import { fixText } from '../../src/fix/loop.js';
import { script } from '../../src/kinds/script.js';
import type { Finding, RuleSpec } from '../../src/types.js';
import { articles as tsvArticles, readTsv } from '../../scripts/tsv.js';
import { HAS_SHARED, SHARED, rng, rule, skip } from '../helpers.js';

const linter = (id: string) => (text: string) => lintText(text, [rule(`script/${id}`)]);
const foreign = linter('foreign-script');
const homoglyph = linter('homoglyph');
const mojibake = linter('mojibake');
const fullwidth = linter('fullwidth-punctuation');
// Zero-width spaces have their own rule, off by default (docs/quality.md): both together here.
const invisible = (text: string) =>
  lintText(text, [rule('script/invisible-character'), { ...rule('script/zero-width-space'), enabled: true }]);
const spans = (found: Finding[]) => found.map((f) => [f.start, f.end, f.text]);

/** UTF-8 bytes shown as Windows-1252 (undefined bytes as C1 controls), as a broken pipeline does. */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
function mangle(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => (b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80] : String.fromCharCode(b))).join('');
}

test('foreign: a run of Cyrillic words is one finding, named by its script, with no fix', () => {
  const text = 'The newspaper «Новая газета» reported it.';
  const found = foreign(text);
  assert.equal(spans(found), [[15, 27, 'Новая газета']]);
  assert.is(found[0].message, 'Untranslated Cyrillic text `Новая газета`: translate it or delete it.');
  assert.is(found[0].fix, null);
});

test('foreign: Chinese left in the output, with its own punctuation, after astral characters', () => {
  const text = '😀 The loss exceeded 100 billion yuan.(人民币，下同 ) , far more.';
  assert.equal(spans(foreign(text)), [[text.indexOf('人'), text.indexOf('同') + 1, '人民币，下同']]);
  assert.is(text.indexOf('人'), 39);
  assert.equal(fullwidth(text), [], 'the comma belongs to the Chinese fragment');
});

test('foreign: single letters, symbols in formulas and domain names pass', () => {
  assert.equal(foreign('The ratio is close to π; 5 Ω; α-synuclein; the Δ variant; 3 μg.'), []);
  assert.equal(foreign('The site стопкоронавирус.рф reports 5,765 new cases.'), []);
  assert.equal(foreign('Talks in Кyiv resumed.'), [], 'a look-alike in a Latin word is the homoglyph rule’s');
});

test('homoglyph: look-alike letters in a mostly Latin word are fixed to Latin', () => {
  const text = '🇺🇦 Talks in Кyiv and Mоscow; the СОVID rules; Αthens.';
  const found = homoglyph(text);
  assert.equal(spans(found), [[14, 18, 'Кyiv'], [23, 29, 'Mоscow'], [35, 40, 'СОVID'], [48, 54, 'Αthens']]);
  assert.equal(found[0].fix, { start: 14, end: 18, text: 'Kyiv' });
  assert.match(found[0].message, /Cyrillic look-alike letters: use the Latin `Kyiv`/);
  assert.match(found[3].message, /Greek/);
  assert.is(fixText(text, homoglyph).output, '🇺🇦 Talks in Kyiv and Moscow; the COVID rules; Athens.');
});

test('homoglyph: Cyrillic words and Greek symbols are left alone', () => {
  assert.equal(homoglyph('The agency ТАСС and Москва; СССР; 5 μg.'), []);
  assert.equal(homoglyph('Between 22°С and 24 °С.'), [], 'a lone Cyrillic С after a degree sign is left alone');
});

test('mojibake: runs are re-decoded, twice-encoded text twice, with exact offsets', () => {
  const text = '😀 Kyivâ€™s cafÃ© in ZÃ¼rich, Ã¢â‚¬Å“doubleÃ¢â‚¬Â\u009d.';
  const found = mojibake(text);
  assert.equal(spans(found).slice(0, 1), [[7, 10, 'â€™']]);
  assert.equal(found.map((f) => f.fix?.text), ['’', 'é', 'ü', '“', '”']);
  assert.is(fixText(text, mojibake).output, '😀 Kyiv’s café in Zürich, “double”.');
});

test('mojibake: Cyrillic read as Windows-1252, one-letter words included', () => {
  const russian = 'Москва и Киев, а также В интервью.';
  const text = `He wrote ${mangle(russian)} on Monday.`;
  const found = mojibake(text);
  assert.is(found.length, 1, 'whole mangled words a space apart are one finding');
  assert.equal([found[0].start, found[0].fix?.text], [9, russian.slice(0, -1)]);
  assert.is(fixText(text, mojibake).output, `He wrote ${russian} on Monday.`);
});

test('mojibake: a byte-order mark shown as text is deleted; a lost ” byte is only suggested', () => {
  assert.is(fixText('ï»¿Lavrov said so.', mojibake).output, 'Lavrov said so.');
  const text = 'He called it a â€œwarâ€\uFFFD on Monday.';
  const found = mojibake(text);
  assert.is(found[1].fix, null);
  assert.equal(found[1].suggestions, [{ start: 21, end: 24, text: '”' }]);
  assert.is(fixText(text, mojibake, 'suggest').output, 'He called it a “war” on Monday.');
});

test('mojibake: real accented text is not mojibake', () => {
  assert.equal(mojibake('“CAFÉ…” read the sign at NIÑO’S in São Paulo; INFORMAÇÕES; naïve; Zürich; 5 £; ±1,100 kV.'), []);
});

test('mojibake: CRLF line ends are kept', () => {
  assert.is(fixText('Kyivâ€™s talks.\r\n\r\nMoscowâ€™s.\r\n', mojibake).output, 'Kyiv’s talks.\r\n\r\nMoscow’s.\r\n');
});

test('fullwidth: CJK punctuation between English words becomes ASCII with English spacing', () => {
  const text = 'Repairing，management (Agency（IAEA）said) reached 100％; 91.26、91.46; years，” he said.';
  assert.is(
    fixText(text, fullwidth).output,
    'Repairing, management (Agency (IAEA) said) reached 100%; 91.26, 91.46; years,” he said.',
  );
  assert.equal(fullwidth(text)[0].fix, { start: 9, end: 10, text: ', ' });
});

test('invisible: zero-width spaces and soft hyphens are deleted; joiners in emoji and scripts stay', () => {
  const text = 'The area of \u200b\u200bTianjin and her \u00adabsences.';
  const found = invisible(text);
  assert.equal(spans(found), [[12, 14, '\u200b\u200b'], [30, 31, '\u00ad']]);
  assert.match(found[0].message, /U\+200B/);
  assert.is(fixText(text, invisible).output, 'The area of Tianjin and her absences.');
  assert.equal(invisible('A family 👨\u200d👩\u200d👧 and می\u200cخواهم.'), []);
  // Each rule handles only its own characters.
  assert.equal(spans(lintText(text, [rule('script/invisible-character')])), [[30, 31, '\u00ad']]);
  assert.equal(rule('script/zero-width-space').enabled, false);
});

test('every mode walks only the lines with characters other than plain English ones: in a long text, each artifact is found where it is', () => {
  // Each artifact with what the script rules find in it ([rule, start, end, fix] within the line).
  const artifacts: [string, [string, number, number, string | null][]][] = [
    ['the paper Новая газета said', [['foreign-script', 10, 22, null]]],
    ['Новая газета', [['foreign-script', 0, 12, null]]],
    ['talks in Кyiv today', [['homoglyph', 9, 13, 'Kyiv']]],
    ['talks in Кyiv', [['homoglyph', 9, 13, 'Kyiv']]],
    [`Kyiv${mangle('’')}s talks`, [['mojibake', 4, 7, '’']]],
    [`in ${mangle('Zürich')}`, [['mojibake', 4, 6, 'ü']]],
    ['Repairing，management', [['fullwidth-punctuation', 9, 10, ', ']]],
    ['the \u200barea of', [['zero-width-space', 4, 5, '']]],
    ['of the\u00ad', [['invisible-character', 6, 7, '']]],
    ['naïve café in Zürich', []],
  ];
  // Artifacts and plain lines (longer than the 30 characters mojibake looks around), with every kind of line break.
  const plain = 'A plain line of English copy, with ‘quotes’ and “marks” – and more…';
  const breaks = ['\n', '\r\n', '\r', '\n\n'];
  const random = rng(7);
  let text = '';
  const expected: [string, number, number, string | null][] = [];
  for (let k = 0; k < 100; k++) {
    const [line, found] = random() < 0.5 ? artifacts[Math.floor(random() * artifacts.length)] : [plain, []];
    for (const [id, start, end, fix] of found) expected.push([`script/${id}`, text.length + start, text.length + end, fix]);
    text += line + breaks[Math.floor(random() * breaks.length)];
  }
  const ids = ['foreign-script', 'homoglyph', 'mojibake', 'fullwidth-punctuation', 'invisible-character', 'zero-width-space'];
  const all = ids.map((id) => ({ ...rule(`script/${id}`), enabled: true }));
  assert.ok(expected.length >= 30, `${expected.length} artifacts`);
  assert.equal(lintText(text, all).map((f) => [f.ruleId, f.start, f.end, f.fix?.text ?? null]), expected);
});

test('options are validated with the rule file and key in the error', () => {
  const spec = (options: Record<string, unknown>, lines: Record<string, number>): RuleSpec => ({
    id: 'script/x', kind: 'script', severity: 'error', confidence: 1, message: 'm', description: 'd', source: 's',
    fix: 'none', enabled: true, examples: { flag: [], pass: [] }, options, file: 'rules/script/x.yaml', lines,
  });
  const env = makeEnv(BUILTIN_RULES_DIR);
  const fails = (options: Record<string, unknown>, pattern: RegExp) =>
    assert.throws(() => script.compile(spec(options, { mode: 2, scripts: 3, min_letters: 4 }), env), (e: unknown) => e instanceof RuleError && pattern.test(e.message));
  fails({ mode: 'runes' }, /x\.yaml:2: mode: expected one of foreign/);
  fails({ mode: 'foreign', scripts: ['Klingon'] }, /x\.yaml:3: scripts: invalid regular expression/);
  fails({ mode: 'foreign', scripts: [] }, /:3: scripts: list at least one/);
  fails({ mode: 'homoglyph', min_letters: 3 }, /:4: min_letters: only for mode: foreign/);
});

/** Article texts of a TSV: rows grouped by `docCol`, `textCol` joined one paragraph per row. */
const articles = (file: string, docCol: string, textCol: string): string[] => tsvArticles(readTsv(file), docCol, textCol).map((a) => a.text);

if (HAS_SHARED) {
  const all = (text: string) =>
    lintText(text, ['foreign-script', 'homoglyph', 'mojibake', 'fullwidth-punctuation', 'invisible-character'].map((id) => rule(`script/${id}`)));

  test('clean English news: no script finding', () => {
    const sets: [string, string, string][] = [
      ['clean-english-dev/newstest2021.en-X.refs.tsv', 'doc_id', 'src'],
      ['mt-dev/newstest2021.ru-en.refs.tsv', 'doc_id', 'ref_A'],
      ['mt-dev/newstest2021.ru-en.refs.tsv', 'doc_id', 'ref_B'],
    ];
    for (const [file, doc, col] of sets) {
      for (const text of articles(join(SHARED, 'data', file), doc, col)) {
        assert.equal(all(text).map((f) => `${file} ${col}: ${f.ruleId} ${f.text}`), []);
      }
    }
  });

  test('mojibake round trip: real translated text, mangled once or twice, is restored', () => {
    const texts = [
      ...articles(join(SHARED, 'data', 'mt-dev/newstest2021.ru-en.refs.tsv'), 'doc_id', 'src').slice(0, 30),
      ...articles(join(SHARED, 'data', 'mt-dev/newstest2021.ru-en.refs.tsv'), 'doc_id', 'ref_B').slice(0, 30),
    ];
    for (const text of texts) {
      assert.equal(mojibake(text), [], 'clean text is not mojibake');
      assert.is(fixText(mangle(text), mojibake).output, text);
      assert.is(fixText(mangle(mangle(text)), mojibake).output, text);
    }
  });
} else skip('clean English news and mojibake round trip', '../shared/data absent');

test.run();
