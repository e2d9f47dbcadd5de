// Lines not in English: found (text/language.ts), and left alone by the rules that assume
// English — names in their German, French or Polish forms are not "corrected" into English ones.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lint } from '../src/index.js';
import { isEnglishWord } from '../src/engine/english.js';
import { TextDocument } from '../src/text/document.js';
import { foreignLines } from '../src/text/language.js';
import { builtinRules } from './helpers.js';

/** Paragraphs written for this test, each naming people or places of the gazetteer in its own language's forms. */
const FOREIGN = [
  'Selenskyj trifft Scholz in München',
  'Selenskyj: Russland hat Kiew in der Nacht erneut mit Drohnen angegriffen',
  'Der ukrainische Präsident Wolodymyr Selenskyj hat in Kiew den deutschen Bundeskanzler empfangen. Lawrow warf dem Westen vor, den Krieg zu verlängern.',
  'Die Gespräche in Istanbul sind die die Verhandlungen fortsetzen sollen, sagte Kuleba.',
  'Le président ukrainien Volodymyr Zelensky a rencontré Emmanuel Macron à Paris lundi. Sergueï Lavrov a dénoncé une provocation.',
  'El presidente ucraniano, Volodímir Zelenski, pidió más defensas antiaéreas tras el ataque contra Kiev.',
  'Il ministro degli Esteri russo Serghei Lavrov ha detto che Mosca non fermerà le operazioni militari.',
  'Prezydent Wołodymyr Zełenski spotkał się w Kijowie z premierem. Siergiej Ławrow oskarżył Zachód.',
  'De Oekraïense president Zelenski sprak maandag in Kiev met de Poolse premier over de oorlog.',
  'O presidente ucraniano Volodymyr Zelensky esteve em Kiev com o chanceler alemão.',
];

/** English lines the test must not take for another language: headlines, short lines, contractions, MT English. */
const ENGLISH = [
  'Ad sales boost Time Warner profit',
  'Prime minister\'s questions',
  'MG Rover China tie-up \'delayed\'',
  'It didn\'t work.',
  'Leave a Reply',
  'Russian Foreign Minister Sergey Lavrov said President Vladimir Putin had ordered the suspension of military operations.',
  'Lavor further stated that Russian President Vladimir Putin had ordered the suspension of military operations in Ukraine.',
  'After convincing that the Ukrainian party did not plan to retaliate, said Lavrov, a decision was made.',
];

const foreign = (text: string) => foreignLines(new TextDocument(text), isEnglishWord).map((b) => text.slice(b.start, b.end));

test('each paragraph in another language is found whole; English lines are not', () => {
  for (const p of FOREIGN) assert.equal(foreign(p), [p], p);
  for (const e of ENGLISH) assert.equal(foreign(e), [], e);
});

test('lines are judged one by one: a German headline in a list of English ones', () => {
  const text = 'Talks resumed in Kyiv on Monday.\r\nSelenskyj trifft Scholz in München\r\nThe minister spoke on Tuesday.\n';
  assert.equal(foreign(text), ['Selenskyj trifft Scholz in München']);
});

test('rules that assume English raise nothing on other languages (and would without the language test)', () => {
  const ungated = builtinRules().map((r) => ({ ...r, english: false }));
  let without = 0;
  for (const p of FOREIGN) {
    const found = lint(p);
    assert.equal(found.filter((f) => f.fix), [], `a fix in: ${p}`);
    // Only language-neutral rules may still speak (none does on these paragraphs).
    assert.equal(found.map((f) => f.ruleId), [], p);
    without += lint(p, { rules: ungated }).length;
  }
  assert.ok(without >= 5, `without the language test these paragraphs raise findings (${without})`);
});

test('English paragraphs around a foreign line are still checked', () => {
  const text = 'Selenskyj trifft Scholz in München\n\nLast week, Lavrov spoke. Lavrov said more. Lavrov left. Then Lavor said that the the talks failed.';
  const found = lint(text);
  assert.equal(found.map((f) => `${f.ruleId} ${f.text}`), ['names/inconsistent-spelling Lavor', 'repetition/repeated-word the the']);
});

test.run();
